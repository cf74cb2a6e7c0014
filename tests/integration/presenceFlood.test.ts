/**
 * Presence (awareness) abuse from one participant socket: made-up client ids, oversized states and
 * floods of queries or changes. The abuser is closed with 4429; everyone else keeps editing, and the
 * server keeps answering. Honest presence (one tab, several tabs, a reconnecting tab) keeps working.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { rawPeer, type RawPeer } from '../helpers/rawSocket.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { MAX_PRESENCE_STATE_BYTES } from '../../shared/limits.ts';

const DOC = SEED_IDS[0];
const PRESENCE_FLOOD = 4429;
let t: TestServer;
const clients: CollabClient[] = [];
const peers: RawPeer[] = [];

const open = (cookie: string) => {
  const client = connect(t.wsUrl, DOC, cookie);
  clients.push(client);
  return client;
};
const openRaw = async (cookie: string) => {
  const peer = rawPeer(t.wsUrl, DOC, cookie);
  peers.push(peer);
  await peer.opened;
  return peer;
};

/** One awareness message: `[1, varUint8Array(update)]`, the update holding each [clientId, clock, state JSON]. */
function presenceFrame(entries: Array<[number, number, string]>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, json);
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

const QUERY_PRESENCE = new Uint8Array([3]);

function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  fragment.insert(fragment.length, [paragraph]);
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
}

/** The client ids whose presence `client` holds, its own included, sorted. */
const idsSeenBy = (client: CollabClient) => [...client.provider.awareness.getStates().keys()].toSorted((a, b) => a - b);

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  peers.splice(0).forEach((p) => p.ws.terminate());
  await t.close();
});

