/**
 * (f) Server memory per connection and per open document. Our server runs alone in a child process
 * (`node server/start.mjs`, as `npm start` runs it, with persistence) so that its RSS
 * is its own; memoryProbe.mjs, preloaded into it, collects garbage and reports the heap on request.
 * Readings: with one warm-up connection on an 11th document (kept open, so that the code paths are
 * loaded), then with one connection on each of 10 documents, then with 200 connections on those 10
 * documents (copies of a real draft). The 200 do not count the warm-up connection.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_TOKEN, ROOT, signIn, tempDataDir } from '../helpers/testServer.ts';
import { allSynced, closeAll, join, type CollabClient, type Endpoint } from './clients.ts';
import type { BenchContext } from './context.ts';
import { within, type Figure, type ScenarioResult } from './helpers.ts';
import { writeSeedDir } from './servers.ts';

const DOCUMENT_IDS = Array.from({ length: 10 }, (_, i) => `memory-${String(i + 1).padStart(2, '0')}`);
const WARMUP_ID = 'memory-warmup';
const CONNECTIONS = 200;
const MiB = 1024 * 1024;

interface Reading {
  rss: number;
  heapUsed: number;
}

function spawnServer(dataDir: string, seedDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', pathToProbe(), path.join(ROOT, 'server', 'start.mjs')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        SEED_DIR: seedDir,
        ADMIN_TOKEN,
        // A folder that does not exist: no web app, and no build of it.
        CLIENT_DIR: path.join(dataDir, 'no-client'),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  const started = new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /Accord is running at (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`the server exited early (${code}): ${err}`)));
  });
  return within(started, 60_000, 'the server child process to start');
}

function pathToProbe(): string {
  return new URL('./memoryProbe.mjs', import.meta.url).href;
}

function vmRss(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error('no VmRSS in /proc/PID/status');
  return Number(match[1]) * 1024;
}

async function read(child: ChildProcess): Promise<Reading> {
  const answer = new Promise<NodeJS.MemoryUsage>((resolve) => {
    const onMessage = (message: { memory?: NodeJS.MemoryUsage }) => {
      if (!message.memory) return;
      child.off('message', onMessage);
      resolve(message.memory);
    };
    child.on('message', onMessage);
  });
  child.send('memory?');
  const memory = await within(answer, 10_000, 'the memory probe to answer');
  // After the collection the probe just ran, so RSS reflects live data plus what V8 keeps reserved.
  return { rss: vmRss(child.pid!), heapUsed: memory.heapUsed };
}

async function api(url: string, cookie: string, method: string, route: string, body: unknown) {
  const res = await fetch(`${url}${route}`, { method, headers: { cookie, origin: url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { inviteToken?: string };
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function runMemory(ctx: BenchContext): Promise<ScenarioResult> {
  const dataDir = tempDataDir();
  const seedDir = writeSeedDir([...DOCUMENT_IDS, WARMUP_ID], []);
  ctx.log('(f) starting our server in a child process…');
  const { child, url } = await spawnServer(dataDir, seedDir);
  const clients: CollabClient[] = [];
  try {
    const admin = await signIn(url, ADMIN_TOKEN);
    for (const id of [...DOCUMENT_IDS, WARMUP_ID]) await api(url, admin, 'POST', `/api/documents/${id}/phase`, { phase: 'revision' });
    const cookies: string[] = [];
    for (let i = 0; i < 10; i++) {
      const role = i < 5 ? 'working-group' : 'participant';
      const invited = await api(url, admin, 'POST', '/api/people', { name: `Memory ${i}`, email: `memory${i}@example.org`, role, country: 'FR', organisation: 'Bench', stakeholder: 'other' });
      cookies.push(await signIn(url, invited.inviteToken!));
    }
    const endpoint: Endpoint = { side: 'ours', wsUrl: url.replace(/^http/, 'ws'), writers: cookies, readers: cookies };
    const connect = (count: number, offset: number) =>
      Array.from({ length: count }, (_, i) => join(endpoint, DOCUMENT_IDS[(offset + i) % DOCUMENT_IDS.length]!, cookies[(offset + i) % cookies.length]!));

    // Load the collaboration code paths first (one client on another document, kept open), so that
    // the first measured document does not pay for them.
    clients.push(join(endpoint, WARMUP_ID, cookies[0]!));
    await allSynced(clients, 30_000, 'the warm-up client to sync');
    const before = await read(child);
    const measured: CollabClient[] = [];

    measured.push(...connect(DOCUMENT_IDS.length, 0));
    clients.push(...measured);
    await allSynced(measured, 30_000, 'one client per document to sync');
    const documentsOpen = await read(child);

    const more = connect(CONNECTIONS - DOCUMENT_IDS.length, DOCUMENT_IDS.length);
    measured.push(...more);
    clients.push(...more);
    await allSynced(measured, 60_000, `${CONNECTIONS} clients to sync`);
    const all = await read(child);

    const perConnection = (all.rss - documentsOpen.rss) / (CONNECTIONS - DOCUMENT_IDS.length);
    const perConnectionHeap = (all.heapUsed - documentsOpen.heapUsed) / (CONNECTIONS - DOCUMENT_IDS.length);
    const perDocument = (documentsOpen.rss - before.rss) / DOCUMENT_IDS.length - perConnection;
    // RSS moves in allocator-sized steps: for 10 small documents it is within the noise, the heap is not.
    const perDocumentHeap = (documentsOpen.heapUsed - before.heapUsed) / DOCUMENT_IDS.length - perConnectionHeap;
    const scenario = `(f) server memory, ${CONNECTIONS} connections on ${DOCUMENT_IDS.length} documents`;
    const figures: Figure[] = [
      { scenario, metric: 'RSS, started (one warm-up client)', unit: 'MiB', ours: before.rss / MiB, better: 'lower' },
      { scenario, metric: `RSS, ${DOCUMENT_IDS.length} documents open, 1 connection each`, unit: 'MiB', ours: documentsOpen.rss / MiB, better: 'lower' },
      { scenario, metric: `RSS, ${CONNECTIONS} connections`, unit: 'MiB', ours: all.rss / MiB, better: 'lower' },
      { scenario, metric: `heap used, ${CONNECTIONS} connections`, unit: 'MiB', ours: all.heapUsed / MiB, better: 'lower' },
      { scenario, metric: 'per connection: RSS', unit: 'KiB', ours: perConnection / 1024, better: 'lower' },
      { scenario, metric: 'per connection: heap', unit: 'KiB', ours: perConnectionHeap / 1024, better: 'lower' },
      { scenario, metric: 'per open document: heap', unit: 'KiB', ours: perDocumentHeap / 1024, better: 'lower' },
    ];
    return {
      figures,
      verdicts: [
        {
          target: `(f) < 150 MB RSS with ${CONNECTIONS} connections on ${DOCUMENT_IDS.length} documents`,
          pass: all.rss < 150 * 1e6,
          detail: `${(all.rss / 1e6).toFixed(0)} MB (${((all.rss / 150e6) * 100).toFixed(0)} % of the limit)`,
        },
      ],
      notes: [
        `(f) heap used (after a forced collection): ${(before.heapUsed / MiB).toFixed(1)} MiB started (warm-up client only), ${(documentsOpen.heapUsed / MiB).toFixed(1)} MiB with ${DOCUMENT_IDS.length} documents open, ${(all.heapUsed / MiB).toFixed(1)} MiB with ${CONNECTIONS} connections. Each document is a copy of a real seed draft. Per open document, RSS moved by ${(perDocument / 1024).toFixed(0)} KiB, within the allocator's noise; the heap figure is the one to read.`,
      ],
    };
  } finally {
    closeAll(clients);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await within(exited, 10_000, 'the server child process to stop').catch(() => child.kill('SIGKILL'));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });
  }
}
