/**
 * (i) The first download after the server starts, and the report CLI's start. For each report format
 * and each version file, a fresh server (`node server/start.mjs`, as `npm start` runs it) is started
 * on the same data of 200 comments; the page the download is on is opened (the report's JSON, the
 * list of versions), which warms the render worker; then the server is left quiet (at least 3 s, and
 * until the process has used no CPU for a second) and asked for the file twice: the
 * first answer is the figure, the second, warm one the reference of the same run. Target: every first
 * answer under 1 s. The CLI's `--help` is timed as `npm run report` runs it (compiled) against the
 * TypeScript sources through tsx; target < 2 s.
 *
 * Alone: `node --import tsx tests/bench/firstDownload.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { BenchContext } from './context.ts';
import type { Figure, ScenarioResult, Verdict } from './helpers.ts';
import { processCpuMs, spawnOurs } from './processes.ts';
import { ADMIN_TOKEN, ROOT, SEED_IDS, signIn, startTestServer, tempDataDir } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import type { ThreadRecord } from '../../server/storage/threadRecords.ts';
import { STAKEHOLDERS, THREAD_KINDS, THREAD_STATUSES } from '../../shared/domain.ts';
import type { Person } from '../../shared/api.ts';

const DOC = SEED_IDS[0];
const COMMENTS = 200;
const LIMIT_MS = 1000;
const CLI_LIMIT_MS = 2000;
/**
 * Quiet before the first request: at least this long (the old worker stopped after 2 s idle), and
 * until the server process has used no CPU for a second, so the warm-up that opening the page began
 * is over (a person reads the page for longer than that before pressing a download button).
 */
const QUIET_MS = 3000;

async function quietSpell(pid: number): Promise<void> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const started = performance.now();
  await sleep(QUIET_MS);
  let last = processCpuMs(pid) ?? 0;
  while (performance.now() - started < 180_000) {
    await sleep(1000);
    const now = processCpuMs(pid) ?? 0;
    if (now - last < 30) return;
    last = now;
  }
}
const FILES = ['json', 'csv', 'md', 'xlsx', 'docx', 'pdf', 'version md', 'version docx', 'version pdf'] as const;

/** 200 comments from 10 people of 5 countries, written straight into the data, as report.ts does. */
async function prepareData(): Promise<string> {
  const dataDir = tempDataDir();
  const t = await startTestServer({ dataDir });
  const people: Person[] = [];
  for (let i = 0; i < 10; i++) people.push((await t.person({ country: ['DE', 'FR', 'ES', 'JO', 'BR'][i % 5]!, stakeholder: STAKEHOLDERS[i % 4], name: `Commenter ${i} é` })).person);
  const targets = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, ...anchorOn(p.text, 0, 15) })));
  await t.close();
  const at = new Date().toISOString();
  const threads: ThreadRecord[] = Array.from({ length: COMMENTS }, (_, i) => {
    const target = targets[i % targets.length]!;
    const author = people[i % people.length]!;
    const status = THREAD_STATUSES[i % THREAD_STATUSES.length]!;
    return {
      id: crypto.randomUUID(),
      ref: `${author.country}-${String(i + 1).padStart(3, '0')}`,
      documentId: DOC,
      sectionId: target.sectionId,
      anchor: target.anchor,
      originalQuote: target.quote,
      kind: THREAD_KINDS[i % THREAD_KINDS.length]!,
      body: `Comment ${i}: the wording is unclear — café, Müller, مرحبا.\nA second line.`,
      proposedText: i % 2 ? `Proposed wording ${i}.` : null,
      authorId: author.id,
      createdAt: at,
      updatedAt: at,
      previousBodies: [],
      status,
      response: status === 'open' ? null : `Answer to ${i}.`,
      assigneeId: null,
      dispositions: [],
      replies: i % 3 ? [] : [{ id: crypto.randomUUID(), authorId: people[(i + 1) % people.length]!.id, body: 'A reply.', createdAt: at }],
      endorsements: i % 4 ? [] : [people[(i + 2) % people.length]!.id],
      withdrawnAt: null,
    };
  });
  mkdirSync(path.join(dataDir, 'threads'), { recursive: true });
  writeFileSync(path.join(dataDir, 'threads', `${DOC}.json`), JSON.stringify({ format: 1, threads }));
  return dataDir;
}

interface Timing {
  /** Wall-clock time of the answer. */
  ms: number;
  /** CPU time the server process (all its threads, the render worker's included) spent on it: unlike
   * the wall clock, it does not grow when other programs share the machine. */
  cpuMs: number;
}

async function timedGet(url: string, cookie: string, pid: number): Promise<Timing> {
  const cpu = processCpuMs(pid) ?? 0;
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms: performance.now() - started, cpuMs: (processCpuMs(pid) ?? 0) - cpu };
}

