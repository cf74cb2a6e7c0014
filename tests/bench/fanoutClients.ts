/**
 * (a) Fan-out, the clients' half: runs on a client thread or in a client process (the outsider's
 * harness). Many clients on a document, some of them typing a few characters into a paragraph's
 * Y.XmlText at a steady rate, as the editor does. Latency is measured per update and per receiving
 * client, from just before the sender's insert to the receiver's document having applied it: each
 * send records the sender's Yjs clock, and a receiver has an update once its state vector has
 * passed that clock (so merged or split relays would still count correctly).
 */
import * as Y from 'yjs';
import { allSynced, closeAll, cookieOf, join, type CollabClient, type Endpoint } from './clients.ts';
import { cpuSpentMs, ownThreadCpuMs, random, readCpu, until } from './helpers.ts';

export interface FanoutParams {
  endpoint: Endpoint;
  documentIds: string[];
  clientsPerDocument: number;
  typersPerDocument: number;
  updatesPerSecond: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
  /** A server in a process of its own (the outsider's harness): its whole process's CPU is read. */
  serverPid?: number;
}

export interface FanoutOutcome {
  /** Latency of every delivery measured, ms. */
  samples: number[];
  expected: number;
  missing: number;
  updates: number;
  /** CPU time of the server during the measured typing (ms): its process's, or in process its thread's. */
  serverCpuMs: number | null;
  /** Updates sent from the first keystroke on, warm-up included (a profile covers them all). */
  sentInAll: number;
  /** CPU time of the client thread during the measured typing (ms). */
  clientCpuMs: number | null;
}

interface Typer {
  client: CollabClient;
  text: Y.XmlText;
  clocks: number[];
  times: number[];
  measured: boolean[];
}

const LETTERS = 'etaoinshrdlucmfwyp ';

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText) texts.push(node.get(0) as Y.XmlText);
  }
  return texts;
}

/** Client-thread half: connect, type for warm-up plus duration, wait for every receiver, report. */
export async function fanoutClients(p: FanoutParams): Promise<FanoutOutcome> {
  const next = random(p.seed);
  const documents = p.documentIds.map((documentId, d) =>
    Array.from({ length: p.clientsPerDocument }, (_, i) =>
      i < p.typersPerDocument
        ? join(p.endpoint, documentId, cookieOf(p.endpoint.writers, d * p.typersPerDocument + i))
        : join(p.endpoint, documentId, cookieOf(p.endpoint.readers, d * p.clientsPerDocument + i)),
    ),
  );
  const all = documents.flat();
  try {
    await allSynced(all, 60_000, `${all.length} clients to sync`);

    const samples: number[] = [];
    let recording = false;
    const typers: Typer[][] = documents.map((members) =>
      members.slice(0, p.typersPerDocument).map((client, k) => {
        const texts = paragraphTexts(client.doc);
        const text = texts[(k * 7) % texts.length];
        if (!text) throw new Error('the bench document has no paragraph to type in');
        return { client, text, clocks: [], times: [], measured: [] };
      }),
    );
    documents.forEach((members, d) => {
      const senders = typers[d]!;
      for (const receiver of members) {
        const seen = senders.map(() => 0);
        receiver.doc.on('update', () => {
          const now = performance.now();
          senders.forEach((sender, k) => {
            if (sender.client === receiver) return;
            const state = Y.getState(receiver.doc.store, sender.client.doc.clientID);
            let i = seen[k]!;
            while (i < sender.clocks.length && sender.clocks[i]! < state) {
              if (sender.measured[i]) samples.push(now - sender.times[i]!);
              i++;
            }
            seen[k] = i;
          });
        });
      }
    });

    const type = (typer: Typer) => {
      const length = 1 + Math.floor(next() * 3);
      let chars = '';
      for (let i = 0; i < length; i++) chars += LETTERS[Math.floor(next() * LETTERS.length)];
      const position = Math.floor(next() * (typer.text.length + 1));
      typer.clocks.push(Y.getState(typer.client.doc.store, typer.client.doc.clientID));
      typer.measured.push(recording);
      typer.times.push(performance.now());
      typer.text.insert(position, chars);
    };
    const period = 1000 / p.updatesPerSecond;
    const timers: NodeJS.Timeout[] = [];
    for (const typer of typers.flat()) {
      // Spread the typers over the period, as people do not type in step.
      const start = setTimeout(() => timers.push(setInterval(() => type(typer), period)), next() * period);
      timers.push(start);
    }
    await new Promise((resolve) => setTimeout(resolve, p.warmupMs));
    recording = true;
    // In process, the servers run on the main thread of this process (the clients on a worker).
    const serverCpu = () => (p.serverPid === undefined ? readCpu(process.pid, true) : readCpu(p.serverPid));
    const cpuBefore = serverCpu();
    const clientCpuBefore = ownThreadCpuMs();
    await new Promise((resolve) => setTimeout(resolve, p.durationMs));
    recording = false;
    const cpuAfter = serverCpu();
    const clientCpuAfter = ownThreadCpuMs();
    for (const timer of timers) clearTimeout(timer);

    const sends = typers.flat().reduce((sum, t) => sum + t.measured.filter(Boolean).length, 0);
    const expected = sends * (p.clientsPerDocument - 1);
    await until(() => samples.length >= expected, 15_000, 'every receiver to see every update').catch(() => undefined);
    const spent = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);
    return { samples, expected, missing: expected - samples.length, updates: sends, serverCpuMs: cpuSpentMs(cpuBefore, cpuAfter), sentInAll: typers.flat().reduce((sum, t) => sum + t.clocks.length, 0), clientCpuMs: spent(clientCpuBefore, clientCpuAfter) };
  } finally {
    closeAll(all);
  }
}
