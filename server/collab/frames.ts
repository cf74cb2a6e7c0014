/**
 * A message going to many sockets, framed once as a WebSocket frame and written to each socket as it
 * is. Through `ws`, each send frames the message again and writes header and payload as two buffers,
 * which Node turns into a writev per socket; relaying one keystroke to 40 people cost 40 headers and 40
 * writevs (the largest single cost in the profile of benchmark (a), docs/benchmarks.md). Here the
 * frame is one buffer, shared by every receiver, and each socket gets one plain write.
 *
 * Writing beside ws's sender is safe only while that sender never holds messages back: it does so
 * only to compress (per-message deflate, off on our server: collabServer.ts) or to read a Blob (we
 * send none). Everything else ws writes (pings, the close frame) goes straight to the same socket in
 * call order, as ours does.
 */
import type { WebSocket } from 'ws';

/** The part of a net.Socket this module and corking.ts use. */
export interface RawSocket {
  write(chunk: Uint8Array): boolean;
  cork(): void;
  uncork(): void;
}

/** A binary message and the server-to-client frame that carries it. */
export interface Framed {
  readonly message: Uint8Array;
  readonly frame: Buffer;
}

/** RFC 6455 §5.2: FIN and opcode 2 (binary), then the payload length; a server's frames are not masked. */
export function framed(message: Uint8Array): Framed {
  const length = message.byteLength;
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(message, headerBytes);
  return { message, frame };
}

/** The socket under a ws connection (ws exposes it only as `_socket`); undefined before it has one. */
export function rawSocketOf(ws: WebSocket): RawSocket | undefined {
  // oxlint-disable-next-line no-underscore-dangle
  return (ws as unknown as { _socket?: RawSocket })._socket;
}
