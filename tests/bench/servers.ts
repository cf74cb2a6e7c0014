/**
 * The two servers under test, both on this process's main thread, on 127.0.0.1 and port 0:
 *
 * - ours: startTestServer() with persistence on (a temporary DATA_DIR), the bench drafts as its seed,
 *   every bench document in `revision`, typing clients signed in as working-group members and the
 *   others as participants (read-only), so every rights check runs;
 * - the reference: @y/websocket-server@0.1.1's setupWSConnection on a plain `ws` server and http
 *   server, no persistence, the same `ws` version as ours so that only the Yjs server logic differs;
 * - the reference without its echo: the same, with referenceRelay.ts's copy of its relay logic, which
 *   does not send an update back to its sender (ours does not either).
 *
 * Each reference gets the same starting text: the state of each of our documents is copied into it.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { ROOT, startTestServer, type TestServer } from '../helpers/testServer.ts';
import type { Endpoint } from './clients.ts';
import { DOCUMENTS, until } from './helpers.ts';

export { startReference, type ReferenceServer } from './referenceServer.ts';

const REAL_DRAFTS = ['cooperation-with-civil-society.md', 'reducing-drug-related-stigma.md'];
const SHORT_DRAFT = '# Trace replay\n\n## Text\n\nThe replayed trace is typed in the paragraph below.\n';

/** Writes a seed folder: each id a copy of a real draft, or the short draft. */
export function writeSeedDir(real: string[], short: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-seed-'));
  real.forEach((id, i) => {
    const draft = REAL_DRAFTS.find((name) => name === `${id}.md`) ?? REAL_DRAFTS[i % REAL_DRAFTS.length]!;
    copyFileSync(path.join(ROOT, 'docs-seed', draft), path.join(dir, `${id}.md`));
  });
  for (const id of short) writeFileSync(path.join(dir, `${id}.md`), SHORT_DRAFT);
  return dir;
}

export interface OursServer {
  test: TestServer;
  endpoint: Endpoint;
  /** Cookie and token of a working-group member, for the REST API and the browser. */
  editor: { cookie: string; token: string };
  documentIds: string[];
  /** The Yjs state of one of our documents, read through its room. */
  stateOf(documentId: string): Promise<Uint8Array>;
  /** Applies `update` to our live document through its room, so it is stored like any edit. */
  apply(documentId: string, update: Uint8Array): Promise<void>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let i = 0; i < count; i += size) {
    made.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  }
  return made;
}

export async function startOurs(people: { writers: number; readers: number }): Promise<OursServer> {
  const real = [DOCUMENTS.fanoutOne, ...DOCUMENTS.fanoutMany];
  const short = [DOCUMENTS.traceWarmup, ...DOCUMENTS.trace, DOCUMENTS.storm];
  const seedDir = writeSeedDir(real, short);
  const test = await startTestServer({ config: { seedDir } });
  rmSync(seedDir, { recursive: true, force: true });
  const documentIds = [...real, ...short];
  for (const id of documentIds) await test.setPhase(id, 'revision');
  const writers = await inBatches(people.writers, 8, (i) => test.person({ role: 'working-group', name: `Writer ${i + 1}` }));
  const readers = await inBatches(people.readers, 8, (i) => test.person({ role: 'participant', name: `Reader ${i + 1}` }));
  const collab = () => test.server.services.collab;
  return {
    test,
    endpoint: { side: 'ours', wsUrl: test.wsUrl, writers: writers.map((w) => w.cookie), readers: readers.map((r) => r.cookie) },
    editor: { cookie: writers[0]!.cookie, token: writers[0]!.token },
    documentIds,
    stateOf: (documentId) => collab().rooms.use(documentId, (room) => Y.encodeStateAsUpdate(room.doc)),
    apply: (documentId, update) => collab().rooms.use(documentId, (room) => Y.applyUpdate(room.doc, update)),
    // Every socket gone and every document written and dropped from memory.
    idle: () => until(() => collab().connectionCount() === 0 && collab().rooms.size === 0, 30_000, 'our server to let go of every document'),
    close: () => test.close(),
  };
}

