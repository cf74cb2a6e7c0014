/**
 * (a) Fan-out, the bench's half: both configurations against our server and the references, in
 * rounds that alternate which server goes first; figures, and the targets judged on the medians of
 * the rounds. The clients' half, and how latency is measured, is in fanoutClients.ts.
 */
import path from 'node:path';
import { profileWindow } from './processes.ts';
import type { Endpoint } from './clients.ts';
import type { BenchContext } from './context.ts';
import { DOCUMENTS, median, summarize, type Figure, type LatencySummary, type ScenarioResult, type Side, type Verdict } from './helpers.ts';
import type { FanoutOutcome, FanoutParams } from './fanoutClients.ts';

const CONFIGS = [
  { label: '40 clients / 1 doc / 10 typing', documents: [DOCUMENTS.fanoutOne], clientsPerDocument: 40, typersPerDocument: 10 },
  { label: '200 clients / 10 docs / 50 typing', documents: [...DOCUMENTS.fanoutMany], clientsPerDocument: 20, typersPerDocument: 5 },
];

interface Pooled {
  samples: number[];
  expected: number;
  missing: number;
  updates: number;
  serverCpuMs: number;
  clientCpuMs: number;
  measuredMs: number;
}

const emptyPool = (): Pooled => ({ samples: [], expected: 0, missing: 0, updates: 0, serverCpuMs: 0, clientCpuMs: 0, measuredMs: 0 });

/** A short untimed run, so that the first measured server does not pay for the client thread's JIT warm-up. */
async function warmUp(ctx: BenchContext, clients: BenchContext['clients'], reference: { endpoint: Endpoint; idle(): Promise<void> }): Promise<void> {
  ctx.log('(a) warming the clients up…');
  await clients.call<FanoutOutcome>('fanout', {
    endpoint: reference.endpoint,
    documentIds: [DOCUMENTS.fanoutOne],
    clientsPerDocument: 20,
    typersPerDocument: 10,
    updatesPerSecond: 20,
    warmupMs: 300,
    durationMs: 1000,
    seed: 1,
  } satisfies FanoutParams);
  await reference.idle();
}

/**
 * Main-thread half: both configurations against both servers, in rounds that alternate which
 * server goes first (other work on the machine changes over time), then figures and the (a) target.
 */
