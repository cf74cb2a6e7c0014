/**
 * `npm run soak [-- --minutes 10]`: a bounded soak for manual runs, the seminar week in miniature.
 * The real server runs as `npm start` does, in a child process on a fixed port, while in this process:
 * writers (working group) edit one draft with the stock y-websocket client, commenters (participants)
 * post comments on the other, and churners open and drop read-only sockets on both. A third of the
 * way in the server is killed with SIGKILL, two thirds in it is stopped with SIGTERM; both times it is
 * started again on the same port and every client reconnects on its own.
 *
 * At the end it checks what the platform promises (docs/DURABILITY.md): every writer, and a fresh
 * load after a last restart, hold the same text; every acknowledged comment is there; the server's
 * memory did not keep growing between restarts. Prints a summary and exits 1 if a check failed.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { TEXT_FIELD, plainText } from '../server/documents/text.ts';
import { connect, waitFor, type CollabClient } from './helpers/collabClient.ts';
import { spawnServer, type ServerProcess } from './helpers/serverProcess.ts';
import { ADMIN_TOKEN, SEED_IDS, signIn, tempDataDir } from './helpers/testServer.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    writers: { type: 'string', default: '8' },
    commenters: { type: 'string', default: '6' },
    churn: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
  },
});
const MINUTES = Number(values.minutes);
const WRITERS = Number(values.writers);
const COMMENTERS = Number(values.commenters);
/** Read-only connections opened and dropped per second. */
const CHURN_PER_SECOND = Number(values.churn);
if (![MINUTES, WRITERS, COMMENTERS, CHURN_PER_SECOND].every((n) => Number.isFinite(n) && n > 0)) throw new Error('--minutes, --writers, --commenters and --churn take positive numbers');

// Each stock y-websocket client in Node adds a process 'exit' listener (to say goodbye to its peers).
process.setMaxListeners(0);