async function firstAndWarm(dataDir: string, file: (typeof FILES)[number]): Promise<{ first: Timing; warm: Timing }> {
  const server = await spawnOurs({ dataDir, seedDir: path.join(ROOT, 'docs-seed'), adminToken: ADMIN_TOKEN });
  try {
    const cookie = await signIn(server.url, ADMIN_TOKEN);
    let url = `${server.url}/api/documents/${DOC}/report?format=${file}`;
    // As a person does: the report page (its JSON) opens first, and is read before a download.
    if (!file.startsWith('version ')) await (await fetch(`${server.url}/api/documents/${DOC}/report`, { headers: { cookie } })).arrayBuffer();
    if (file.startsWith('version ')) {
      const versions = (await (await fetch(`${server.url}/api/documents/${DOC}/versions`, { headers: { cookie } })).json()) as Array<{ id: string }>;
      url = `${server.url}/api/documents/${DOC}/versions/${versions[0]!.id}?format=${file.slice('version '.length)}`;
    }
    await quietSpell(server.pid);
    const first = await timedGet(url, cookie, server.pid);
    const warm = await timedGet(url, cookie, server.pid);
    return { first, warm };
  } finally {
    await server.stop();
  }
}

/** Prints the process's CPU time (all threads) on stderr as it exits: "cpu-ms N". */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('cpu-ms '+Math.round((u.userCPUTime+u.systemCPUTime)/1000))})`;

async function timeCommand(args: string[]): Promise<Timing> {
  const started = performance.now();
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', CPU_PROBE, ...args], { cwd: ROOT });
  return { ms: performance.now() - started, cpuMs: Number(/cpu-ms (\d+)/.exec(stderr)?.[1] ?? NaN) };
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runFirstDownload(ctx: Pick<BenchContext, 'log'>): Promise<ScenarioResult> {
  const scenario = '(i) first download after start, 200 comments';
  const figures: Figure[] = [];
  const verdicts: Verdict[] = [];
  ctx.log('(i) preparing 200 comments…');
  const dataDir = await prepareData();
  for (const file of FILES) {
    const { first, warm } = await firstAndWarm(dataDir, file);
    const detail = `${first.ms.toFixed(0)} ms (CPU ${first.cpuMs.toFixed(0)} ms); warm ${warm.ms.toFixed(0)} ms (CPU ${warm.cpuMs.toFixed(0)} ms); ratio ${(first.ms / warm.ms).toFixed(1)} (CPU ${(first.cpuMs / Math.max(10, warm.cpuMs)).toFixed(1)})`;
    ctx.log(`(i) ${file}: ${detail}`);
    figures.push({ scenario, metric: `${file.toUpperCase()}, first request (reference: the warm second one)`, unit: 'ms', ours: first.ms, reference: warm.ms, better: 'lower' });
    figures.push({ scenario, metric: `${file.toUpperCase()}, first request, server CPU (reference: the warm second one)`, unit: 'ms', ours: first.cpuMs, reference: warm.cpuMs, better: 'lower' });
    verdicts.push({ target: `(i) ${file.toUpperCase()} of 200 comments, first request < 1 s`, pass: first.ms < LIMIT_MS, detail });
  }
  // One run first, so that the compiled build exists (as after the first `npm run report`).
  await timeCommand(['scripts/report.mjs', '--help']);
  const threeRuns = async (args: string[]): Promise<Timing> => {
    const runs: Timing[] = [];
    for (let i = 0; i < 3; i++) runs.push(await timeCommand(args));
    return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)) };
  };
  const compiled = await threeRuns(['scripts/report.mjs', '--help']);
  const sources = await threeRuns(['--import', 'tsx', 'scripts/report.ts', '--help']);
  const detail = `${compiled.ms.toFixed(0)} ms (CPU ${compiled.cpuMs} ms); through tsx ${sources.ms.toFixed(0)} ms (CPU ${sources.cpuMs} ms); ratio ${(sources.ms / compiled.ms).toFixed(1)} (CPU ${(sources.cpuMs / compiled.cpuMs).toFixed(1)})`;
  ctx.log(`(i) npm run report -- --help: ${detail}`);
  figures.push({ scenario: '(i) report CLI start', metric: '`npm run report -- --help`, median of 3 (reference: the sources through tsx)', unit: 'ms', ours: compiled.ms, reference: sources.ms, better: 'lower' });
  figures.push({ scenario: '(i) report CLI start', metric: '`npm run report -- --help`, CPU, median of 3 (reference: through tsx)', unit: 'ms', ours: compiled.cpuMs, reference: sources.cpuMs, better: 'lower' });
  verdicts.push({ target: '(i) npm run report starts in < 2 s', pass: compiled.ms < CLI_LIMIT_MS, detail });
  return { figures, verdicts, notes: ['(i) each file is asked of a freshly started server once it has been quiet (≥ 3 s, and no CPU used for 1 s); the reference is the same request again, warm. Wall-clock times on a shared machine: the ratios are the steadier figure.'] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runFirstDownload({ log: (line) => console.error(line) });
  for (const v of result.verdicts) console.log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.target}: ${v.detail}`);
}