describe('presence abuse', () => {
  it('closes a socket that claims 20,000 made-up client ids, and applies none of them', async () => {
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    const honest = open((await t.person({ role: 'participant' })).cookie);
    await Promise.all([watcher.synced, honest.synced]);
    const attacker = await openRaw((await t.person({ role: 'participant' })).cookie);

    const entries: Array<[number, number, string]> = [];
    for (let i = 0; i < 20_000; i++) entries.push([1_000_000 + i, 1, '{"cursor":null}']);
    attacker.send(presenceFrame(entries));
    expect((await within(attacker.closed, 5000, 'close')).code).toBe(PRESENCE_FLOOD);

    // A later honest change reaches the watcher after anything the attacker's message could have caused.
    honest.provider.awareness.setLocalStateField('cursor', { probe: true });
    await waitFor(() => watcher.provider.awareness.getStates().get(honest.doc.clientID)?.cursor?.probe === true, 5000, 'the honest presence');
    expect(idsSeenBy(watcher)).toEqual([watcher.doc.clientID, honest.doc.clientID].toSorted((a, b) => a - b));
    // The watcher never changed its empty first state (clock 0), which y-protocols does not record.
    const room = await t.server.services.collab.rooms.loaded(DOC)!;
    expect([...room.awareness.getStates().keys()]).toEqual([honest.doc.clientID]);
  });

  it('closes a socket that sends a presence state larger than the limit, and accepts one at the limit', async () => {
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    await watcher.synced;
    const fair = await openRaw((await t.person({ role: 'participant' })).cookie);
    // {"pad":"…"} is 10 bytes around the padding.
    fair.send(presenceFrame([[4242, 1, JSON.stringify({ pad: 'x'.repeat(MAX_PRESENCE_STATE_BYTES - 10) })]]));
    await waitFor(() => watcher.provider.awareness.getStates().has(4242), 5000, 'the state at the limit');

    const attacker = await openRaw((await t.person({ role: 'participant' })).cookie);
    attacker.send(presenceFrame([[4343, 1, JSON.stringify({ pad: 'x'.repeat(MAX_PRESENCE_STATE_BYTES - 9) })]]));
    expect((await within(attacker.closed, 5000, 'close')).code).toBe(PRESENCE_FLOOD);
    expect(fair.ws.readyState).toBe(WebSocket.OPEN);
    const room = await t.server.services.collab.rooms.loaded(DOC)!;
    expect(room.awareness.getStates().has(4343)).toBe(false);
  });

  it('closes a socket that sends 5,000 presence queries, while an edit still arrives and /api/health answers', async () => {
    await t.setPhase(DOC, 'revision');
    const editor = open((await t.person({ role: 'working-group' })).cookie);
    const reader = open((await t.person({ role: 'participant' })).cookie);
    await Promise.all([editor.synced, reader.synced]);
    const abuser = await t.person({ role: 'participant' });

    // First try to make the room's presence large, then ask for it over and over.
    const filler = await openRaw(abuser.cookie);
    const entries: Array<[number, number, string]> = [];
    for (let i = 0; i < 20_000; i++) entries.push([2_000_000 + i, 1, JSON.stringify({ cursor: { anchor: i, head: i } })]);
    filler.send(presenceFrame(entries));
    const querier = await openRaw(abuser.cookie);
    for (let i = 0; i < 5000; i++) querier.send(QUERY_PRESENCE);

    const started = Date.now();
    appendParagraph(editor.doc, 'Typed during the presence flood.');
    await waitForDoc(reader.doc, () => plainText(reader.doc.getXmlFragment(TEXT_FIELD)).includes('Typed during the presence flood.'), 3000);
    expect(Date.now() - started).toBeLessThan(3000);

    const asked = Date.now();
    const health = await fetch(`${t.url}/api/health`, { signal: AbortSignal.timeout(3000) });
    expect(health.status).toBe(200);
    expect(Date.now() - asked).toBeLessThan(1000);

    expect((await within(querier.closed, 5000, 'close')).code).toBe(PRESENCE_FLOOD);
    expect((await within(filler.closed, 5000, 'close')).code).toBe(PRESENCE_FLOOD);
  });

  it('closes a socket that changes its presence faster than the limit', async () => {
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    await watcher.synced;
    const attacker = await openRaw((await t.person({ role: 'participant' })).cookie);
    for (let clock = 1; clock <= 5000; clock++) attacker.send(presenceFrame([[7777, clock, JSON.stringify({ cursor: { anchor: clock } })]]));
    expect((await within(attacker.closed, 5000, 'close')).code).toBe(PRESENCE_FLOOD);
    expect(watcher.provider.wsconnected).toBe(true);
  });

  it('answers presence queries from one encoding, with every state', async () => {
    const a = open((await t.person({ role: 'participant', name: 'Amira Haddad' })).cookie);
    await a.synced;
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    const peer = await openRaw((await t.person({ role: 'participant' })).cookie);
    await waitFor(async () => (await t.server.services.collab.rooms.loaded(DOC)!).awareness.getStates().get(a.doc.clientID)?.cursor !== undefined, 5000, 'presence');
    const answers: Buffer[] = [];
    peer.ws.on('message', (data: Buffer) => {
      if (data[0] === 1) answers.push(data);
    });
    for (let i = 0; i < 3; i++) peer.send(QUERY_PRESENCE);
    await waitFor(() => answers.length >= 3, 5000, 'three answers');
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]!.toString('latin1')).toContain('Amira Haddad');
  });
});

