/**
 * (j) counted in instructions: the same deployment, clients and typing as scaleOut.ts, with every
 * server process run under callgrind (callgrind.ts), which counts the instructions each executes
 * (every thread, user space). A count does not grow because 3 server processes, 3 client processes,
 * PostgreSQL and Redis share 2 cores, as CPU seconds do here; it grows only with work a process does.
 * So it answers "does a process do more work per delivered update when there are 3" on this machine,
 * which CPU time cannot. What it leaves out is the kernel's side: the system calls per delivered
 * update are reported beside it.
 *
 * Under callgrind a process runs about 50× slower, so the typists type 0.5 times a second instead
 * of 2 (30 updates a second over 30 documents instead of 120), after a warm-up with as many updates
 * behind each process whatever their number.
 *
 * Work that is not per update comes in bursts much larger than 5 s of typing: the sockets' heartbeat
 * (every 30 s: every socket's session read again, and pinged) and the stock client's presence renewals (every
 * 15 s, all clients at once, each echoed by every receiver). The clients drop their presence once
 * synced, and the counts are read in 5 s slices: a slice's median, typing less idle, is the typing's
 * cost, and a heartbeat falls in at most 2 slices of 6. The mean of all slices is reported beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchContext } from './context.ts';
import { median, type Figure, type ScenarioResult, type Verdict } from './helpers.ts';
import type { ClientProcess } from './processes.ts';
import type { ScaleJoinParams, ScaleOutcome, ScaleRunParams } from './scaleClients.ts';
import { callgrindUnavailable, callgrindWrapper, dumpCount, instrumentationOn, systemCalls, zeroCounts } from './callgrind.ts';
import { CLIENTS_PER_DOCUMENT, DOCUMENT_IDS, joinClients, LABEL, startOurs, waitUntil } from './scaleShape.ts';

const UPDATES_PER_SECOND = 0.5;
const SLICE_MS = 5_000;
/**
 * Idle slices end before the stock client's 30 s without a message, after which it reconnects (with
 * no presence, nothing reaches an idle client); typing slices cover two heartbeats.
 */
const IDLE_SLICES = 4;
const TYPING_SLICES = 12;
/**
 * Per process: V8 compiles a function once it has run often enough, so each of 3 processes, which
 * sees a third of the updates, types three times as long before counting, for the same number of
 * updates behind every process.
 */
const WARMUP_MS_PER_PROCESS = 20_000;

/**
 * V8's compilers. `full`, as deployed: a function is optimised once it has run often enough, and
 * under callgrind a process's count per update keeps falling for minutes; one process, with all the
 * updates, gets there sooner than each of three. `baseline`: Sparkplug only (--max-opt=1), each
 * function compiled at its first call and never again, so that the count is the work a process does
 * for an update rather than how far it has warmed up. The J_COMPILERS variable picks (both by default).
 */
const COMPILERS = { full: [] as string[], baseline: ['--max-opt=1', '--always-sparkplug'] };
type Compiler = keyof typeof COMPILERS;
const compilersToRun = (): Compiler[] => (process.env.J_COMPILERS?.split(',') ?? ['full', 'baseline']).filter((c): c is Compiler => c in COMPILERS);
const compilerLabel = (compiler: Compiler) => (compiler === 'full' ? '' : ', V8 baseline compiler only');

type Placement = ScaleJoinParams['placement'];

interface Case {
  instances: number;
  placement: Placement;
}

/** Per 5 s slice, the instructions and system calls of all the server processes together. */
interface Slices {
  instructions: number[];
  systemCalls: number[];
}

interface Counted {
  idle: Slices;
  typing: Slices;
  deliveries: number;
  missing: number;
  expected: number;
}

const CASES: Case[] = [
  { instances: 1, placement: 'by-document' },
  { instances: 3, placement: 'by-document' },
  { instances: 3, placement: 'spread' },
];

const keyOf = (c: Case, compiler: Compiler) => `${compiler} ${c.instances === 1 ? '1' : `${c.instances}:${c.placement}`}`;

