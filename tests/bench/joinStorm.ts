/**
 * (c) Join storm: 100 clients open, all at once, a document that holds the whole automerge-paper
 * trace (104,852 characters typed as 259,778 transactions, about 311 kB of Yjs state). Each
 * client's time runs from creating its provider to its `sync` event (the server's state applied).
 * Our server has the document on disk only (it was written and dropped when its last holder left),
 * so the storm includes loading it; the reference keeps every document in memory.
 *
 * The 100 clients are spread over 4 client processes (processes.ts), 25 each, all started at once:
 * on one client thread, applying the 311 kB state 100 times in a row (about 21 ms each) set the
 * pace, not the server. The servers stay on the bench process's main thread, so that its CPU per
 * join is read as before.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { allSynced, closeAll, cookieOf, join, type Endpoint } from './clients.ts';
import type { BenchContext } from './context.ts';
import { DOCUMENTS, median, ownThreadCpuMs, summarize, within, withServerCpu, type Figure, type LatencySummary, type ScenarioResult, type Side } from './helpers.ts';
import { LightReader } from './lightReader.ts';
import { startClientProcesses } from './processes.ts';
import { loadTrace, longestParagraphText, plain, wholeTraceState } from './trace.ts';

export interface StormParams {
  endpoint: Endpoint;
  documentId: string;
  clients: number;
  expectedText: number;
  /** Light joiners (lightReader.ts): timed to the whole state received, which they do not apply. */
  light?: { minStateBytes: number };
}

export interface StormOutcome {
  times: number[];
  /** CPU time of the client thread for the whole storm. */
  clientCpuMs: number | null;
}

