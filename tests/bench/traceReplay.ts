/**
 * (b) Trace replay: one client types the automerge-paper trace into a new paragraph, one Yjs update
 * per transaction of the trace, as fast as it can, while another client, on a thread of its own as
 * on another person's machine, watches. The figure is
 * transactions per second from the first send to the watcher holding the last one, and the
 * watcher's text must equal the trace's text exactly (the whole trace's endContent, or the text the
 * same prefix gives when applied locally). It runs against ours, the stock reference, and the
 * reference without its echo (referenceRelay.ts): the stock one also sends every update back to the
 * typist, work ours does not do, so only the gap to the echo-less copy is ours.
 */
import * as Y from 'yjs';
import { allSynced, closeAll, cookieOf, join, type Endpoint } from './clients.ts';
import type { BenchContext } from './context.ts';
import { DOCUMENTS, ownThreadCpuMs, serverThreadCpuMs, within, type Figure, type ScenarioResult, type Side } from './helpers.ts';
import { appendParagraph, applyTransaction, lastParagraphText, loadTrace, plain, textAfter } from './trace.ts';

export interface ReplayParams {
  endpoint: Endpoint;
  documentId: string;
  transactions: number;
}

export interface ReplayOutcome {
  transactions: number;
  ms: number;
  perSecond: number;
  characters: number;
  /** CPU time of the servers' thread from the first send to the watcher having all, per update (µs). */
  serverCpuPerUpdateUs: number | null;
  /** The same for the two client threads (typist and watcher together). */
  clientCpuPerUpdateUs: number | null;
}

/** What the typist's thread reports: when it started (wall clock, shared by all threads) and what it spent. */
interface TypistOutcome {
  startedAt: number;
  serverCpuAtStart: number | null;
  cpuMs: number | null;
}

/** What the watcher's thread reports once it holds the whole text. */
interface WatcherOutcome {
  finishedAt: number;
  serverCpuAtEnd: number | null;
  cpuMs: number | null;
  characters: number;
}

/** Transactions typed between two yields to the event loop, so that the socket gets written. */
const BATCH = 100;

/** Milliseconds on a clock every thread shares (each thread's performance.now() has its own origin). */
const wallClock = () => performance.timeOrigin + performance.now();

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `lengths ${a.length} and ${b.length}, first difference at ${i}: ${JSON.stringify(a.slice(i, i + 20))} vs ${JSON.stringify(b.slice(i, i + 20))}`;
}

/** The watcher, between its two tasks: joined and synced, waiting for the typist's paragraph. */
let watching: { client: ReturnType<typeof join>; fragmentLength: number; params: ReplayParams } | null = null;

/** Watcher thread, first half: join and sync before the typist starts. */
export async function watchReady(p: ReplayParams): Promise<void> {
  const client = join(p.endpoint, p.documentId, cookieOf(p.endpoint.readers, 0));
  await allSynced([client], 30_000, 'the watcher to sync');
  watching = { client, fragmentLength: client.doc.getXmlFragment('default').length, params: p };
}

/** Watcher thread, second half: resolves once the new paragraph holds the whole trace's text. Throws if it never does. */
export async function watchDone(): Promise<WatcherOutcome> {
  if (!watching) throw new Error('watchReady first');
  const { client, fragmentLength, params } = watching;
  const trace = loadTrace();
  const expected = textAfter(trace, Math.min(params.transactions, trace.txns.length));
  const cpuBefore = ownThreadCpuMs();
  let watched: Y.XmlText | null = null;
  try {
    await within(
      new Promise<void>((resolve) => {
        const check = () => {
          if (!watched && client.doc.getXmlFragment('default').length > fragmentLength) watched = lastParagraphText(client.doc);
          // The length is cheap to read; the whole text is compared only when the length is right.
          if (watched && watched.length === expected.length && plain(watched) === expected) {
            client.doc.off('update', check);
            resolve();
          }
        };
        client.doc.on('update', check);
        check();
      }),
      180_000,
      'the watcher to hold the whole trace',
    );
  } catch (error) {
    const seen = watched ? plain(watched) : '(no paragraph)';
    throw new Error(`${(error as Error).message}; the watcher's text differs: ${firstDifference(seen, expected)}`, { cause: error });
  } finally {
    closeAll([client]);
    watching = null;
  }
  const finishedAt = wallClock();
  const serverCpuAtEnd = serverThreadCpuMs();
  const cpuAfter = ownThreadCpuMs();
  return { finishedAt, serverCpuAtEnd, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, characters: expected.length };
}

