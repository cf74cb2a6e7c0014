/**
 * The client-process halves of (g), the crowd: light readers (lightReader.ts), the typing editors
 * (stock y-websocket clients that apply everything, as a browser does) and the commenters (REST).
 * Each client process keeps its own readers between calls: join, then finish with the editors' send
 * times, answering a latency histogram and the process's own CPU time.
 */
import * as Y from 'yjs';
import { connect } from '../helpers/collabClient.ts';
import { bucketOf, newHistogram } from './histogram.ts';
import { LightReader, wallNow } from './lightReader.ts';
import { random, within } from './helpers.ts';

/** One update an editor sent: its client id, its clock after the update, and when (wall-clock ms). */
export type Send = [client: number, clock: number, time: number];

let readers: LightReader[] = [];
let cpuAtStart = 0;

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

export async function crowdJoin(p: { wsUrl: string; documentId: string; cookies: string[]; count: number }): Promise<{ joined: number }> {
  // In batches, as a crowd arrives over a few seconds rather than in one instant.
  for (let i = 0; i < p.count; i += 50) {
    const batch = Array.from({ length: Math.min(50, p.count - i) }, (_, j) => new LightReader(p.wsUrl, p.documentId, p.cookies[(i + j) % p.cookies.length]!));
    readers.push(...batch);
    await within(Promise.all(batch.map((r) => r.synced)), 60_000, 'a batch of light readers to sync');
  }
  return { joined: readers.length };
}

export function crowdMark(): Promise<void> {
  cpuAtStart = cpuMs();
  for (const reader of readers) reader.received = { messages: 0, bytes: 0 };
  return Promise.resolve();
}

export interface CrowdReadersOutcome {
  histogram: number[];
  missing: number;
  /** Readers the server closed during the run (dropped as too slow, or refused). */
  dropped: number;
  cpuMs: number;
  /** Messages and bytes the readers received from the mark on, all types (updates, presence…). */
  messages: number;
  bytes: number;
}

export function crowdFinish(p: { sends: Send[] }): Promise<CrowdReadersOutcome> {
  const spent = cpuMs() - cpuAtStart;
  const histogram = newHistogram();
  let missing = 0;
  const sends = p.sends.toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const reader of readers) {
    let client = -1;
    let cursor = { index: 0 };
    for (const [sender, clock, time] of sends) {
      if (sender !== client) {
        client = sender;
        cursor = { index: 0 };
      }
      const arrived = reader.arrivalOf(sender, clock, cursor);
      if (arrived === null) missing++;
      else histogram[bucketOf(arrived - time)]!++;
    }
  }
  const dropped = readers.filter((r) => r.closedEarly).length;
  const messages = readers.reduce((sum, r) => sum + r.received.messages, 0);
  const bytes = readers.reduce((sum, r) => sum + r.received.bytes, 0);
  for (const reader of readers) reader.close();
  readers = [];
  return Promise.resolve({ histogram, missing, dropped, cpuMs: spent, messages, bytes });
}

const LETTERS = 'etaoinshrdlucmfwyp ';

export interface CrowdEditorsParams {
  wsUrl: string;
  documentId: string;
  cookies: string[];
  updatesPerSecond: number;
  warmupMs: number;
  durationMs: number;
  seed: number;
}

/** The editors type 1–3 characters at a random place of a paragraph each, as in (a); measured sends only. */
export async function crowdEditors(p: CrowdEditorsParams): Promise<{ sends: Send[]; cpuMs: number }> {
  const next = random(p.seed);
  const editors = p.cookies.map((cookie) => connect(p.wsUrl, p.documentId, cookie));
  try {
    await within(Promise.all(editors.map((e) => e.synced)), 60_000, 'the editors to sync');
    const sends: Send[] = [];
    let recording = false;
    const typists = editors.map((editor, k) => {
      const paragraphs = editor.doc
        .getXmlFragment('default')
        .toArray()
        .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph' && node.get(0) instanceof Y.XmlText);
      const text = paragraphs[(k * 7) % paragraphs.length]?.get(0) as Y.XmlText | undefined;
      if (!text) throw new Error('the crowd document has no paragraph to type in');
      return { editor, text };
    });
    const type = ({ editor, text }: (typeof typists)[number]) => {
      let chars = '';
      for (let i = 0, n = 1 + Math.floor(next() * 3); i < n; i++) chars += LETTERS[Math.floor(next() * LETTERS.length)];
      const at = wallNow();
      text.insert(Math.floor(next() * (text.length + 1)), chars);
      if (recording) sends.push([editor.doc.clientID, Y.getState(editor.doc.store, editor.doc.clientID), at]);
    };
    const period = 1000 / p.updatesPerSecond;
    const timers: NodeJS.Timeout[] = typists.map((typist) => setTimeout(() => timers.push(setInterval(() => type(typist), period)), next() * period));
    await new Promise((resolve) => setTimeout(resolve, p.warmupMs));
    recording = true;
    const before = cpuMs();
    await new Promise((resolve) => setTimeout(resolve, p.durationMs));
    recording = false;
    const spent = cpuMs() - before;
    for (const timer of timers) clearTimeout(timer);
    return { sends, cpuMs: spent };
  } finally {
    for (const editor of editors) editor.destroy();
  }
}

/** Commenters: each posts a comment on a whole section every `everyMs` (staggered); POST times in ms. */
export async function crowdComments(p: { url: string; documentId: string; sectionId: string; cookies: string[]; everyMs: number; durationMs: number }): Promise<{ times: number[]; failures: number; cpuMs: number }> {
  const cpuBefore = cpuMs();
  const times: number[] = [];
  let failures = 0;
  const post = async (cookie: string, n: number) => {
    const started = performance.now();
    const res = await fetch(`${p.url}/api/documents/${p.documentId}/threads`, {
      method: 'POST',
      headers: { cookie, origin: p.url, 'content-type': 'application/json' },
      body: JSON.stringify({ sectionId: p.sectionId, anchor: null, kind: 'general', body: `Crowd comment ${n}: the wording of this section could be clearer.` }),
    });
    await res.arrayBuffer();
    if (res.status === 201 || res.status === 200) times.push(performance.now() - started);
    else failures++;
  };
  const end = performance.now() + p.durationMs;
  await Promise.all(
    p.cookies.map(async (cookie, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i / p.cookies.length) * p.everyMs));
      for (let n = 0; performance.now() < end; n++) {
        const started = performance.now();
        await post(cookie, n).catch(() => failures++);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, p.everyMs - (performance.now() - started))));
      }
    }),
  );
  return { times, failures, cpuMs: cpuMs() - cpuBefore };
}
