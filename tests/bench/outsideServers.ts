/**
 * Servers for the outsider's harness (processes.ts): our server as `npm start` runs it, with bench
 * documents in `revision` and people made through its own REST API, and the reference in processes
 * of their own, primed with our documents' text as read by a client of ours (so from outside too).
 */
import { rmSync } from 'node:fs';
import { connect } from '../helpers/collabClient.ts';
import { ADMIN_TOKEN, signIn, tempDataDir } from '../helpers/testServer.ts';
import type { Endpoint } from './clients.ts';
import { within, type Side } from './helpers.ts';
import { spawnOurs, spawnReference, type ServerProcess } from './processes.ts';
import { writeSeedDir } from './servers.ts';
import * as Y from 'yjs';

export interface OutsideSide {
  endpoint: Endpoint;
  server: ServerProcess;
  /** Lets the server settle between runs (from outside there is no room count to read). */
  idle(): Promise<void>;
}

export interface OutsideServers {
  ours: OutsideSide & { url: string; admin: string; commenters: string[] };
  reference?: OutsideSide;
  referenceNoEcho: OutsideSide;
  close(): Promise<void>;
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 1000));

async function api(url: string, cookie: string, method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${route}`, { method, headers: { cookie, origin: url, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function personCookie(url: string, admin: string, role: 'working-group' | 'participant', name: string): Promise<string> {
  const email = `${name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '.')}@bench.example.org`;
  const invited = await api(url, admin, 'POST', '/api/people', { name, email, role, country: 'FR', organisation: 'Bench', stakeholder: 'other' });
  return signIn(url, invited.inviteToken as string);
}

/** The first section's id of a document, for comments on a whole section. */
export async function firstSectionId(url: string, cookie: string, documentId: string): Promise<string> {
  const detail = (await api(url, cookie, 'GET', `/api/documents/${documentId}`)) as { sections?: Array<{ id: string }> };
  const id = detail.sections?.[0]?.id;
  if (!id) throw new Error(`document ${documentId} has no section`);
  return id;
}

export async function startOutside(options: {
  documentIds: string[];
  writers: number;
  readers: number;
  commenters?: number;
  stockReference?: boolean;
  cpuProfileDir?: string;
  log(line: string): void;
}): Promise<OutsideServers> {
  const dataDir = tempDataDir();
  const seedDir = writeSeedDir(options.documentIds, []);
  options.log('starting our server (node server/start.mjs) and the reference in processes of their own…');
  const [oursProcess, noEchoProcess, stockProcess] = await Promise.all([
    spawnOurs({ dataDir, seedDir, adminToken: ADMIN_TOKEN, cpuProfileDir: options.cpuProfileDir }),
    spawnReference('no-echo'),
    options.stockReference ? spawnReference('echo') : Promise.resolve(undefined),
  ]);
  const url = oursProcess.url;
  const admin = await signIn(url, ADMIN_TOKEN);
  for (const id of options.documentIds) await api(url, admin, 'POST', `/api/documents/${id}/phase`, { phase: 'revision' });
  const make = async (count: number, role: 'working-group' | 'participant', label: string) => {
    const cookies: string[] = [];
    for (let i = 0; i < count; i++) cookies.push(await personCookie(url, admin, role, `${label} ${i + 1}`));
    return cookies;
  };
  const writers = await make(options.writers, 'working-group', 'Writer');
  const readers = await make(options.readers, 'participant', 'Reader');
  // Participants may not comment in revision (shared/access.ts): the commenters are working-group members.
  const commenters = await make(options.commenters ?? 0, 'working-group', 'Commenter');
  const references = [noEchoProcess, stockProcess].filter((r) => r !== undefined);
  for (const id of options.documentIds) {
    const client = connect(url.replace(/^http/, 'ws'), id, writers[0]!);
    await within(client.synced, 30_000, `a client to read ${id} from our server`);
    const state = Y.encodeStateAsUpdate(client.doc);
    client.destroy();
    for (const reference of references) await reference.prime(id, state);
  }
  const wsUrl = (server: ServerProcess) => server.url.replace(/^http/, 'ws');
  const side = (server: ServerProcess, name: Side, cookies: { writers: string[]; readers: string[] }): OutsideSide => ({
    endpoint: { side: name, wsUrl: wsUrl(server), ...cookies },
    server,
    idle: settle,
  });
  return {
    ours: { ...side(oursProcess, 'ours', { writers, readers }), url, admin, commenters },
    reference: stockProcess && side(stockProcess, 'reference', { writers: [''], readers: [''] }),
    referenceNoEcho: side(noEchoProcess, 'referenceNoEcho', { writers: [''], readers: [''] }),
    async close() {
      await Promise.all([oursProcess.stop(), noEchoProcess.stop(), stockProcess?.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(seedDir, { recursive: true, force: true });
    },
  };
}
