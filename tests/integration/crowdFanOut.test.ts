/**
 * A crowd on one document (more sockets than collab/sendToAll.ts writes in one turn, so every edit
 * goes through the sockets' queues): every reader gets every edit of a burst and ends with the
 * writer's text. (That the event loop is free between slices is in tests/unit/sendToAll.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, type CollabClient } from '../helpers/collabClient.ts';
import { SLICE } from '../../server/collab/sendToAll.ts';
import { TEXT_FIELD } from '../../server/documents/text.ts';

const DOC = SEED_IDS[0];
const READERS = SLICE + 44;
const EDITS = 20;

let t: TestServer;
const clients: CollabClient[] = [];
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

const holdsAllOf = (doc: Y.Doc, writer: Y.Doc) => Y.getState(doc.store, writer.clientID) >= Y.getState(writer.store, writer.clientID);

describe('a crowd of readers on one document', () => {
  it('gets every edit of a burst and ends with the writer\'s text', async () => {
    await t.setPhase(DOC, 'revision');
    const readerCookie = (await t.person({ role: 'participant' })).cookie;
    const writer = connect(t.wsUrl, DOC, (await t.person({ role: 'working-group' })).cookie);
    clients.push(writer);
    for (let i = 0; i < READERS; i++) clients.push(connect(t.wsUrl, DOC, readerCookie));
    await Promise.all(clients.map((c) => c.synced));
    expect(t.server.services.collab.connectionCount()).toBe(READERS + 1);

    const paragraph = writer.doc.getXmlFragment(TEXT_FIELD).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    for (let n = 0; n < EDITS; n++) text.insert(0, `${n} `);
    await waitFor(() => clients.every((c) => holdsAllOf(c.doc, writer.doc)), 20_000, 'every reader to hold every edit');
    const expected = writer.doc.getXmlFragment(TEXT_FIELD).toString();
    for (const client of clients) expect(client.doc.getXmlFragment(TEXT_FIELD).toString()).toBe(expected);
  }, 60_000);
});
