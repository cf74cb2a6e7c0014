/**
 * A hand-made y-websocket peer, for what the stock client never sends: packed frames, forged
 * presence, garbage. Uses the real ws client against the real server.
 */
import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';

export interface RawPeer {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  send(bytes: Uint8Array): void;
}

export function rawPeer(wsUrl: string, documentId: string, cookie: string): RawPeer {
  const ws = new WebSocket(`${wsUrl}/collab/${documentId}`, { headers: { cookie } });
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, opened, closed, send: (bytes) => ws.send(bytes) };
}

/** One frame holding several y-websocket sync update messages back to back. */
export function packedUpdates(updates: Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const update of updates) {
    encoding.writeVarUint(encoder, 0); // sync
    encoding.writeVarUint(encoder, 2); // update
    encoding.writeVarUint8Array(encoder, update);
  }
  return encoding.toUint8Array(encoder);
}

export function syncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
