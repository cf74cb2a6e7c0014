/** Rights on the socket: read-only connections, and sockets that change rights or close when they must. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { packedUpdates, rawPeer, syncStep2 } from '../helpers/rawSocket.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';

const DOC = SEED_IDS[0];
let t: TestServer;
const clients: CollabClient[] = [];
const open = (cookie: string) => {
  const c = connect(t.wsUrl, DOC, cookie);
  clients.push(c);
  return c;
};
const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));
const closeCode = (c: CollabClient) =>
  new Promise<number>((resolve) => c.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));

/** An update that appends a paragraph, made on a copy of the server's current state. */
async function paragraphUpdate(text: string): Promise<Uint8Array> {
  return t.server.services.collab.rooms.use(DOC, (room) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateVector(copy);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(text)]);
    copy.getXmlFragment(TEXT_FIELD).push([p]);
    return Y.encodeStateAsUpdate(copy, before);
  });
}
const serverText = () => t.server.services.collab.rooms.use(DOC, (room) => textOf(room.doc));

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

describe('read-only sockets', () => {
  it('never apply updates, however they are packed, while an editor\'s packed frame goes through', async () => {
    await t.setPhase(DOC, 'revision');
    const participant = rawPeer(t.wsUrl, DOC, (await t.person({ role: 'participant' })).cookie);
    const editor = rawPeer(t.wsUrl, DOC, (await t.person({ role: 'working-group' })).cookie);
    await Promise.all([participant.opened, editor.opened]);
    const watcher = open((await t.person({ role: 'reviewer' })).cookie);
    await watcher.synced;

    participant.send(packedUpdates([await paragraphUpdate('Packed one.'), await paragraphUpdate('Packed two.')]));
    participant.send(syncStep2(await paragraphUpdate('Smuggled in a step 2.')));
    editor.send(packedUpdates([await paragraphUpdate('Editor packed A.'), await paragraphUpdate('Editor packed B.')]));
    await waitForDoc(watcher.doc, () => textOf(watcher.doc).includes('Editor packed B.'));
    const text = await serverText();
    expect(text).toContain('Editor packed A.');
    for (const sneaky of ['Packed one.', 'Packed two.', 'Smuggled in a step 2.']) {
      expect(text).not.toContain(sneaky);
      expect(textOf(watcher.doc)).not.toContain(sneaky);
    }
    participant.ws.close();
    editor.ws.close();
  });

  it('make every socket read-only once the document is adopted', async () => {
    await t.setPhase(DOC, 'adopted');
    const secretariat = rawPeer(t.wsUrl, DOC, t.adminCookie);
    await secretariat.opened;
    secretariat.send(packedUpdates([await paragraphUpdate('After adoption.')]));
    const probe = rawPeer(t.wsUrl, DOC, t.adminCookie);
    await probe.opened;
    expect(await serverText()).not.toContain('After adoption.');
    secretariat.ws.close();
    probe.ws.close();
  });
});

describe('sockets follow changes of rights', () => {
  it('closes an editor\'s socket with 4100 when the phase closes the text, and it reconnects read-only', async () => {
    await t.setPhase(DOC, 'revision');
    const editor = open((await t.person({ role: 'working-group' })).cookie);
    await editor.synced;
    const closed = closeCode(editor);
    await t.setPhase(DOC, 'final-review');
    expect(await closed).toBe(CLOSE_CODES.rightsChanged);
    await waitFor(() => editor.provider.wsconnected && editor.provider.synced, 5000, 'reconnection');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Typed in final review.')]);
    editor.doc.getXmlFragment(TEXT_FIELD).push([p]);
    const probe = open(t.adminCookie);
    await probe.synced;
    expect(textOf(probe.doc)).not.toContain('Typed in final review.');
  });

  it('closes the sockets of a person whose role changes away from editing', async () => {
    await t.setPhase(DOC, 'drafting');
    const { person, cookie } = await t.person({ role: 'working-group' });
    const editor = open(cookie);
    await editor.synced;
    const closed = closeCode(editor);
    const res = await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { role: 'participant' } });
    expect(res.status).toBe(200);
    expect(await closed).toBe(CLOSE_CODES.rightsChanged);
  });

  it('closes the sockets of a deactivated person with 4401 and refuses them afterwards', async () => {
    const { person, cookie } = await t.person({ role: 'participant' });
    const reader = open(cookie);
    await reader.synced;
    const closed = closeCode(reader);
    expect((await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { active: false } })).status).toBe(200);
    expect(await closed).toBe(CLOSE_CODES.unauthenticated);
    expect((await t.api('GET', '/api/session', { cookie })).status).toBe(401);
    const again = rawPeer(t.wsUrl, DOC, cookie);
    await expect(again.opened).rejects.toThrow(/401/);
  });

  it('closes the sockets of a person who signs out', async () => {
    const { cookie } = await t.person({ role: 'reviewer' });
    const reader = open(cookie);
    await reader.synced;
    const closed = closeCode(reader);
    expect((await t.api('DELETE', '/api/session', { cookie })).status).toBe(204);
    expect(await closed).toBe(CLOSE_CODES.unauthenticated);
  });
});

describe('session expiry', () => {
  it('closes the sockets of a session that expired while connected', async () => {
    const short = await startTestServer({ config: { sessionIdleMs: 400, heartbeatMs: 100 } });
    try {
      const { cookie } = await short.person({ role: 'participant' });
      const c = connect(short.wsUrl, DOC, cookie);
      clients.push(c);
      await c.synced;
      expect(await closeCode(c)).toBe(CLOSE_CODES.unauthenticated);
    } finally {
      await short.close();
    }
  });
});

describe('presence', () => {
  it('drops awareness that claims another connection\'s client id', async () => {
    const victim = await t.person({ role: 'participant', name: 'Victim Person' });
    const v = open(victim.cookie);
    await v.synced;
    // A first local state has clock 0, which y-protocols never applies; editors set fields at once.
    v.provider.awareness.setLocalStateField('cursor', null);
    await waitFor(() => v.provider.awareness.getStates().size > 0 && v.provider.awareness.getStates().has(v.doc.clientID), 5000, 'own presence');
    const attacker = open((await t.person({ role: 'participant', name: 'Attacker' })).cookie);
    await attacker.synced;
    await waitFor(() => attacker.provider.awareness.getStates().has(v.doc.clientID), 5000, 'victim presence seen');

    // Forge an awareness entry for the victim's client id with a higher clock.
    const forged = new Y.Doc();
    forged.clientID = v.doc.clientID;
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const fake = new Awareness(forged);
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { name: 'Forged' }, cursor: null });
    const raw = rawPeer(t.wsUrl, DOC, (await t.person({ role: 'participant' })).cookie);
    await raw.opened;
    const { createEncoder, writeVarUint, writeVarUint8Array, toUint8Array } = await import('lib0/encoding');
    const e = createEncoder();
    writeVarUint(e, 1);
    writeVarUint8Array(e, encodeAwarenessUpdate(fake, [v.doc.clientID]));
    raw.send(toUint8Array(e));
    // A query on the same socket is answered only after the forged message was handled.
    const answered = new Promise((resolve) => raw.ws.once('message', resolve));
    const q = createEncoder();
    writeVarUint(q, 3);
    raw.send(toUint8Array(q));
    await answered;
    const onServer = await t.server.services.collab.rooms.use(DOC, (room) => room.awareness.getStates().get(v.doc.clientID));
    expect(onServer?.user?.name).toBe('Victim Person');
    raw.ws.close();
    fake.destroy();
  });
});
