/**
 * (b) Trace replay: one client types the automerge-paper trace into a new paragraph, one Yjs update
 * per transaction of the trace, as fast as it can, while another client watches. The figure is
 * transactions per second from the first send to the watcher holding the last one, and the
 * watcher's text must equal the trace's text exactly (the whole trace's endContent, or the text the
 * same prefix gives when applied locally).
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
  /** The same for the client thread (typist and watcher together). */
  clientCpuPerUpdateUs: number | null;
}

/** Transactions typed between two yields to the event loop, so that the watcher keeps up. */
const BATCH = 100;

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `lengths ${a.length} and ${b.length}, first difference at ${i}: ${JSON.stringify(a.slice(i, i + 20))} vs ${JSON.stringify(b.slice(i, i + 20))}`;
}

/** Client-thread half. Throws when the watcher's text is not the trace's. */
export async function replayClients(p: ReplayParams): Promise<ReplayOutcome> {
  const trace = loadTrace();
  const count = Math.min(p.transactions, trace.txns.length);
  const expected = textAfter(trace, count);
  const sender = join(p.endpoint, p.documentId, cookieOf(p.endpoint.writers, 0));
  const watcher = join(p.endpoint, p.documentId, cookieOf(p.endpoint.readers, 0));
  try {
    await allSynced([sender, watcher], 30_000, 'the typist and the watcher to sync');
    const text = appendParagraph(sender.doc);
    const fragmentLength = sender.doc.getXmlFragment('default').length;
    await within(
      new Promise<void>((resolve) => {
        const check = () => watcher.doc.getXmlFragment('default').length >= fragmentLength && (watcher.doc.off('update', check), resolve());
        watcher.doc.on('update', check);
        check();
      }),
      10_000,
      'the watcher to see the new paragraph',
    );
    const watched = lastParagraphText(watcher.doc);
    if (!watched) throw new Error('the watcher has no paragraph to watch');

    // Done when the watcher has every insertion (its state vector) and every deletion (the text).
    let finalClock = Number.POSITIVE_INFINITY;
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const check = () => {
      if (Y.getState(watcher.doc.store, sender.doc.clientID) >= finalClock && plain(watched) === expected) finish();
    };
    watcher.doc.on('update', check);

    const started = performance.now();
    const cpuBefore = serverThreadCpuMs();
    const clientCpuBefore = ownThreadCpuMs();
    for (let i = 0; i < count; i++) {
      applyTransaction(sender.doc, text, trace.txns[i]!.patches);
      if (i % BATCH === BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    finalClock = Y.getState(sender.doc.store, sender.doc.clientID);
    check();
    try {
      await within(done, 180_000, 'the watcher to hold the whole trace');
    } catch (error) {
      throw new Error(`${(error as Error).message}; the watcher's text differs: ${firstDifference(plain(watched), expected)}`, { cause: error });
    }
    const ms = performance.now() - started;
    const cpuAfter = serverThreadCpuMs();
    const clientCpuAfter = ownThreadCpuMs();
    if (plain(watched) !== expected) throw new Error(`the watcher's text is not the trace's: ${firstDifference(plain(watched), expected)}`);
    const perUpdate = (before: number | null, after: number | null) => (before === null || after === null ? null : ((after - before) * 1000) / count);
    return {
      transactions: count,
      ms,
      perSecond: (count / ms) * 1000,
      characters: expected.length,
      serverCpuPerUpdateUs: perUpdate(cpuBefore, cpuAfter),
      clientCpuPerUpdateUs: perUpdate(clientCpuBefore, clientCpuAfter),
    };
  } finally {
    closeAll([sender, watcher]);
  }
}

const capacity = (us: number | null) => (us ? 1e6 / us : null);

export async function runTraceReplay(ctx: BenchContext): Promise<ScenarioResult> {
  const total = loadTrace().txns.length;
  const transactions = ctx.options.quick ? 30_000 : total;
  const runs: Record<Side, ReplayOutcome[]> = { ours: [], reference: [] };
  for (const side of [ctx.ours, ctx.reference]) {
    ctx.log(`(b) trace replay warm-up on ${side.endpoint.side}…`);
    await ctx.clients.call<ReplayOutcome>('replay', { endpoint: side.endpoint, documentId: DOCUMENTS.traceWarmup, transactions: 5000 } satisfies ReplayParams);
    await side.idle();
  }
  // Two runs each, alternating which server goes first: other work on the machine changes over time.
  for (const [round, documentId] of DOCUMENTS.trace.entries()) {
    for (const side of round % 2 === 0 ? [ctx.ours, ctx.reference] : [ctx.reference, ctx.ours]) {
      ctx.log(`(b) trace replay on ${side.endpoint.side}, ${transactions} transactions, run ${round + 1}/${DOCUMENTS.trace.length}…`);
      runs[side.endpoint.side].push(await ctx.clients.call<ReplayOutcome>('replay', { endpoint: side.endpoint, documentId, transactions } satisfies ReplayParams));
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
  const scenario = `(b) trace replay, ${transactions.toLocaleString('en')} of ${total.toLocaleString('en')} txns`;
  const figures: Figure[] = [
    { scenario, metric: `updates/s end to end (${DOCUMENTS.trace.length} runs)`, unit: 'upd/s', ours: ours.perSecond, reference: reference.perSecond, better: 'higher' },
    { scenario, metric: 'server thread CPU per update', unit: 'µs', ours: ours.serverCpuPerUpdateUs, reference: reference.serverCpuPerUpdateUs, better: 'lower' },
    { scenario, metric: 'server capacity, one core (10⁶ / CPU per update)', unit: 'upd/s', ours: capacity(ours.serverCpuPerUpdateUs), reference: capacity(reference.serverCpuPerUpdateUs), better: 'higher' },
    { scenario, metric: 'client thread CPU per update (typist + watcher)', unit: 'µs', ours: ours.clientCpuPerUpdateUs, reference: reference.clientCpuPerUpdateUs, better: 'lower' },
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
      `(b) every watcher's text equalled the trace's (${ours.characters.toLocaleString('en')} characters) on both servers, and our stored copies read back equal. Rates are all transactions over all time of the runs.`,
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
