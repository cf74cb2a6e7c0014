import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { plainText, readSections, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC = SEED_IDS[0];
let t: TestServer;
const clients: CollabClient[] = [];
const open = (cookie: string, doc = DOC) => {
  const client = connect(t.wsUrl, doc, cookie);
  clients.push(client);
  return client;
};
const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));

/** Appends a paragraph with `text` at the end of the document, as an editor would. */
function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

describe('collaboration socket', () => {
  it('gives each newcomer the text as it is when they join, never an earlier copy', async () => {
    await t.setPhase(DOC, 'revision');
    const { cookie } = await t.person({ role: 'working-group' });
    const writer = open(cookie);
    await writer.synced;
    const first = open(cookie);
    await first.synced;
    expect(textOf(first.doc)).toBe(textOf(writer.doc));

    for (const words of ['First change.', 'Second change.']) {
      appendParagraph(writer.doc, words);
      await waitForDoc(first.doc, () => textOf(first.doc).includes(words));
      // Joined after the change: the whole state the server hands out must include it.
      const late = open(cookie);
      await late.synced;
      expect(textOf(late.doc)).toBe(textOf(writer.doc));
    }
  });

  it('lets two working-group editors converge on the same text', async () => {
    await t.setPhase(DOC, 'revision');
    const a = open((await t.person({ role: 'working-group' })).cookie);
    const b = open((await t.person({ role: 'working-group' })).cookie);
    await Promise.all([a.synced, b.synced]);
    expect(textOf(a.doc)).toBe(textOf(b.doc));
    expect(textOf(a.doc).length).toBeGreaterThan(10_000);

    appendParagraph(a.doc, 'Text typed by A.');
    appendParagraph(b.doc, 'Text typed by B.');
    await waitForDoc(a.doc, () => textOf(a.doc).includes('Text typed by B.'));
    await waitForDoc(b.doc, () => textOf(b.doc).includes('Text typed by A.'));
    expect(textOf(a.doc)).toBe(textOf(b.doc));
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('keeps edits across a restart, and never imports the seed again', async () => {
    await t.setPhase(DOC, 'drafting');
    const { cookie } = await t.person({ role: 'working-group' });
    const a = open(cookie);
    await a.synced;
    const headingsBefore = readSections(a.doc).length;
    appendParagraph(a.doc, 'An edit that must survive a restart.');
    const watcher = open(cookie);
    await watcher.synced;
    await waitForDoc(watcher.doc, () => textOf(watcher.doc).includes('must survive'));
    clients.splice(0).forEach((c) => c.destroy());

    await t.restart();
    await t.restart();
    const after = open(await (async () => (await t.person({ role: 'working-group' })).cookie)());
    await after.synced;
    const text = textOf(after.doc);
    expect(text.split('An edit that must survive a restart.').length).toBe(2);
    expect(readSections(after.doc).length).toBe(headingsBefore);
    const docs = await t.api('GET', '/api/documents', { cookie: t.adminCookie });
    expect(docs.body).toHaveLength(SEED_IDS.length);
    // The title paragraph of the seed appears once: no second import was merged in.
    // The first heading's title (section "0", the introduction, has no heading of its own).
    const firstSection = readSections(after.doc).find((section) => section.number !== '0')!.title;
    expect(text.split(firstSection).length).toBe(2);
  });

  it('relays and stores nothing a read-only participant sends, while relaying an editor\'s change', async () => {
    await t.setPhase(DOC, 'revision');
    const participant = open((await t.person({ role: 'participant' })).cookie);
    const editor = open((await t.person({ role: 'working-group' })).cookie);
    await Promise.all([participant.synced, editor.synced]);

    appendParagraph(participant.doc, 'Sneaky participant change.');
    appendParagraph(editor.doc, 'Legitimate editor change.');
    await waitForDoc(participant.doc, () => textOf(participant.doc).includes('Legitimate editor change.'));
    // The editor's change arrived after the participant's was sent; the participant's never comes.
    await t.server.services.collab.rooms.use(DOC, (room) => {
      expect(textOf(room.doc)).toContain('Legitimate editor change.');
      expect(textOf(room.doc)).not.toContain('Sneaky participant change.');
    });
    expect(textOf(editor.doc)).not.toContain('Sneaky participant change.');
    clients.splice(0).forEach((c) => c.destroy());
    await t.restart();
    const fresh = open((await t.person({ role: 'working-group' })).cookie);
    await fresh.synced;
    expect(textOf(fresh.doc)).not.toContain('Sneaky participant change.');
  });

  it('refuses upgrades without a session, from another origin, or for an unknown document', async () => {
    const status = (url: string, headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => {});
      });
    const { cookie } = await t.person({ role: 'working-group' });
    expect(await status(`${t.wsUrl}/collab/${DOC}`, {})).toBe(401);
    expect(await status(`${t.wsUrl}/collab/${DOC}`, { cookie: 'accord_session=forged' })).toBe(401);
    expect(await status(`${t.wsUrl}/collab/${DOC}`, { cookie, origin: 'https://evil.example' })).toBe(403);
    expect(await status(`${t.wsUrl}/collab/no-such-document`, { cookie })).toBe(404);
    expect(await status(`${t.wsUrl}/collab/..%2Fsecrets`, { cookie })).toBe(404);
    // Nothing was loaded for the refused ones.
    expect(t.server.services.collab.rooms.size).toBe(0);
    expect(await status(`${t.wsUrl}/collab/${DOC}`, { cookie, origin: t.url })).toBe(101);
  });

  it('unloads a document after its last client leaves', async () => {
    const a = open((await t.person({ role: 'participant' })).cookie);
    await a.synced;
    expect(t.server.services.collab.rooms.size).toBe(1);
    a.destroy();
    await waitFor(() => t.server.services.collab.rooms.size === 0, 5000, 'the room to unload');
  });

  it('stamps presence with the server\'s identity of the connection', async () => {
    const amira = await t.person({ role: 'working-group', name: 'Amira Haddad' });
    const jonas = await t.person({ role: 'working-group', name: 'Jonas Berg' });
    const a = open(amira.cookie);
    const b = open(jonas.cookie);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Jonas Berg', color: '#000' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name !== undefined, 5000, 'presence');
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ id: amira.person.id, name: 'Amira Haddad' });
  });
});