export async function stormClients(p: StormParams): Promise<StormOutcome> {
  if (p.light) return lightStorm(p, p.light.minStateBytes);
  const times: number[] = [];
  const cpuBefore = ownThreadCpuMs();
  const clients = Array.from({ length: p.clients }, (_, i) => {
    const started = performance.now();
    const client = join(p.endpoint, p.documentId, cookieOf(p.endpoint.readers, i));
    void client.synced.then(() => times.push(performance.now() - started));
    return client;
  });
  try {
    await allSynced(clients, 120_000, `${p.clients} clients to sync the trace document`);
    for (const client of clients) {
      // The trace's paragraph went in at the start of the seeded text; Yjs orders such inserts by client id.
      const text = longestParagraphText(client.doc);
      if (!text || plain(text).length !== p.expectedText) throw new Error('a client synced without the whole trace');
    }
    const cpuAfter = ownThreadCpuMs();
    return { times, clientCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  } finally {
    closeAll(clients);
  }
}

/** The same storm with light joiners: the server's work to serve it, without 100 applies of 311 kB. */
async function lightStorm(p: StormParams, minStateBytes: number): Promise<StormOutcome> {
  const times: number[] = [];
  const cpuBefore = ownThreadCpuMs();
  const readers = Array.from({ length: p.clients }, (_, i) => {
    const started = performance.now();
    const reader = new LightReader(p.endpoint.wsUrl, p.documentId, cookieOf(p.endpoint.readers, i));
    void reader.synced.then(() => times.push(performance.now() - started));
    return reader;
  });
  try {
    await within(Promise.all(readers.map((r) => r.synced)), 120_000, `${p.clients} light joiners to receive the trace document`);
    if (readers.some((r) => r.stateBytes < minStateBytes)) throw new Error('a light joiner received less than the whole trace');
    const cpuAfter = ownThreadCpuMs();
    return { times, clientCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  } finally {
    for (const reader of readers) reader.close();
  }
}

export async function runJoinStorm(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('(c) join storm: typing the whole trace into a local document…');
  const state = wholeTraceState();
  await ctx.ours.apply(DOCUMENTS.storm, state);
  ctx.reference.prime(DOCUMENTS.storm, state);
  await ctx.ours.idle();

  const rounds = ctx.options.quick ? 1 : 5;
  const processes = startClientProcesses(STORM_PROCESSES);
  try {
    return await storms(ctx, rounds, state.byteLength, processes);
  } finally {
    await within(Promise.all(processes.map((process) => process.close())), 30_000, 'the storm client processes to stop').catch((error: Error) => ctx.log(error.message));
  }
}

/**
 * With --profile: a CPU profile of this thread (where our server runs in (c)) over one storm. The
 * bench's own coordination shares the thread, but between the two calls it only awaits the clients.
 */
async function profiled<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!file) return run();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

const STORM_PROCESSES = 4;
const STORM_CLIENTS = 100;

async function storms(ctx: BenchContext, rounds: number, stateBytes: number, processes: ReturnType<typeof startClientProcesses>): Promise<ScenarioResult> {
  // A join storm sends no updates, so there is no echo to remove: the reference without it is not run here.
  const samples: Record<Side, number[]> = { ours: [], reference: [], referenceNoEcho: [] };
  const stormP99: Record<Side, number[]> = { ours: [], reference: [], referenceNoEcho: [] };
  const cpu: Record<Side, number> = { ours: 0, reference: 0, referenceNoEcho: 0 };
  const clientCpu: Record<Side, number> = { ours: 0, reference: 0, referenceNoEcho: 0 };
  const light: Record<Side, number[]> = { ours: [], reference: [], referenceNoEcho: [] };
  const lightP99: Record<Side, number[]> = { ours: [], reference: [], referenceNoEcho: [] };
  const expectedText = loadTrace().endContent.length;
  const storm = (endpoint: Endpoint, lightJoiners?: StormParams['light']) =>
    Promise.all(processes.map((process) => process.call<StormOutcome>('storm', { endpoint, documentId: DOCUMENTS.storm, clients: STORM_CLIENTS / processes.length, expectedText, light: lightJoiners } satisfies StormParams)));
  // Unmeasured: fresh client processes apply their first states with cold code and a small heap, and
  // with one round (--quick) ours always went first into them (measured: 1.6× the client CPU per
  // join of the reference's storm right after, 1.1× over five alternating rounds).
  ctx.log('(c) warming the client processes up with a storm on the reference…');
  await storm(ctx.reference.endpoint);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [ctx.ours, ctx.reference] : [ctx.reference, ctx.ours];
    for (const side of order) {
      ctx.log(`(c) join storm round ${round + 1}/${rounds} on ${side.endpoint.side}…`);
      const profileDir = side.endpoint.side === 'ours' ? ctx.outside?.profileDir : undefined;
      const profileFile = (kind: string) => profileDir && path.join(profileDir, `storm-${kind}round-${round + 1}.cpuprofile`);
      const { result: outcomes, cpuMs } = await profiled(profileFile(''), () => withServerCpu(() => storm(side.endpoint)));
      const result = { times: outcomes.flatMap((o) => o.times), clientCpuMs: outcomes.reduce((sum, o) => sum + (o.clientCpuMs ?? Number.NaN), 0) };
      samples[side.endpoint.side].push(...result.times);
      stormP99[side.endpoint.side].push(summarize(result.times).p99);
      cpu[side.endpoint.side] += cpuMs ?? Number.NaN;
      clientCpu[side.endpoint.side] += result.clientCpuMs ?? Number.NaN;
      await side.idle();
      ctx.log(`(c) light join storm round ${round + 1}/${rounds} on ${side.endpoint.side}…`);
      const lightOutcomes = await profiled(profileFile('light-'), () => storm(side.endpoint, { minStateBytes: Math.floor(stateBytes * 0.9) }));
      const lightTimes = lightOutcomes.flatMap((o) => o.times);
      light[side.endpoint.side].push(...lightTimes);
      lightP99[side.endpoint.side].push(summarize(lightTimes).p99);
      await side.idle();
    }
  }
  const lightOurs = summarize(light.ours);
  const lightReference = summarize(light.reference);
  const ours: LatencySummary = summarize(samples.ours);
  const reference: LatencySummary = summarize(samples.reference);
  const scenario = `(c) join storm, 100 clients, whole trace (${(stateBytes / 1000).toFixed(0)} kB), clients in ${processes.length} processes`;
  const figures: Figure[] = (['p50', 'p99', 'max'] as const).map((key) => ({
    scenario,
    metric: `provider created → synced, ${key}`,
    unit: 'ms',
    ours: ours[key],
    reference: reference[key],
    better: 'lower' as const,
  }));
  figures.push(
    { scenario, metric: 'server thread CPU per join', unit: 'ms', ours: cpu.ours / ours.count, reference: cpu.reference / reference.count, better: 'lower' },
    { scenario, metric: 'client process CPU per join (applying the state)', unit: 'ms', ours: clientCpu.ours / ours.count, reference: clientCpu.reference / reference.count, better: 'lower' },
  );
  for (const key of ['p50', 'p99'] as const) {
    figures.push({ scenario, metric: `light joiner: socket → whole state received, ${key}`, unit: 'ms', ours: lightOurs[key], reference: lightReference[key], better: 'lower' });
  }
  // As in (a): the median of the storms' p99s, so that one disturbed storm does not decide alone.
  const oursP99 = median(stormP99.ours);
  const referenceP99 = median(stormP99.reference);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  return {
    figures,
    verdicts: [
      {
        target: `(c) join storm: our p99 ≤ 0.8× reference p99${rounds > 1 ? ` (median of ${rounds} storms)` : ''}`,
        pass: oursP99 <= 0.8 * referenceP99,
        detail: `${oursP99.toFixed(0)} ms vs ${referenceP99.toFixed(0)} ms (${((oursP99 / referenceP99) * 100).toFixed(0)} %); all storms pooled: ${ours.p99.toFixed(0)} vs ${reference.p99.toFixed(0)} ms`,
      },
      {
        target: `(c) light join storm (the server's pace): our p99 ≤ 0.8× reference p99${rounds > 1 ? ` (median of ${rounds} storms)` : ''}`,
        pass: median(lightP99.ours) <= 0.8 * median(lightP99.reference),
        detail: `${median(lightP99.ours).toFixed(0)} ms vs ${median(lightP99.reference).toFixed(0)} ms (${((median(lightP99.ours) / median(lightP99.reference)) * 100).toFixed(0)} %)`,
      },
    ],
    notes: [
      `(c) ${rounds} storm(s) of ${STORM_CLIENTS} joins per server, alternating which server goes first, the clients spread over ${processes.length} client processes started at once; each storm's p99: ours ${list(stormP99.ours)} ms, reference ${list(stormP99.reference)} ms. After each, a storm of 100 light joiners (lightReader.ts: the whole state received, not applied), so that the server alone sets the pace: p99 ours ${list(lightP99.ours)} ms, reference ${list(lightP99.reference)} ms.`,
    ],
  };
}
