/**
 * Convergence under a bad network, as a seeded property test: 3 to 5 editors make random inserts,
 * deletes, formatting and comment anchors while messages are delayed, duplicated and reordered,
 * clients disconnect and reconnect, and the server restarts mid-run. At the end every client, the
 * server and a fresh load from disk hold the same text, and every anchor resolves to the same words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assert as checkProperty, asyncProperty, integer } from 'fast-check';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { startFlakyProxy, type FlakyProxy } from '../helpers/flakyProxy.ts';
import { waitFor } from '../helpers/collabClient.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { indexText, resolveAnchor } from '../../server/documents/anchors.ts';
import type { Anchor } from '../../shared/api.ts';

const DOC: string = SEED_IDS[1];
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).toReversed()) await f();
});

function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const texts = (doc: Y.Doc) =>
  doc
    .getXmlFragment(TEXT_FIELD)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText) : []));

/** One random edit of the kind an editor makes. */
function randomEdit(doc: Y.Doc, random: () => number, label: string): void {
  const candidates = texts(doc).filter((t) => t.length > 0);
  const text = candidates[Math.floor(random() * candidates.length)];
  if (!text) return;
  const at = Math.floor(random() * text.length);
  const roll = random();
  if (roll < 0.5) text.insert(at, ` ${label} `);
  else if (roll < 0.75) text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 12)));
  else text.format(at, Math.min(text.length - at, 1 + Math.floor(random() * 20)), random() < 0.5 ? { bold: true } : { italic: null });
}

function randomAnchor(doc: Y.Doc, random: () => number): Anchor | null {
  const candidates = texts(doc).filter((t) => t.length > 10);
  const text = candidates[Math.floor(random() * candidates.length)];
  if (!text) return null;
  const from = Math.floor(random() * (text.length - 5));
  const encode = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, -1))).toString('base64');
  return { start: encode(from), end: encode(from + 5) };
}

async function run(seed: number, editors: number): Promise<void> {
  const random = seeded(seed);
  const t: TestServer = await startTestServer();
  cleanup.push(() => t.close());
  await t.setPhase(DOC, 'revision');
  const { cookie } = await t.person({ role: 'working-group' });
  const proxy: FlakyProxy = await startFlakyProxy(() => t.wsUrl, cookie, { random, maxDelayMs: 15, duplicateRate: 0.1 });
  cleanup.push(() => proxy.close());
  const clients = Array.from({ length: editors }, () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${proxy.url}/collab`, DOC, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, maxBackoffTime: 100 });
    cleanup.push(() => {
      provider.destroy();
      doc.destroy();
    });
    return { doc, provider };
  });
  await waitFor(() => clients.every((c) => c.provider.synced), 15_000, 'first sync');

  const anchors: Anchor[] = [];
  for (let step = 0; step < 60; step++) {
    const client = clients[Math.floor(random() * clients.length)]!;
    randomEdit(client.doc, random, `s${seed}e${step}`);
    if (random() < 0.1) {
      const anchor = randomAnchor(client.doc, random);
      if (anchor) anchors.push(anchor);
    }
    if (random() < 0.05) proxy.cutAll();
    if (random() < 0.08) client.provider.disconnect();
    if (random() < 0.1) for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    if (step === 30) await t.restart(); // every socket drops; clients come back by themselves
    if (step % 10 === 0) await new Promise((r) => setTimeout(r, 5));
  }
  for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();

  // Settled: every client holds what the server holds.
  const serverState = () => t.server.services.collab.rooms.use(DOC, (room) => Y.encodeStateVector(room.doc));
  await waitFor(
    async () => {
      const sv = Buffer.from(await serverState()).toString('base64');
      return clients.every((c) => c.provider.synced && Buffer.from(Y.encodeStateVector(c.doc)).toString('base64') === sv);
    },
    20_000,
    'convergence',
  );
  const expected = await t.server.services.collab.rooms.use(DOC, (room) => room.doc.getXmlFragment(TEXT_FIELD).toJSON());
  for (const c of clients) expect(c.doc.getXmlFragment(TEXT_FIELD).toJSON()).toBe(expected);

  // A fresh load from disk holds the same.
  for (const c of clients) c.provider.disconnect();
  await waitFor(() => t.server.services.collab.rooms.size === 0, 10_000, 'unload');
  await t.restart();
  const fromDisk = await t.server.services.collab.rooms.use(DOC, (room) => {
    const index = indexText(room.doc);
    return { xml: room.doc.getXmlFragment(TEXT_FIELD).toJSON(), anchors: anchors.map((a) => resolveAnchor(index, a)?.quote ?? null), text: plainText(room.doc.getXmlFragment(TEXT_FIELD)) };
  });
  expect(fromDisk.xml).toBe(expected);
  // Anchors resolve to the same words on a client as on the server.
  const clientIndex = indexText(clients[0]!.doc);
  expect(anchors.map((a) => resolveAnchor(clientIndex, a)?.quote ?? null)).toEqual(fromDisk.anchors);
  expect(fromDisk.text.length).toBeGreaterThan(1000);
  // The run did edit: several labelled insertions survived to disk.
  expect(fromDisk.text.match(new RegExp(`s${seed}e\\d+`, 'g'))?.length ?? 0).toBeGreaterThan(5);
}

describe('convergence under a bad network', () => {
  it('holds for random editing sessions (seeded)', async () => {
    expect.hasAssertions();
    await checkProperty(
      asyncProperty(integer({ min: 1, max: 2 ** 31 - 1 }), integer({ min: 3, max: 5 }), async (seed, editors) => {
        await run(seed, editors);
        for (const f of cleanup.splice(0).toReversed()) await f();
      }),
      { numRuns: 4, seed: 20261123, endOnFailure: true },
    );
  }, 180_000);
});