/** Typist thread: types the trace into a new paragraph, as fast as it can. */
export async function typeTrace(p: ReplayParams): Promise<TypistOutcome> {
  const trace = loadTrace();
  const count = Math.min(p.transactions, trace.txns.length);
  const sender = join(p.endpoint, p.documentId, cookieOf(p.endpoint.writers, 0));
  try {
    await allSynced([sender], 30_000, 'the typist to sync');
    const startedAt = wallClock();
    const serverCpuAtStart = serverThreadCpuMs();
    const cpuBefore = ownThreadCpuMs();
    const text = appendParagraph(sender.doc);
    for (let i = 0; i < count; i++) {
      applyTransaction(sender.doc, text, trace.txns[i]!.patches);
      if (i % BATCH === BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    // Everything handed to the socket before the typist leaves.
    await within(
      (async () => {
        while (sender.provider.ws && sender.provider.ws.bufferedAmount > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      })(),
      60_000,
      'the typist to send everything',
    );
    const cpuAfter = ownThreadCpuMs();
    return { startedAt, serverCpuAtStart, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  } finally {
    // Not closed yet: the watcher may still be receiving; closed by replay() once it has all.
    typists.push(sender);
  }
}

const typists: Array<ReturnType<typeof join>> = [];

/** Typist thread: closes the typist once the watcher has everything. */
export async function typistLeave(): Promise<void> {
  closeAll(typists.splice(0));
}

/**
 * One replay: the watcher (its own thread, as another person's machine) joins first, then the typist
 * (the other client thread) types; done when the watcher holds the whole text.
 */
async function replay(ctx: BenchContext, params: ReplayParams): Promise<ReplayOutcome> {
  await ctx.watcher.call('watchReady', params);
  const watched = ctx.watcher.call<WatcherOutcome>('watchDone', null);
  const typed = await ctx.clients.call<TypistOutcome>('typeTrace', params);
  const seen = await watched;
  await ctx.clients.call('typistLeave', null);
  const count = Math.min(params.transactions, loadTrace().txns.length);
  const ms = seen.finishedAt - typed.startedAt;
  const perUpdate = (cpuMs: number | null) => (cpuMs === null ? null : (cpuMs * 1000) / count);
  return {
    transactions: count,
    ms,
    perSecond: (count / ms) * 1000,
    characters: seen.characters,
    serverCpuPerUpdateUs: perUpdate(typed.serverCpuAtStart === null || seen.serverCpuAtEnd === null ? null : seen.serverCpuAtEnd - typed.serverCpuAtStart),
    clientCpuPerUpdateUs: perUpdate(typed.cpuMs === null || seen.cpuMs === null ? null : typed.cpuMs + seen.cpuMs),
  };
}

const capacity = (us: number | null) => (us ? 1e6 / us : null);

export async function runTraceReplay(ctx: BenchContext): Promise<ScenarioResult> {
  const total = loadTrace().txns.length;
  const transactions = ctx.options.quick ? 30_000 : total;
  const runs: Record<Side, ReplayOutcome[]> = { ours: [], reference: [], referenceNoEcho: [] };
  const sides = [ctx.ours, ctx.reference, ctx.referenceNoEcho];
  for (const side of sides) {
    ctx.log(`(b) trace replay warm-up on ${side.endpoint.side}…`);
    await replay(ctx, { endpoint: side.endpoint, documentId: DOCUMENTS.traceWarmup, transactions: 5000 });
    await side.idle();
  }
  // Two runs each, in an order that changes between rounds: other work on the machine changes over time.
  for (const [round, documentId] of DOCUMENTS.trace.entries()) {
    for (const side of round % 2 === 0 ? sides : sides.toReversed()) {
      ctx.log(`(b) trace replay on ${side.endpoint.side}, ${transactions} transactions, run ${round + 1}/${DOCUMENTS.trace.length}…`);
      runs[side.endpoint.side].push(await replay(ctx, { endpoint: side.endpoint, documentId, transactions }));
      await side.idle();
    }
  }
  // Persistence on: what our server wrote must read back as the same text.
  const expected = textAfter(loadTrace(), transactions);
  for (const documentId of DOCUMENTS.trace) {
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await ctx.ours.stateOf(documentId));
    const storedText = lastParagraphText(stored);
    if (!storedText || plain(storedText) !== expected) throw new Error(`(b) the text our server stored for ${documentId} is not the trace’s`);
  }
  await ctx.ours.idle();

  const ours = combine(runs.ours);
  const reference = combine(runs.reference);
  const noEcho = combine(runs.referenceNoEcho);
  const scenario = `(b) trace replay, ${transactions.toLocaleString('en')} of ${total.toLocaleString('en')} txns`;
  const figures: Figure[] = [
    { scenario, metric: `updates/s end to end (${DOCUMENTS.trace.length} runs)`, unit: 'upd/s', ours: ours.perSecond, reference: reference.perSecond, referenceNoEcho: noEcho.perSecond, better: 'higher' },
    { scenario, metric: 'server thread CPU per update', unit: 'µs', ours: ours.serverCpuPerUpdateUs, reference: reference.serverCpuPerUpdateUs, referenceNoEcho: noEcho.serverCpuPerUpdateUs, better: 'lower' },
    {
      scenario,
      metric: 'server capacity, one core (10⁶ / CPU per update)',
      unit: 'upd/s',
      ours: capacity(ours.serverCpuPerUpdateUs),
      reference: capacity(reference.serverCpuPerUpdateUs),
      referenceNoEcho: capacity(noEcho.serverCpuPerUpdateUs),
      better: 'higher',
    },
    { scenario, metric: 'client thread CPU per update (typist + watcher)', unit: 'µs', ours: ours.clientCpuPerUpdateUs, reference: reference.clientCpuPerUpdateUs, referenceNoEcho: noEcho.clientCpuPerUpdateUs, better: 'lower' },
  ];
  return {
    figures,
    verdicts: [
      {
        target: '(b) ≥ 20,000 updates/s end to end, persistence on',
        pass: ours.perSecond >= 20_000,
        detail: `${Math.round(ours.perSecond).toLocaleString('en')} updates/s (${((ours.perSecond / 20_000) * 100).toFixed(0)} % of the target)`,
      },
    ],
    notes: [
      `(b) every watcher's text equalled the trace's (${ours.characters.toLocaleString('en')} characters) on all three servers, and our stored copies read back equal. Rates are all transactions over all time of the runs.`,
      `(b) the stock reference sends every update back to the typist as well; without that echo (referenceRelay.ts) it reached ${Math.round(noEcho.perSecond).toLocaleString('en')} updates/s at ${noEcho.serverCpuPerUpdateUs?.toFixed(1) ?? '–'} µs of server CPU per update, against ${Math.round(reference.perSecond).toLocaleString('en')} and ${reference.serverCpuPerUpdateUs?.toFixed(1) ?? '–'} µs with it. Only the gap to the echo-less figures is ours.`,
    ],
  };
}

/** Several runs as one: total transactions over total time, CPU averaged per update. */
function combine(runs: ReplayOutcome[]): ReplayOutcome {
  const transactions = runs.reduce((sum, r) => sum + r.transactions, 0);
  const ms = runs.reduce((sum, r) => sum + r.ms, 0);
  const average = (key: 'serverCpuPerUpdateUs' | 'clientCpuPerUpdateUs') =>
    runs.some((r) => r[key] === null) ? null : runs.reduce((sum, r) => sum + r[key]! * r.transactions, 0) / transactions;
  return {
    transactions,
    ms,
    perSecond: (transactions / ms) * 1000,
    characters: runs[0]?.characters ?? 0,
    serverCpuPerUpdateUs: average('serverCpuPerUpdateUs'),
    clientCpuPerUpdateUs: average('clientCpuPerUpdateUs'),
  };
}
