/**
 * (j) Scale-out: 1, 2 and 3 `npm start` processes on one PostgreSQL schema and one Redis prefix
 * (scaleDeployment.ts), 300 stock y-websocket clients on 30 documents (copies of a real draft), 10
 * per document, 2 of them typing. The clients live in three client processes of their own
 * (scaleClientMain.ts); a document's clients are spread over the server processes (client k of
 * document g on process (g + k) mod N), as a load balancer without stickiness spreads them, so with
 * 3 processes every document is open on every process: the case where relaying costs most.
 *
 * Measured: delivery latency (an insert to another client's document having it) filed as
 * same-process (sender and receiver on one server process) or cross-process (relayed through
 * Redis), and the server processes' CPU (/proc/PID/stat, every thread) summed over the deployment,
 * per delivered update. Targets (issue 17): cross-process p99 at most 2× same-process p99, and CPU
 * per delivered update growing less than 1.2× from 1 to 3 processes. A fresh deployment per run,
 * each with Redis (one process with REDIS_URL still publishes every update).
 */
import type { BenchContext } from './context.ts';
import { processCpuMs, summarize, type Figure, type ScenarioResult, type Verdict } from './helpers.ts';
import { startClientProcesses, type ClientProcess } from './processes.ts';
import { deploymentUnavailable, pidOf, startBenchDeployment } from './scaleDeployment.ts';
import type { ScaleJoinParams, ScaleOutcome, ScaleRunParams } from './scaleClients.ts';

const DOCUMENT_IDS = Array.from({ length: 30 }, (_, i) => `scale-${String(i + 1).padStart(2, '0')}`);
const CLIENTS_PER_DOCUMENT = 10;
const TYPERS_PER_DOCUMENT = 2;
const UPDATES_PER_SECOND = 2;
const CLIENT_PROCESSES = 3;
const READERS = 40;
const LABEL = `${DOCUMENT_IDS.length * CLIENTS_PER_DOCUMENT} clients / ${DOCUMENT_IDS.length} docs / ${DOCUMENT_IDS.length * TYPERS_PER_DOCUMENT} typing`;

interface Pooled {
  same: number[];
  cross: number[];
  expected: number;
  missing: number;
  updates: number;
  serverCpuMs: number;
  /** The same processes' CPU over as long a window just before, every client connected and nobody typing. */
  idleCpuMs: number;
  measuredMs: number;
}

const emptyPool = (): Pooled => ({ same: [], cross: [], expected: 0, missing: 0, updates: 0, serverCpuMs: 0, idleCpuMs: 0, measuredMs: 0 });
const waitUntil = (epochMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

type Placement = ScaleJoinParams['placement'];

/** One run: a fresh deployment of `instances` processes, the clients joined, typing, measured, closed. */
async function runOnce(ctx: BenchContext, clients: ClientProcess[], run: Run, timing: { warmupMs: number; durationMs: number }, seed: number): Promise<Pooled> {
  const { instances, placement } = run;
  const what = `(j) ${instances} process(es), ${placement}`;
  ctx.log(`${what}: starting on a fresh schema and Redis prefix…`);
  const deployment = await startBenchDeployment({ instances, documentIds: DOCUMENT_IDS, redis: true });
  try {
    const people = await deployment.people(DOCUMENT_IDS.length * TYPERS_PER_DOCUMENT, READERS);
    const perProcess = DOCUMENT_IDS.length / clients.length;
    ctx.log(`${what}: ${DOCUMENT_IDS.length * CLIENTS_PER_DOCUMENT} clients joining…`);
    await Promise.all(
      clients.map((client, p) =>
        client.call('scaleJoin', {
          wsUrls: deployment.servers.map((s) => s.url.replace(/^http/, 'ws')),
          documentIds: DOCUMENT_IDS.slice(p * perProcess, (p + 1) * perProcess),
          firstDocumentIndex: p * perProcess,
          clientsPerDocument: CLIENTS_PER_DOCUMENT,
          typersPerDocument: TYPERS_PER_DOCUMENT,
          placement,
          ...people,
        } satisfies ScaleJoinParams),
      ),
    );
    const pids = deployment.servers.map(pidOf);
    const cpu = () => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? Number.NaN), 0);
    // What the processes spend with nobody typing (heartbeats, timers, GC): a cost per process, not per update.
    const idleFrom = cpu();
    await waitUntil(Date.now() + timing.durationMs);
    const idleCpuMs = cpu() - idleFrom;
    const startAt = Date.now() + 500;
    const measureFrom = startAt + timing.warmupMs;
    const measureUntil = measureFrom + timing.durationMs;
    const serverCpu = (async () => {
      await waitUntil(measureFrom);
      const before = cpu();
      await waitUntil(measureUntil);
      return cpu() - before;
    })();
    ctx.log(`${what}: typing for ${(timing.warmupMs + timing.durationMs) / 1000} s…`);
    const outcomes = await Promise.all(clients.map((client, p) => client.call<ScaleOutcome>('scaleRun', { updatesPerSecond: UPDATES_PER_SECOND, startAt, measureFrom, measureUntil, seed: seed + p } satisfies ScaleRunParams)));
    const pool = emptyPool();
    pool.serverCpuMs = await serverCpu;
    pool.idleCpuMs = idleCpuMs;
    pool.measuredMs = timing.durationMs;
    for (const o of outcomes) {
      pool.same.push(...o.same);
      pool.cross.push(...o.cross);
      pool.expected += o.expected;
      pool.missing += o.missing;
      pool.updates += o.updates;
    }
    return pool;
  } finally {
    await deployment.close();
  }
}

