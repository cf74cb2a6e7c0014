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
import { processCpuMs, summarize, type Figure, type LatencySummary, type ScenarioResult, type Verdict } from './helpers.ts';
import { startClientProcesses, type ClientProcess } from './processes.ts';
import { deploymentUnavailable, pidOf, startBenchDeployment } from './scaleDeployment.ts';
import type { ScaleJoinParams, ScaleOutcome, ScaleRunParams } from './scaleClients.ts';

const DOCUMENT_IDS = Array.from({ length: 30 }, (_, i) => `scale-${String(i + 1).padStart(2, '0')}`);
const CLIENTS_PER_DOCUMENT = 10;
const TYPERS_PER_DOCUMENT = 2;
const UPDATES_PER_SECOND = 2;
const CLIENT_PROCESSES = 3;
const READERS = 40;
const INSTANCES = [1, 2, 3] as const;
const LABEL = `${DOCUMENT_IDS.length * CLIENTS_PER_DOCUMENT} clients / ${DOCUMENT_IDS.length} docs / ${DOCUMENT_IDS.length * TYPERS_PER_DOCUMENT} typing`;

interface Pooled {
  same: number[];
  cross: number[];
  expected: number;
  missing: number;
  updates: number;
  serverCpuMs: number;
}

const emptyPool = (): Pooled => ({ same: [], cross: [], expected: 0, missing: 0, updates: 0, serverCpuMs: 0 });
const waitUntil = (epochMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

/** One run: a fresh deployment of `instances` processes, the clients joined, typing, measured, closed. */
async function runOnce(ctx: BenchContext, clients: ClientProcess[], instances: number, timing: { warmupMs: number; durationMs: number }, seed: number): Promise<Pooled> {
  ctx.log(`(j) starting ${instances} server process(es) on a fresh schema and Redis prefix…`);
  const deployment = await startBenchDeployment({ instances, documentIds: DOCUMENT_IDS, redis: true });
  try {
    const people = await deployment.people(DOCUMENT_IDS.length * TYPERS_PER_DOCUMENT, READERS);
    const perProcess = DOCUMENT_IDS.length / clients.length;
    ctx.log(`(j) ${instances} process(es): ${DOCUMENT_IDS.length * CLIENTS_PER_DOCUMENT} clients joining…`);
    await Promise.all(
      clients.map((client, p) =>
        client.call('scaleJoin', {
          wsUrls: deployment.servers.map((s) => s.url.replace(/^http/, 'ws')),
          documentIds: DOCUMENT_IDS.slice(p * perProcess, (p + 1) * perProcess),
          firstDocumentIndex: p * perProcess,
          clientsPerDocument: CLIENTS_PER_DOCUMENT,
          typersPerDocument: TYPERS_PER_DOCUMENT,
          ...people,
        } satisfies ScaleJoinParams),
      ),
    );
    const startAt = Date.now() + 500;
    const measureFrom = startAt + timing.warmupMs;
    const measureUntil = measureFrom + timing.durationMs;
    const pids = deployment.servers.map(pidOf);
    const cpu = () => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? Number.NaN), 0);
    const serverCpu = (async () => {
      await waitUntil(measureFrom);
      const before = cpu();
      await waitUntil(measureUntil);
      return cpu() - before;
    })();
    ctx.log(`(j) ${instances} process(es): typing for ${(timing.warmupMs + timing.durationMs) / 1000} s…`);
    const outcomes = await Promise.all(clients.map((client, p) => client.call<ScaleOutcome>('scaleRun', { updatesPerSecond: UPDATES_PER_SECOND, startAt, measureFrom, measureUntil, seed: seed + p } satisfies ScaleRunParams)));
    const pool = emptyPool();
    pool.serverCpuMs = await serverCpu;
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
}

const deliveries = (pool: Pooled) => pool.same.length + pool.cross.length;
const cpuPerDeliveryUs = (pool: Pooled) => (pool.serverCpuMs * 1000) / deliveries(pool);

function notAvailable(why: string): ScenarioResult {
  const verdicts = ['(j) 2 and 3 processes: cross-process p99 ≤ 2 × same-process p99', '(j) server CPU per delivered update, 3 processes ÷ 1 process < 1.2'];
  return { figures: [], verdicts: verdicts.map((target) => ({ target, pass: null, detail: `not available: ${why}` })), notes: [`(j) scale-out: not available (${why}).`] };
}