describe('honest presence', () => {
  it('shows every tab of the same person, each under the server\'s name for them', async () => {
    const amira = await t.person({ role: 'working-group', name: 'Amira Haddad' });
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    const tabs = [open(amira.cookie), open(amira.cookie), open(amira.cookie)];
    await Promise.all([watcher.synced, ...tabs.map((tab) => tab.synced)]);
    tabs.forEach((tab, i) => tab.provider.awareness.setLocalStateField('cursor', { tab: i }));
    await waitFor(() => tabs.every((tab) => watcher.provider.awareness.getStates().get(tab.doc.clientID)?.cursor !== undefined), 5000, 'three tabs');
    for (const [i, tab] of tabs.entries()) {
      expect(watcher.provider.awareness.getStates().get(tab.doc.clientID)).toMatchObject({ cursor: { tab: i }, user: { id: amira.person.id, name: 'Amira Haddad' } });
    }
    expect(tabs.every((tab) => tab.provider.wsconnected)).toBe(true);
  });

  it('keeps a busy cursor connected: 150 moves in a burst', async () => {
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    const typist = open((await t.person({ role: 'working-group' })).cookie);
    await Promise.all([watcher.synced, typist.synced]);
    for (let i = 1; i <= 150; i++) typist.provider.awareness.setLocalStateField('cursor', { anchor: i });
    await waitFor(() => watcher.provider.awareness.getStates().get(typist.doc.clientID)?.cursor?.anchor === 150, 5000, 'the last move');
    expect(typist.provider.wsconnected).toBe(true);
  });

  it('shows a reconnecting tab again at once, under the same client id', async () => {
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    const tab = open((await t.person({ role: 'participant', name: 'Jonas Berg' })).cookie);
    await Promise.all([watcher.synced, tab.synced]);
    tab.provider.awareness.setLocalStateField('cursor', { anchor: 5 });
    const seen = () => watcher.provider.awareness.getStates().get(tab.doc.clientID);
    await waitFor(() => seen()?.cursor?.anchor === 5, 5000, 'the tab');

    // The connection drops (the tab does not say goodbye); the server removes its presence.
    tab.provider.disconnect();
    await waitFor(() => seen() === undefined, 5000, 'the tab to leave');
    tab.provider.connect();
    await tab.synced;
    await waitFor(() => seen()?.cursor?.anchor === 5, 5000, 'the tab to come back');
    expect(seen()?.user).toMatchObject({ name: 'Jonas Berg' });
  });

  it('lets another person neither take over nor remove a tab\'s client id', async () => {
    const watcher = open((await t.person({ role: 'participant' })).cookie);
    const tab = open((await t.person({ role: 'participant', name: 'Jonas Berg' })).cookie);
    await Promise.all([watcher.synced, tab.synced]);
    tab.provider.awareness.setLocalStateField('cursor', { anchor: 5 });
    await waitFor(() => watcher.provider.awareness.getStates().get(tab.doc.clientID)?.cursor?.anchor === 5, 5000, 'the tab');
    const intruder = await openRaw((await t.person({ role: 'participant' })).cookie);
    intruder.send(presenceFrame([[tab.doc.clientID, 1000, 'null']]));
    intruder.send(presenceFrame([[tab.doc.clientID, 1001, '{"cursor":{"anchor":99}}']]));
    tab.provider.awareness.setLocalStateField('cursor', { anchor: 6 });
    await waitFor(() => watcher.provider.awareness.getStates().get(tab.doc.clientID)?.cursor?.anchor === 6, 5000, 'the next move');
    expect(watcher.provider.awareness.getStates().get(tab.doc.clientID)?.user).toMatchObject({ name: 'Jonas Berg' });
  });
});

describe('the upgrade', () => {
  it('answers 400 to a path that is not valid percent-encoding, without logging an error', async () => {
    const { cookie } = await t.person({ role: 'participant' });
    const errors = vi.spyOn(console, 'error');
    const status = (path: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${t.wsUrl}${path}`, { headers: { cookie } });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => {});
      });
    try {
      expect(await status('/collab/%E0%A4%A')).toBe(400);
      expect(await status('/collab/%')).toBe(400);
      expect(await status('/collab/abc%ZZ')).toBe(400);
      expect(await status('/collab/%C0%AF')).toBe(400);
      expect(errors).not.toHaveBeenCalled();
      expect(await status(`/collab/${DOC}`)).toBe(101);
    } finally {
      errors.mockRestore();
    }
  });
});