function merge(into: Pooled, from: Pooled): void {
  into.same.push(...from.same);
  into.cross.push(...from.cross);
  into.expected += from.expected;
  into.missing += from.missing;
  into.updates += from.updates;
  into.serverCpuMs += from.serverCpuMs;
  into.idleCpuMs += from.idleCpuMs;
  into.measuredMs += from.measuredMs;
}

const deliveries = (pool: Pooled) => pool.same.length + pool.cross.length;
const cpuPerDeliveryUs = (pool: Pooled) => (pool.serverCpuMs * 1000) / deliveries(pool);
/** The same, less what the processes spent idle over as long: the cost the updates added. */
const addedCpuPerDeliveryUs = (pool: Pooled) => ((pool.serverCpuMs - pool.idleCpuMs) * 1000) / deliveries(pool);

function notAvailable(why: string): ScenarioResult {
  const verdicts = ['(j) 2 and 3 processes, clients spread: cross-process p99 ≤ 2 × same-process p99', '(j) server CPU per delivered update, 3 processes ÷ 1 < 1.2'];
  return { figures: [], verdicts: verdicts.map((target) => ({ target, pass: null, detail: `not available: ${why}` })), notes: [`(j) scale-out: not available (${why}).`] };
}

interface Run {
  instances: number;
  placement: Placement;
}

/** One process is the same deployment whatever the placement: it is run once and read for both. */
const RUNS: Run[] = [{ instances: 1, placement: 'spread' }, ...[2, 3].flatMap((instances) => (['spread', 'by-document'] as const).map((placement) => ({ instances, placement })))];
const keyOf = (instances: number, placement: Placement) => (instances === 1 ? '1' : `${instances}:${placement}`);

