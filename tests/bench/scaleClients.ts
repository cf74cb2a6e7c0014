/**
 * The client-process half of (j), scale-out: stock y-websocket clients on several documents, the
 * clients of each document spread over the deployment's processes, some of them typing. Every
 * client of a document lives in the same client process, so a delivery's latency (the sender's
 * insert to the receiver's document having it, as in fanout.ts) is read on one clock; each sample
 * is filed as same-process or cross-process by the server processes the sender and receiver use.
 * State is kept between the calls: join, then run (which closes the clients at the end).
 */
import * as Y from 'yjs';
import { allSynced, closeAll, cookieOf, join, type CollabClient } from './clients.ts';
import { ownThreadCpuMs, random, until } from './helpers.ts';

export interface ScaleJoinParams {
  /** ws://… of each server process of the deployment. */
  wsUrls: string[];
  documentIds: string[];
  /** The index of this process's first document among all documents, so placement is global. */
  firstDocumentIndex: number;
  clientsPerDocument: number;
  typersPerDocument: number;
  writers: string[];
  readers: string[];
  /**
   * `spread`: client k of the deployment's document g on process (g + k) mod N, as a load balancer
   * without stickiness spreads them; `by-document`: every client of document g on process g mod N,
   * as a load balancer that routes /collab/<documentId> by a hash of the path.
   */
  placement: 'spread' | 'by-document';
  /**
   * false: once synced, every client drops its presence (the stock client otherwise renews it every
   * 15 s, all 300 in one burst, and echoes every presence it receives), so that only the typing is
   * counted (scaleInstructions.ts).
   */
  presence?: boolean;
}

export interface ScaleRunParams {
  updatesPerSecond: number;
  /** Wall-clock (Date.now()) times: typing starts at startAt, is measured from measureFrom to measureUntil. */
  startAt: number;
  measureFrom: number;
  measureUntil: number;
  seed: number;
}

export interface ScaleOutcome {
  same: number[];
  cross: number[];
  expected: number;
  missing: number;
  updates: number;
  clientCpuMs: number | null;
}

interface Member {
  client: CollabClient;
  /** The index of the server process it is connected to. */
  server: number;
}

interface Typer extends Member {
  text: Y.XmlText;
  clocks: number[];
  times: number[];
  measured: boolean[];
}

let documents: Member[][] = [];
let typersPerDocument = 0;

const LETTERS = 'etaoinshrdlucmfwyp ';
const waitUntil = (epochMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText)
    .map((node) => node.get(0) as Y.XmlText);
}

/** Connects every client to its process (placement) and waits for all to sync. */
export async function scaleJoin(p: ScaleJoinParams): Promise<{ joined: number }> {
  typersPerDocument = p.typersPerDocument;
  documents = p.documentIds.map((documentId, d) => {
    const g = p.firstDocumentIndex + d;
    return Array.from({ length: p.clientsPerDocument }, (_, k) => {
      const server = (p.placement === 'spread' ? g + k : g) % p.wsUrls.length;
      const cookie = k < p.typersPerDocument ? cookieOf(p.writers, g * p.typersPerDocument + k) : cookieOf(p.readers, g * p.clientsPerDocument + k);
      return { client: join({ side: 'ours', wsUrl: p.wsUrls[server]!, writers: p.writers, readers: p.readers }, documentId, cookie), server };
    });
  });
  const all = documents.flat().map((m) => m.client);
  await allSynced(all, 90_000, `${all.length} clients to sync`);
  if (p.presence === false) for (const client of all) client.provider.awareness.setLocalState(null);
  return { joined: all.length };
}

/** Types from startAt, measures between the two marks, waits for every receiver, then closes the clients. */
export async function scaleRun(p: ScaleRunParams): Promise<ScaleOutcome> {
  const next = random(p.seed);
  const same: number[] = [];
  const cross: number[] = [];
  try {
    const typers: Typer[][] = documents.map((members) =>
      members.slice(0, typersPerDocument).map((member, k) => {
        const texts = paragraphTexts(member.client.doc);
        const text = texts[(k * 7) % texts.length];
        if (!text) throw new Error('the bench document has no paragraph to type in');
        return { ...member, text, clocks: [], times: [], measured: [] };
      }),
    );
    documents.forEach((members, d) => {
      const senders = typers[d]!;
      for (const receiver of members) {
        const seen = senders.map(() => 0);
        receiver.client.doc.on('update', () => {
          const now = performance.now();
          senders.forEach((sender, k) => {
            if (sender.client === receiver.client) return;
            const state = Y.getState(receiver.client.doc.store, sender.client.doc.clientID);
            let i = seen[k]!;
            while (i < sender.clocks.length && sender.clocks[i]! < state) {
              if (sender.measured[i]) (sender.server === receiver.server ? same : cross).push(now - sender.times[i]!);
              i++;
            }
            seen[k] = i;
          });
        });
      }
    });

    let recording = false;
    const type = (typer: Typer) => {
      const length = 1 + Math.floor(next() * 3);
      let chars = '';
      for (let i = 0; i < length; i++) chars += LETTERS[Math.floor(next() * LETTERS.length)];
      typer.clocks.push(Y.getState(typer.client.doc.store, typer.client.doc.clientID));
      typer.measured.push(recording);
      typer.times.push(performance.now());
      typer.text.insert(Math.floor(next() * (typer.text.length + 1)), chars);
    };
    const period = 1000 / p.updatesPerSecond;
    const timers: NodeJS.Timeout[] = [];
    await waitUntil(p.startAt);
    for (const typer of typers.flat()) {
      // Spread over the period: people do not type in step.
      timers.push(setTimeout(() => timers.push(setInterval(() => type(typer), period)), next() * period));
    }
    await waitUntil(p.measureFrom);
    recording = true;
    const cpuBefore = ownThreadCpuMs();
    await waitUntil(p.measureUntil);
    recording = false;
    const cpuAfter = ownThreadCpuMs();
    for (const timer of timers) clearTimeout(timer);

    const members = documents.map((m) => m.length);
    const updates = typers.flat().reduce((sum, t) => sum + t.measured.filter(Boolean).length, 0);
    const expected = typers.reduce((sum, senders, d) => sum + senders.reduce((s, t) => s + t.measured.filter(Boolean).length, 0) * (members[d]! - 1), 0);
    await until(() => same.length + cross.length >= expected, 20_000, 'every receiver to see every update').catch(() => undefined);
    return { same, cross, expected, missing: expected - same.length - cross.length, updates, clientCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
  } finally {
    closeAll(documents.flat().map((m) => m.client));
    documents = [];
  }
}