export async function runFanout(ctx: BenchContext): Promise<ScenarioResult> {
  const figures: Figure[] = [];
  const verdicts: Verdict[] = [];
  const notes: string[] = [];
  // Many short rounds rather than a few long ones: a passing disturbance on the machine (the p99 is a
  // few milliseconds, one stall moves it) then falls on both servers alike.
  const rounds = ctx.options.quick ? 1 : 6;
  const durationMs = ctx.options.quick ? 3000 : 4000;
  const warmupMs = ctx.options.quick ? 500 : 1000;
  // --outside: the servers in processes of their own, the clients in another (outsideServers.ts).
  const outside = ctx.outside;
  const clients = outside?.clients ?? ctx.clients;
  const sides: Array<{ endpoint: Endpoint; idle(): Promise<void>; pid?: number }> = outside
    ? [outside.servers.ours, outside.servers.reference!, outside.servers.referenceNoEcho].map((s) => ({ endpoint: s.endpoint, idle: s.idle, pid: s.server.pid }))
    : [ctx.ours, ctx.reference, ctx.referenceNoEcho];
  await warmUp(ctx, clients, sides[1]!);
  for (const config of CONFIGS) {
    const pooled: Record<Side, Pooled> = { ours: emptyPool(), reference: emptyPool(), referenceNoEcho: emptyPool() };
    const roundP99: Record<Side, number[]> = { ours: [], reference: [], referenceNoEcho: [] };
    for (let round = 0; round < rounds; round++) {
      // Each server goes first in turn: other work on the machine changes over time.
      const shift = (round + CONFIGS.indexOf(config)) % sides.length;
      for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) {
        ctx.log(`(a) fan-out ${config.label} on ${side.endpoint.side}, round ${round + 1}/${rounds}…`);
        // --profile: our server's CPU profile over exactly this run (memoryProbe.mjs), one file per configuration and round.
        const profiling = outside?.profileDir && side.endpoint.side === 'ours' ? profileWindow(outside.servers.ours.server) : undefined;
        await profiling?.started;
        const outcome = await clients.call<FanoutOutcome>('fanout', {
          endpoint: side.endpoint,
          documentIds: config.documents,
          clientsPerDocument: config.clientsPerDocument,
          typersPerDocument: config.typersPerDocument,
          updatesPerSecond: 5,
          warmupMs,
          durationMs,
          seed: 42 + round,
          serverPid: side.pid,
        } satisfies FanoutParams);
        await profiling?.stop(path.join(outside!.profileDir!, `fanout-${CONFIGS.indexOf(config) + 1}-round-${round + 1}.cpuprofile`));
        await side.idle();
        const pool = pooled[side.endpoint.side];
        roundP99[side.endpoint.side].push(summarize(outcome.samples).p99);
        for (const sample of outcome.samples) pool.samples.push(sample);
        pool.expected += outcome.expected;
        pool.missing += outcome.missing;
        pool.updates += outcome.updates;
        pool.serverCpuMs += outcome.serverCpuMs ?? Number.NaN;
        pool.clientCpuMs += outcome.clientCpuMs ?? Number.NaN;
        pool.measuredMs += durationMs;
      }
    }
    const ours: LatencySummary = summarize(pooled.ours.samples);
    const reference: LatencySummary = summarize(pooled.reference.samples);
    const noEcho: LatencySummary = summarize(pooled.referenceNoEcho.samples);
    const scenario = `(a) fan-out, ${config.label}`;
    for (const key of ['p50', 'p95', 'p99'] as const) {
      figures.push({ scenario, metric: `edit → other client, ${key}`, unit: 'ms', ours: ours[key], reference: reference[key], referenceNoEcho: noEcho[key], better: 'lower' });
    }
    const cpuPerUpdate = (pool: Pooled) => (pool.serverCpuMs * 1000) / pool.updates;
    const busy = (pool: Pooled) => (pool.clientCpuMs / pool.measuredMs) * 100;
    figures.push(
      {
        scenario,
        metric: 'server thread CPU per update typed',
        unit: 'µs',
        ours: cpuPerUpdate(pooled.ours),
        reference: cpuPerUpdate(pooled.reference),
        referenceNoEcho: cpuPerUpdate(pooled.referenceNoEcho),
        better: 'lower',
      },
      { scenario, metric: 'client thread busy (all clients)', unit: '%', ours: busy(pooled.ours), reference: busy(pooled.reference), referenceNoEcho: busy(pooled.referenceNoEcho), better: 'lower' },
      { scenario, metric: 'deliveries measured (updates × receivers)', unit: 'count', ours: ours.count, reference: reference.count, referenceNoEcho: noEcho.count, better: 'higher' },
    );
    if (rounds > 1) {
      const better = roundP99.ours.filter((p99, i) => p99 <= roundP99.reference[i]!).length;
      const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
      notes.push(
        `${scenario}: our p99 was at most the reference's in ${better} of ${rounds} paired rounds (ours ${list(roundP99.ours)} ms; reference ${list(roundP99.reference)} ms; reference without echo ${list(roundP99.referenceNoEcho)} ms).`,
      );
    }
    for (const [side, pool] of Object.entries(pooled)) {
      if (pool.missing > 0) notes.push(`${scenario}: ${pool.missing} of ${pool.expected} deliveries on ${side} had not arrived 15 s after the typing stopped.`);
    }
    // The verdict compares the median of the rounds' p99s: one stall of the shared machine during
    // one round (20+ ms, on either server) otherwise decides the pooled p99 on its own.
    const oursP99 = median(roundP99.ours);
    const referenceP99 = median(roundP99.reference);
    const noEchoP99 = median(roundP99.referenceNoEcho);
    verdicts.push({
      target: `(a) ${config.label}: our p99 ≤ reference p99${rounds > 1 ? ` (median of ${rounds} rounds)` : ''}`,
      pass: pooled.ours.missing === 0 && oursP99 <= referenceP99,
      detail: `${oursP99.toFixed(1)} ms vs ${referenceP99.toFixed(1)} ms (${((oursP99 / referenceP99) * 100).toFixed(0)} %); all rounds pooled: ${ours.p99.toFixed(1)} vs ${reference.p99.toFixed(1)} ms; reference without echo ${noEchoP99.toFixed(1)} ms`,
    });
  }
  notes.push(
    `(a) per server and configuration: ${rounds} round(s) of ${durationMs / 1000} s measured after ${warmupMs / 1000} s of warm-up typing, each server going first in turn (ours, the reference, the reference without echo); each typist types 1–3 characters at a random place in a paragraph, 5 times a second.`,
  );
  return { figures, verdicts, notes };
}
