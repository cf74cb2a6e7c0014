/**
 * A client sends only its own presence. The stock y-websocket provider sent back every presence it
 * received, so each cursor move of one person came back to the server from every other person in the
 * document. Real server, real providers; what each provider writes to its socket is read from the
 * socket itself (a WebSocket that records its frames), then decoded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/collabClient.ts';
import { sendOwnPresenceOnly } from '../../client/editor/ownPresenceOnly.ts';

const DOC = SEED_IDS[0];
let t: TestServer;
const providers: WebsocketProvider[] = [];

beforeEach(async () => {
  t = await startTestServer();
});

afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await t.close();
});

/** The client ids of every presence frame a socket sent (y-websocket message 1: a count, then per entry id, clock, state). */
function presenceSent(frames: Uint8Array[]): number[][] {
  const out: number[][] = [];
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 1) continue;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const ids: number[] = [];
    for (let n = decoding.readVarUint(update); n > 0; n--) {
      ids.push(decoding.readVarUint(update));
      decoding.readVarUint(update);
      decoding.readVarString(update);
    }
    out.push(ids);
  }
  return out;
}

async function open(cookie: string): Promise<{ provider: WebsocketProvider; sent: Uint8Array[] }> {
  const sent: Uint8Array[] = [];
  const Recording = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
    override send(data: Uint8Array, ...rest: unknown[]): void {
      sent.push(new Uint8Array(data));
      (super.send as (data: Uint8Array, ...rest: unknown[]) => void)(data, ...rest);
    }
  };
  const provider = new WebsocketProvider(`${t.wsUrl}/collab`, DOC, new Y.Doc(), {
    WebSocketPolyfill: Recording as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  sendOwnPresenceOnly(provider);
  providers.push(provider);
  await waitFor(() => provider.synced, 10_000, 'the provider to sync');
  return { provider, sent };
}

const sees = (watcher: WebsocketProvider, other: WebsocketProvider, field: string) => () => (watcher.awareness.getStates().get(other.awareness.clientID) as Record<string, unknown> | undefined)?.[field] !== undefined;

describe('presence a client sends', () => {
  it("sends its own presence, never another's back", async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(async () => open((await t.person({ role: 'participant' })).cookie)));
    const [alice, bob, carol] = [a!, b!, c!];

    alice.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(sees(bob.provider, alice.provider, 'cursor'), 10_000, "Bob to see Alice's cursor");
    await waitFor(sees(carol.provider, alice.provider, 'cursor'), 10_000, "Carol to see Alice's cursor");
    // Bob's own change goes out after anything his socket would have sent back for Alice's: once
    // Carol has it, every frame Bob wrote before it has been written.
    bob.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
    await waitFor(sees(carol.provider, bob.provider, 'cursor'), 10_000, "Carol to see Bob's cursor");

    for (const { provider, sent } of [alice, bob, carol]) {
      const frames = presenceSent(sent);
      expect(frames.length).toBeGreaterThan(0);
      for (const ids of frames) expect(ids).toEqual([provider.awareness.clientID]);
    }
  });

  it('still says when it leaves, and the others see it go', async () => {
    const [a, b] = await Promise.all([1, 2].map(async () => open((await t.person({ role: 'participant' })).cookie)));
    const [alice, bob] = [a!, b!];
    alice.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(sees(bob.provider, alice.provider, 'cursor'), 10_000, "Bob to see Alice's cursor");
    alice.provider.awareness.setLocalState(null);
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.provider.awareness.clientID), 10_000, 'Bob to see Alice leave');
    expect(presenceSent(alice.sent).at(-1)).toEqual([alice.provider.awareness.clientID]);
  });
});