const [EDITED, COMMENTED] = SEED_IDS as [string, string];
const started = Date.now();
const log = (line: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** A small seeded generator, so a failing run can be repeated with the same --seed. */
let state = Number(values.seed) >>> 0 || 1;
function random(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const WORDS = ['trust', 'civil society', 'harm reduction', 'stigma', 'partnership', 'evaluation', 'treatment', 'dialogue', 'independence', 'peer support'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

// oxlint-disable-next-line typescript/no-explicit-any -- the script reads a few known fields
async function api(url: string, method: string, route: string, cookie: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: { cookie, origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const dataDir = tempDataDir();
const port = await freePort();
const env = { DATA_DIR: dataDir, ADMIN_TOKEN, PORT: String(port), LOG_LEVEL: 'error' };
let server: ServerProcess = await spawnServer(env);
const url = server.url;
const wsUrl = url.replace(/^http/, 'ws');
const admin = await signIn(url, ADMIN_TOKEN);
for (const [id, phase] of [[EDITED, 'revision'], [COMMENTED, 'consultation']] as const) {
  const res = await api(url, 'POST', `/api/documents/${id}/phase`, admin, { phase });
  if (res.status !== 200) throw new Error(`phase change failed: ${JSON.stringify(res.body)}`);
}

async function invite(role: string, n: number): Promise<string> {
  const res = await api(url, 'POST', '/api/people', admin, { name: `Soak ${role} ${n}`, email: `soak-${role}-${n}@example.org`, role, country: 'DE', organisation: 'Soak', stakeholder: 'government' });
  if (res.status !== 201) throw new Error(`invite failed: ${JSON.stringify(res.body)}`);
  return signIn(url, res.body.inviteToken as string);
}

const writerCookies = await Promise.all(Array.from({ length: WRITERS }, (_, i) => invite('working-group', i)));
const commenterCookies = await Promise.all(Array.from({ length: COMMENTERS }, (_, i) => invite('participant', i)));
const readerCookie = await invite('participant', COMMENTERS);
const sectionIds = ((await api(url, 'GET', `/api/documents/${COMMENTED}`, admin)).body.sections as Array<{ id: string }>).map((s) => s.id);

const writers: CollabClient[] = writerCookies.map((cookie) => connect(wsUrl, EDITED, cookie));
await Promise.all(writers.map((w) => w.synced));
log(`server on port ${port} (data in ${dataDir}); ${WRITERS} writers, ${COMMENTERS} commenters, ${CHURN_PER_SECOND} churned sockets a second, for ${MINUTES} min`);

/** Read by the loops below, across awaits. */
const run = { on: true };
let serverUp = true;
const counts = { edits: 0, acknowledged: 0, refused: 0, unreachable: 0, churned: 0 };
const acknowledged: string[] = [];

/** One edit the way the editor makes them: a few words typed into, or cut from, a paragraph. */
function edit(doc: Y.Doc): void {
  const texts = doc.getXmlFragment(TEXT_FIELD).toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph');
  const text = pick(texts).toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText);
  if (!text) return;
  const length = plainText(text).length;
  if (random() < 0.7 || length < 40) text.insert(Math.floor(random() * (length + 1)), ` ${pick(WORDS)}`);
  else text.delete(Math.floor(random() * (length - 10)), 1 + Math.floor(random() * 8));
  counts.edits++;
}

const loops: Array<Promise<void>> = [];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const writer of writers) {
  loops.push(
    (async () => {
      while (run.on) {
        edit(writer.doc); // made offline too while the server is down: Yjs sends them on reconnect
        await pause(150 + random() * 200);
      }
    })(),
  );
}

for (const cookie of commenterCookies) {
  loops.push(
    (async () => {
      while (run.on) {
        try {
          const res = await api(url, 'POST', `/api/documents/${COMMENTED}/threads`, cookie, { sectionId: pick(sectionIds), kind: 'general', body: `Soak comment ${counts.acknowledged + counts.refused}: ${pick(WORDS)}` });
          if (res.status === 201) {
            acknowledged.push(res.body.id as string);
            counts.acknowledged++;
          } else counts.refused++;
        } catch {
          counts.unreachable++; // the server is down: nothing was acknowledged
        }
        await pause(400 + random() * 400);
      }
    })(),
  );
}

loops.push(
  (async () => {
    while (run.on) {
      if (serverUp) {
        const batch = Array.from({ length: CHURN_PER_SECOND }, (_, i) => connect(wsUrl, i % 2 ? EDITED : COMMENTED, readerCookie));
        await Promise.race([Promise.all(batch.map((c) => c.synced)), pause(2_000)]);
        batch.forEach((c) => c.destroy());
        counts.churned += batch.length;
      }
      await pause(1_000);
    }
  })(),
);

/** RSS samples since the last (re)start, for the growth check. */
let samples: number[] = [];
const sampler = setInterval(() => {
  const rss = rssMb(server.child.pid);
  if (rss) samples.push(rss);
}, 5_000);
const reporter = setInterval(() => {
  log(`rss ${rssMb(server.child.pid).toFixed(0)} MB · edits ${counts.edits} · comments acknowledged ${counts.acknowledged}, refused ${counts.refused}, unreachable ${counts.unreachable} · sockets churned ${counts.churned}`);
}, 60_000);

const growth: string[] = [];
function recordGrowth(label: string): void {
  // Compare the second minute with the last one: the first holds start-up and warm-up. The data
  // grows all along (thousands of comments held in memory), so some growth is expected; a leak shows
  // as growth far beyond it.
  const perMinute = 12;
  if (samples.length >= 3 * perMinute) {
    const early = samples.slice(perMinute, 2 * perMinute);
    const late = samples.slice(-perMinute);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    growth.push(`${label}: ${mean(early).toFixed(0)} MB → ${mean(late).toFixed(0)} MB (×${(mean(late) / mean(early)).toFixed(2)})`);
  } else growth.push(`${label}: too short to judge (${samples.length} samples)`);
  samples = [];
}

async function restart(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  recordGrowth(`before the ${signal}`);
  serverUp = false;
  server.child.kill(signal);
  const { code } = await server.exited;
  log(`server stopped by ${signal}${signal === 'SIGTERM' ? ` (exit code ${code})` : ''}; starting it again`);
  server = await spawnServer(env);
  serverUp = true;
}

const total = MINUTES * 60_000;
await pause(total / 3);
await restart('SIGKILL');
await pause(total / 3);
await restart('SIGTERM');
await pause(total / 3);
recordGrowth('after the last restart');

run.on = false;
await Promise.all(loops);
clearInterval(sampler);
clearInterval(reporter);

const failures: string[] = [];

// Every writer ends with the same text, and a fresh client loads exactly that.
const textOf = (doc: Y.Doc) => doc.getXmlFragment(TEXT_FIELD).toString();
try {
  await waitFor(() => writers.every((w) => textOf(w.doc) === textOf(writers[0]!.doc)), 60_000, 'the writers to converge');
} catch (error) {
  failures.push(String(error));
}
const settled = textOf(writers[0]!.doc);
writers.forEach((w) => w.destroy());

server.child.kill('SIGTERM');
await server.exited;
server = await spawnServer(env);
const fresh = connect(wsUrl, EDITED, await signIn(url, ADMIN_TOKEN));
await fresh.synced;
if (textOf(fresh.doc) !== settled) failures.push('a fresh load after the last restart differs from the text the writers hold');
fresh.destroy();

const threads = (await api(url, 'GET', `/api/documents/${COMMENTED}/threads`, await signIn(url, ADMIN_TOKEN))).body as Array<{ id: string }>;
const stored = new Set(threads.map((t) => t.id));
const missing = acknowledged.filter((id) => !stored.has(id));
if (missing.length) failures.push(`${missing.length} acknowledged comments are missing`);
for (const line of growth) {
  const ratio = Number(/×([\d.]+)/.exec(line)?.[1] ?? 1);
  if (ratio > 1.5) failures.push(`memory kept growing ${line}`);
}

server.child.kill('SIGTERM');
await server.exited;
rmSync(dataDir, { recursive: true, force: true });

console.log('\nSoak summary');
console.log(`  ${counts.edits} edits by ${WRITERS} writers, converged and reloaded: ${failures.some((f) => /converge|fresh load/.test(f)) ? 'NO' : 'yes'}`);
console.log(`  ${counts.acknowledged} comments acknowledged (all ${missing.length ? 'NOT ' : ''}found after restarts), ${counts.refused} refused, ${counts.unreachable} sent while the server was down`);
console.log(`  ${counts.churned} read-only sockets opened and dropped`);
console.log(`  server memory (RSS, second minute → last minute of each stretch): ${growth.join('; ')}`);
console.log(failures.length ? `\nFAILED:\n  ${failures.join('\n  ')}` : '\nAll checks held.');
process.exit(failures.length ? 1 : 0);
