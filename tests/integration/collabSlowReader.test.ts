/**
 * A reader that cannot keep up costs the server a bounded amount of memory: once what the server
 * holds unsent for its socket passes the limit, the socket is dropped, the others keep receiving,
 * and the reader resyncs when it reconnects (issue #19: "A connection that cannot keep up is dropped
 * and resyncs; it never grows the server's memory").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC = SEED_IDS[0];
/** Lowered from the 1 MiB default so that the test pushes megabytes, not tens of them, past the kernel's buffers. */
const LIMIT = 256 * 1024;
/** Each edit appends a paragraph this long: one update of about this many bytes. */
const PARAGRAPH_CHARS = 32 * 1024;
/** The kernel's socket buffers take several MB on loopback before the server's own buffer grows. */
const MAX_PUSHED_BYTES = 96 * 1024 * 1024;

let t: TestServer;
const clients: CollabClient[] = [];
const open = (cookie: string) => {
  const client = connect(t.wsUrl, DOC, cookie);
  clients.push(client);
  return client;
};
const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));
/** Whether `doc` holds every edit `writer` made (cheaper than comparing megabytes of text each time). */
const holdsAllOf = (doc: Y.Doc, writer: Y.Doc) => Y.getState(doc.store, writer.clientID) >= Y.getState(writer.store, writer.clientID);

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

beforeEach(async () => {
  t = await startTestServer({ config: { sendBacklogLimitBytes: LIMIT } });
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

describe('a reader that cannot keep up', () => {
  it('is dropped once over the send limit, while the others keep receiving, and resyncs on reconnecting', async () => {
    await t.setPhase(DOC, 'revision');
    const writer = open((await t.person({ role: 'working-group' })).cookie);
    const reader = open((await t.person({ role: 'participant' })).cookie);
    const stalled = open((await t.person({ role: 'participant' })).cookie);
    await Promise.all([writer.synced, reader.synced, stalled.synced]);
    const collab = t.server.services.collab;
    expect(collab.connectionCount()).toBe(3);
    // Joining sent it the whole text, which it may take its time to read; the limit comes on top.
    const joinedWith = Y.encodeStateAsUpdate(writer.doc).byteLength;

    // The stalled reader's socket stops reading: what the server sends it piles up.
    const stalledSocket = stalled.provider.ws as unknown as WebSocket;
    stalledSocket.pause();

    let pushed = 0;
    let highestBacklog = 0;
    for (let n = 0; collab.connectionCount() === 3; n++) {
      if (pushed > MAX_PUSHED_BYTES) throw new Error(`the stalled reader was still connected after ${pushed} bytes`);
      appendParagraph(writer.doc, `Edit ${n} ${'x'.repeat(PARAGRAPH_CHARS)}`);
      pushed += PARAGRAPH_CHARS;
      // Once the reader has it, the server has written it to every socket: read what it holds now.
      await waitForDoc(reader.doc, () => holdsAllOf(reader.doc, writer.doc));
      highestBacklog = Math.max(highestBacklog, collab.sendBacklogBytes());
    }

    // Bounded: the limit, the text sent on joining, and the edit that crossed the limit (with the
    // reader's share of the last edit, still on its way).
    expect(highestBacklog).toBeLessThanOrEqual(LIMIT + joinedWith + 3 * (PARAGRAPH_CHARS + 1024));
    await waitFor(() => collab.sendBacklogBytes() < PARAGRAPH_CHARS + 1024, 10_000, 'the dropped socket to be let go');

    // The reader that keeps up holds every edit.
    appendParagraph(writer.doc, 'After the drop.');
    await waitForDoc(reader.doc, () => holdsAllOf(reader.doc, writer.doc));
    expect(textOf(reader.doc)).toBe(textOf(writer.doc));

    // Reading again, the stalled client finds its socket closed, reconnects and syncs the whole text.
    stalledSocket.resume();
    await waitForDoc(stalled.doc, () => holdsAllOf(stalled.doc, writer.doc), 20_000);
    expect(textOf(stalled.doc)).toBe(textOf(writer.doc));
    await waitFor(() => collab.connectionCount() === 3, 10_000, 'the dropped reader to reconnect');
  }, 60_000);
});
