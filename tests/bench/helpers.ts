/**
 * What every benchmark shares: the shape of a result, percentiles, bounded waiting, a seeded random
 * source, and the machine the figures were measured on. Imports nothing from server/ so that the
 * client thread can load it cheaply.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Our server, the stock reference, and the reference without its echo (referenceRelay.ts). */
export type Side = 'ours' | 'reference' | 'referenceNoEcho';

/** Bench documents: a real draft (a few dozen paragraphs) or a short one (a heading and a paragraph). */
export const DOCUMENTS = {
  fanoutOne: 'fanout-one',
  fanoutMany: Array.from({ length: 10 }, (_, i) => `fanout-${String(i + 1).padStart(2, '0')}`),
  traceWarmup: 'trace-warmup',
  trace: ['trace-1', 'trace-2'],
  storm: 'storm',
  browser: 'cooperation-with-civil-society',
} as const;


/** One line of the results table. `better` says which direction is good, for the ratio's reading. */
export interface Figure {
  scenario: string;
  metric: string;
  unit: string;
  ours: number | null;
  reference?: number | null;
  /** The same figure on the reference without its echo, where the scenario measures it. */
  referenceNoEcho?: number | null;
  better: 'lower' | 'higher';
}

/** A target from the brief, judged on figures measured in this run. */
export interface Verdict {
  target: string;
  pass: boolean | null;
  detail: string;
}

export interface ScenarioResult {
  figures: Figure[];
  verdicts: Verdict[];
  notes: string[];
}

export interface Options {
  quick: boolean;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(samples: number[]): LatencySummary {
  const sorted = Float64Array.from(samples).toSorted();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

export function median(values: number[]): number {
  return percentile(Float64Array.from(values).toSorted(), 50);
}

/** Rejects with `what` when the promise has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once `predicate` holds, checking on every turn of the event loop's timers; bounded. */
export async function until(predicate: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await predicate())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A small deterministic generator (mulberry32), so that runs type the same edits. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ratio(ours: number | null | undefined, reference: number | null | undefined): number | null {
  if (ours == null || reference == null || !Number.isFinite(ours) || !Number.isFinite(reference) || reference === 0) return null;
  return ours / reference;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine. */
  load: [number, number];
}

export function machine(loadAtStart: number): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match?.[1]) cpu = match[1].trim();
  } catch {
    // not Linux: keep what os.cpus() says
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    load: [loadAtStart, os.loadavg()[0] ?? 0],
  };
}


/** USER_HZ: Linux reports thread CPU times in these ticks (100 on every usual build). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time of this process's main thread, where both servers run, in ms (Linux; 10 ms resolution).
 * Unlike elapsed time it does not grow when other processes take the cores, so it compares the two
 * servers' work fairly on a busy machine. Null elsewhere.
 */
export function serverThreadCpuMs(): number | null {
  // The main thread's task id is the process id, also when read from a worker.
  return cpuOf(`/proc/self/task/${process.pid}/stat`);
}

/** CPU time of a whole process (every thread: GC and libuv's too) in ms (Linux), or null. */
export function processCpuMs(pid: number): number | null {
  return cpuOf(`/proc/${pid}/stat`);
}

/** CPU time of the calling thread in ms (Linux; 10 ms resolution), or null elsewhere. */
export function ownThreadCpuMs(): number | null {
  return cpuOf('/proc/thread-self/stat');
}

function cpuOf(statFile: string): number | null {
  try {
    const stat = readFileSync(statFile, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return null;
  }
}

/** CPU time per thread of a process, ns, keyed by thread id. */
export type CpuReading = Map<string, number>;

/**
 * CPU time of every thread of process `pid` (or of its main thread only), from Linux's schedstat: to
 * the nanosecond, where /proc/PID/stat counts 10 ms ticks, which is 4 % of a 4 s fan-out round's
 * server CPU. Null elsewhere than Linux.
 */
export function readCpu(pid: number, mainThreadOnly = false): CpuReading | null {
  const tasks = `/proc/${pid}/task`;
  try {
    const reading: CpuReading = new Map();
    for (const tid of mainThreadOnly ? [String(pid)] : readdirSync(tasks)) {
      try {
        reading.set(tid, Number(readFileSync(`${tasks}/${tid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        // The thread ended between listing and reading.
      }
    }
    return reading.size ? reading : null;
  } catch {
    return null;
  }
}

/** CPU spent between two readings, ms. A thread that started meanwhile counts whole; one that ended meanwhile is missed. */
export function cpuSpentMs(before: CpuReading | null, after: CpuReading | null): number | null {
  if (!before || !after) return null;
  let ns = 0;
  for (const [tid, spent] of after) ns += spent - (before.get(tid) ?? 0);
  return ns / 1e6;
}

/** Runs `work` and also returns the main thread's CPU time it took. */
export async function withServerCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number | null }> {
  const before = serverThreadCpuMs();
  const result = await work();
  const after = serverThreadCpuMs();
  return { result, cpuMs: before === null || after === null ? null : after - before };
}