/** `count` consecutive slices from now: counts zeroed once, then dumped (which zeroes them) at each slice's end. */
async function slices(dir: string, pids: number[], count: number): Promise<Slices> {
  const out: Slices = { instructions: [], systemCalls: [] };
  await Promise.all(pids.map(zeroCounts));
  let calls = pids.map(systemCalls);
  let end = Date.now();
  for (let i = 0; i < count; i++) {
    await waitUntil((end += SLICE_MS));
    const counts = await Promise.all(pids.map((pid) => dumpCount(dir, pid)));
    const now = pids.map(systemCalls);
    out.instructions.push(counts.reduce((a, b) => a + b, 0));
    out.systemCalls.push(now.reduce((sum, n, p) => sum + n - calls[p]!, 0));
    calls = now;
  }
  return out;
}

async function countOnce(ctx: BenchContext, clients: ClientProcess[], run: Case, compiler: Compiler, seed: number): Promise<Counted> {
  const what = `(j) instructions, ${run.instances} process(es), ${run.placement}${compilerLabel(compiler)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-callgrind-'));
  try {
    ctx.log(`${what}: starting under callgrind on a fresh schema and Redis prefix…`);
    const servers = await startOurs(run.instances, callgrindWrapper(dir), COMPILERS[compiler]);
    try {
      ctx.log(`${what}: ${DOCUMENT_IDS.length * CLIENTS_PER_DOCUMENT} clients joining…`);
      await joinClients(clients, servers, run.placement, false);
      await Promise.all(servers.pids.map(instrumentationOn));
      const idle = await slices(dir, servers.pids, IDLE_SLICES);
      const startAt = Date.now() + 500;
      const measureFrom = startAt + WARMUP_MS_PER_PROCESS * run.instances;
      const measureUntil = measureFrom + TYPING_SLICES * SLICE_MS;
      const typing = (async () => {
        await waitUntil(measureFrom);
        return slices(dir, servers.pids, TYPING_SLICES);
      })();
      ctx.log(`${what}: typing for ${(measureUntil - startAt) / 1000} s…`);
      const outcomes = await Promise.all(clients.map((client, p) => client.call<ScaleOutcome>('scaleRun', { updatesPerSecond: UPDATES_PER_SECOND, startAt, measureFrom, measureUntil, seed: seed + p } satisfies ScaleRunParams)));
      return {
        idle,
        typing: await typing,
        deliveries: outcomes.reduce((sum, o) => sum + o.same.length + o.cross.length, 0),
        missing: outcomes.reduce((sum, o) => sum + o.missing, 0),
        expected: outcomes.reduce((sum, o) => sum + o.expected, 0),
      };
    } finally {
      await servers.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const deliveriesPerSlice = (c: Counted) => c.deliveries / TYPING_SLICES;
/** Per delivered update: a typing slice less an idle one, by the median slice (or the mean). */
const perDelivery = (c: Counted, of: keyof Slices, average = median) => (average(c.typing[of]) - average(c.idle[of])) / deliveriesPerSlice(c);

export async function runScaleInstructions(ctx: BenchContext, clients: ClientProcess[]): Promise<ScenarioResult> {
  const compilers = compilersToRun();
  const targetOf = (placement: Placement, compiler: Compiler) =>
    `(j) server instructions per delivered update (above idle), 3 processes ÷ 1, ${placement === 'spread' ? 'clients spread' : 'routed by document'}${compilerLabel(compiler)} < 1.2`;
  const unavailable = await callgrindUnavailable();
  if (unavailable) return { figures: [], verdicts: compilers.flatMap((compiler) => (['by-document', 'spread'] as const).map((p) => ({ target: targetOf(p, compiler), pass: null, detail: `not available: ${unavailable}` }))), notes: [] };
  const counted = new Map<string, Counted>();
  let seed = 71;
  for (const compiler of compilers) for (const run of CASES) counted.set(keyOf(run, compiler), await countOnce(ctx, clients, run, compiler, (seed += 10)));

  const figures: Figure[] = [];
  const notes: string[] = [];
  const verdicts: Verdict[] = [];
  for (const compiler of compilers) {
    const one = counted.get(keyOf(CASES[0]!, compiler))!;
    for (const run of CASES) {
      const c = counted.get(keyOf(run, compiler))!;
      const scenario = `(j) scale-out counted in instructions${compilerLabel(compiler)}, ${LABEL} at ${UPDATES_PER_SECOND} updates/s each, ${run.instances === 1 ? '1 process' : `${run.instances} processes, ${run.placement === 'spread' ? "each document's clients spread over them" : 'clients routed by document'}`}`;
      figures.push(
        { scenario, metric: 'server instructions per delivered update (all processes; median 5 s slice, typing less idle)', unit: 'k', ours: perDelivery(c, 'instructions') / 1000, better: 'lower' },
        { scenario, metric: 'the same by the mean slice (heartbeats and collections included)', unit: 'k', ours: perDelivery(c, 'instructions', mean) / 1000, better: 'lower' },
        { scenario, metric: 'server system calls per delivered update (median slice, typing less idle)', unit: 'count', ours: perDelivery(c, 'systemCalls'), better: 'lower' },
        { scenario, metric: 'server instructions while idle (all processes, median 5 s slice)', unit: 'M', ours: median(c.idle.instructions) / 1e6, better: 'lower' },
        { scenario, metric: 'deliveries measured', unit: 'count', ours: c.deliveries, better: 'higher' },
      );
      if (c.missing > 0) notes.push(`${scenario}: ${c.missing} of ${c.expected} deliveries had not arrived 20 s after the typing stopped.`);
      notes.push(`${scenario}: instructions per slice (M), idle ${c.idle.instructions.map((n) => (n / 1e6).toFixed(0)).join(' ')}; typing ${c.typing.instructions.map((n) => (n / 1e6).toFixed(0)).join(' ')}.`);
    }
    for (const placement of ['by-document', 'spread'] as const) {
      const three = counted.get(keyOf({ instances: 3, placement }, compiler))!;
      const growth = perDelivery(three, 'instructions') / perDelivery(one, 'instructions');
      const byMean = perDelivery(three, 'instructions', mean) / perDelivery(one, 'instructions', mean);
      verdicts.push({
        target: targetOf(placement, compiler),
        pass: three.missing === 0 && one.missing === 0 && growth < 1.2,
        detail: `${growth.toFixed(2)}× (${(perDelivery(one, 'instructions') / 1000).toFixed(0)}k → ${(perDelivery(three, 'instructions') / 1000).toFixed(0)}k instructions); by the mean slice ${byMean.toFixed(2)}×; system calls ${(perDelivery(three, 'systemCalls') / perDelivery(one, 'systemCalls')).toFixed(2)}× (${perDelivery(one, 'systemCalls').toFixed(1)} → ${perDelivery(three, 'systemCalls').toFixed(1)})`,
      });
    }
  }
  notes.push(
    `(j) counted in instructions: each server process under valgrind's callgrind (counting switched on once the clients had joined and dropped their presence), the same 30 documents, 300 clients and placement as above, typists typing ${UPDATES_PER_SECOND} times a second (callgrind slows a process about 50×), ${WARMUP_MS_PER_PROCESS / 1000} s of warm-up typing per process (60 s for 3: each sees a third of the updates, and V8 compiles a function once it has run often enough), then ${TYPING_SLICES} slices of ${SLICE_MS / 1000} s counted, against ${IDLE_SLICES} idle slices just before. Per delivered update: the median typing slice less the median idle slice, over the deliveries of one slice; the mean is shown too (it takes in the 30 s heartbeat, which reads every open socket's session again, and the major collections); with 'baseline', the servers ran V8's baseline compiler only (see COMPILERS). Instructions are user space only, every thread (JIT compilation and GC included); system calls (/proc/PID/io, reads and writes) stand for the kernel's side. One run per case: a count does not move with the machine's load, but which slices a heartbeat or a collection falls in does.`,
  );
  return { figures, verdicts, notes };
}