export async function runScaleOut(ctx: BenchContext): Promise<ScenarioResult> {
  const unavailable = await deploymentUnavailable(true);
  if (unavailable) return notAvailable(unavailable);
  // Full: ascending then descending, so a drift in the machine's other work falls on both ends alike.
  const orders: number[][] = ctx.options.quick ? [[...INSTANCES]] : [[...INSTANCES], [...INSTANCES].toReversed()];
  const timing = ctx.options.quick ? { warmupMs: 2000, durationMs: 5000 } : { warmupMs: 3000, durationMs: 10_000 };
  const pooled = new Map<number, Pooled>(INSTANCES.map((n) => [n, emptyPool()]));
  const roundCpu = new Map<number, number[]>(INSTANCES.map((n) => [n, []]));
  const clients = startClientProcesses(CLIENT_PROCESSES, 'scaleClientMain.ts');
  try {
    let seed = 17;
    for (const order of orders) {
      for (const instances of order) {
        const outcome = await runOnce(ctx, clients, instances, timing, (seed += 10));
        roundCpu.get(instances)!.push(cpuPerDeliveryUs(outcome));
        merge(pooled.get(instances)!, outcome);
      }
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }

  const figures: Figure[] = [];
  const verdicts: Verdict[] = [];
  const notes: string[] = [];
  const summaries = new Map<number, { same: LatencySummary; cross: LatencySummary }>();
  for (const n of INSTANCES) {
    const pool = pooled.get(n)!;
    const same = summarize(pool.same);
    const cross = summarize(pool.cross);
    summaries.set(n, { same, cross });
    const scenario = `(j) scale-out, ${LABEL}, ${n} process${n > 1 ? 'es' : ''}`;
    for (const key of ['p50', 'p99'] as const) {
      figures.push({ scenario, metric: `edit → client on the same process, ${key}`, unit: 'ms', ours: same[key], better: 'lower' });
      if (n > 1) figures.push({ scenario, metric: `edit → client on another process, ${key}`, unit: 'ms', ours: cross[key], better: 'lower' });
    }
    figures.push(
      { scenario, metric: 'server CPU per delivered update (all processes)', unit: 'µs', ours: cpuPerDeliveryUs(pool), better: 'lower' },
      { scenario, metric: 'server CPU per update typed (all processes)', unit: 'µs', ours: (pool.serverCpuMs * 1000) / pool.updates, better: 'lower' },
      { scenario, metric: 'deliveries measured (same + other process)', unit: 'count', ours: deliveries(pool), better: 'higher' },
    );
    if (pool.missing > 0) notes.push(`${scenario}: ${pool.missing} of ${pool.expected} deliveries had not arrived 20 s after the typing stopped.`);
  }
  for (const n of INSTANCES.filter((i) => i > 1)) {
    const { same, cross } = summaries.get(n)!;
    verdicts.push({
      target: `(j) ${n} processes: cross-process p99 ≤ 2 × same-process p99`,
      pass: pooled.get(n)!.missing === 0 && cross.p99 <= 2 * same.p99,
      detail: `${cross.p99.toFixed(1)} ms vs ${same.p99.toFixed(1)} ms (${(cross.p99 / same.p99).toFixed(2)}×); p50 ${cross.p50.toFixed(1)} vs ${same.p50.toFixed(1)} ms`,
    });
  }
  const growth = cpuPerDeliveryUs(pooled.get(3)!) / cpuPerDeliveryUs(pooled.get(1)!);
  const list = (n: number) => roundCpu.get(n)!.map((x) => x.toFixed(0)).join(', ');
  verdicts.push({
    target: '(j) server CPU per delivered update, 3 processes ÷ 1 process < 1.2',
    pass: growth < 1.2,
    detail: `${growth.toFixed(2)}× (${cpuPerDeliveryUs(pooled.get(1)!).toFixed(0)} µs with 1, ${cpuPerDeliveryUs(pooled.get(2)!).toFixed(0)} µs with 2, ${cpuPerDeliveryUs(pooled.get(3)!).toFixed(0)} µs with 3; per run: 1: ${list(1)}; 3: ${list(3)})`,
  });
  notes.push(
    `(j) per process count: ${orders.length} run(s) of ${timing.durationMs / 1000} s measured after ${timing.warmupMs / 1000} s of warm-up typing, each on a fresh deployment (PostgreSQL schema and Redis prefix of its own), in the order ${orders.map((o) => o.join('→')).join(', then ')}; each typist types 1–3 characters at a random place ${UPDATES_PER_SECOND} times a second; the clients in ${CLIENT_PROCESSES} processes of their own, a document's clients spread over the server processes (so with 3 every document is open on all 3). Server CPU is every thread of every server process (/proc/PID/stat), not PostgreSQL's or Redis's.`,
  );
  return { figures, verdicts, notes };
}
