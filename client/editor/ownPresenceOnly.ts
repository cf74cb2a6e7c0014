/**
 * The stock y-websocket provider sends every presence change its awareness applies, its own or
 * another's, so each presence a client received went straight back to the server: with 40 people,
 * one cursor move came back 39 times, to be read and dropped (server/collab/roomPresence.ts). This
 * provider sends only its own client's presence: its changes, its 15 s renewals, its leaving, and
 * its answer when the server says it is gone. Receiving is unchanged.
 */
/* oxlint-disable eslint/no-underscore-dangle -- `_awarenessUpdateHandler` is y-websocket's own field: its destroy() takes off whatever handler is there */
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type for presence. */
const MESSAGE_AWARENESS = 1;

interface Changes {
  added: number[];
  updated: number[];
  removed: number[];
}

export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  awareness.off('update', provider._awarenessUpdateHandler);
  // Set on the provider, where its destroy() takes it off again.
  provider._awarenessUpdateHandler = ({ added, updated, removed }: Changes) => {
    const own = awareness.clientID;
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(encoder));
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}