export async function runScaleOut(ctx: BenchContext): Promise<ScenarioResult> {
  const unavailable = await deploymentUnavailable(true);
  if (unavailable) return notAvailable(unavailable);
  // Full: ascending then descending, so a drift in the machine's other work falls on both ends alike.
  const only = process.env.J_CASES?.split(',');
  const runs = only ? RUNS.filter((r) => only.includes(keyOf(r.instances, r.placement))) : RUNS;
  const orders: Run[][] = ctx.options.quick ? [runs] : [runs, runs.toReversed()];
  const timing = ctx.options.quick ? { warmupMs: 2000, durationMs: 5000 } : { warmupMs: 3000, durationMs: 10_000 };
  const pooled = new Map<string, Pooled>(RUNS.map((r) => [keyOf(r.instances, r.placement), emptyPool()]));
  const clients = startClientProcesses(CLIENT_PROCESSES, 'scaleClientMain.ts');
  try {
    let seed = 17;
    for (const order of orders) {
      for (const run of order) merge(pooled.get(keyOf(run.instances, run.placement))!, await runOnce(ctx, clients, run, timing, (seed += 10)));
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }

  const figures: Figure[] = [];
  const verdicts: Verdict[] = [];
  const notes: string[] = [];
  for (const { instances: n, placement } of RUNS) {
    const pool = pooled.get(keyOf(n, placement))!;
    const same = summarize(pool.same);
    const cross = summarize(pool.cross);
    const scenario = `(j) scale-out, ${LABEL}, ${n === 1 ? '1 process' : `${n} processes, ${placement === 'spread' ? "each document's clients spread over them" : 'clients routed by document'}`}`;
    for (const key of ['p50', 'p99'] as const) {
      figures.push({ scenario, metric: `edit → client on the same process, ${key}`, unit: 'ms', ours: same[key], better: 'lower' });
      if (pool.cross.length) figures.push({ scenario, metric: `edit → client on another process, ${key}`, unit: 'ms', ours: cross[key], better: 'lower' });
    }
    figures.push(
      { scenario, metric: 'server CPU per delivered update (all processes)', unit: 'µs', ours: cpuPerDeliveryUs(pool), better: 'lower' },
      { scenario, metric: 'the same, less the processes\' CPU while idle', unit: 'µs', ours: addedCpuPerDeliveryUs(pool), better: 'lower' },
      { scenario, metric: 'server CPU while idle (all processes, 300 clients connected)', unit: '%', ours: (pool.idleCpuMs / pool.measuredMs) * 100, better: 'lower' },
      { scenario, metric: 'server CPU per update typed (all processes)', unit: 'µs', ours: (pool.serverCpuMs * 1000) / pool.updates, better: 'lower' },
      { scenario, metric: 'deliveries measured (same + other process)', unit: 'count', ours: deliveries(pool), better: 'higher' },
    );
    if (pool.missing > 0) notes.push(`${scenario}: ${pool.missing} of ${pool.expected} deliveries had not arrived 20 s after the typing stopped.`);
    if (n > 1 && placement === 'spread') {
      verdicts.push({
        target: `(j) ${n} processes, clients spread: cross-process p99 ≤ 2 × same-process p99`,
        pass: pool.missing === 0 && cross.p99 <= 2 * same.p99,
        detail: `${cross.p99.toFixed(1)} ms vs ${same.p99.toFixed(1)} ms (${(cross.p99 / same.p99).toFixed(2)}×); p50 ${cross.p50.toFixed(1)} vs ${same.p50.toFixed(1)} ms`,
      });
    }
  }
  // The verdict reads the CPU the updates added: a process's idle cost (timers, heartbeats) is paid
  // once per process whatever the traffic, and is shown beside it.
  const one = addedCpuPerDeliveryUs(pooled.get('1')!);
  const oneRaw = cpuPerDeliveryUs(pooled.get('1')!);
  for (const placement of ['spread', 'by-document'] as const) {
    const [two, three] = [2, 3].map((n) => addedCpuPerDeliveryUs(pooled.get(keyOf(n, placement))!));
    const threeRaw = cpuPerDeliveryUs(pooled.get(keyOf(3, placement))!);
    verdicts.push({
      target: `(j) server CPU per delivered update (above idle), 3 processes ÷ 1, ${placement === 'spread' ? 'clients spread' : 'routed by document'} < 1.2`,
      pass: three! / one < 1.2,
      detail: `${(three! / one).toFixed(2)}× (${one.toFixed(0)} µs with 1 process, ${two!.toFixed(0)} µs with 2, ${three!.toFixed(0)} µs with 3); idle included: ${(threeRaw / oneRaw).toFixed(2)}× (${oneRaw.toFixed(0)} µs, ${threeRaw.toFixed(0)} µs)`,
    });
  }
  notes.push(
    `(j) ${orders.length} run(s) per case of ${timing.durationMs / 1000} s measured after ${timing.warmupMs / 1000} s of warm-up typing, each on a fresh deployment (PostgreSQL schema and Redis prefix of its own, REDIS_URL set also for one process)${orders.length > 1 ? ', in ascending then descending order' : ''}; each typist types 1–3 characters at a random place ${UPDATES_PER_SECOND} times a second; the clients in ${CLIENT_PROCESSES} processes of their own. "Spread": client k of document g on process (g + k) mod N, so with 3 processes every document is open on all 3 and every update is applied by each; "routed by document": all of document g's clients on process g mod N, as a load balancer hashing /collab/<documentId> places them. Server CPU is every thread of every server process (/proc/PID/stat), not PostgreSQL's or Redis's. An update is published as the process's own clients get it, while its INSERT commits (docs/SCALING.md).`,
  );
  return { figures, verdicts, notes };
}
