/**
 * A relayed message framed once (server/collab/frames.ts) and written straight to the socket must read,
 * for the real ws client, exactly as ws's own send would: every payload length class of RFC 6455
 * (7-bit, 16-bit, 64-bit), in order with what ws itself sends on the same socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { framed, rawSocketOf } from '../../server/collab/frames.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).toReversed()) await f();
});

async function connectedPair(): Promise<{ server: WebSocket; client: WebSocket }> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  cleanup.push(() => wss.close());
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  cleanup.push(() => client.terminate());
  await new Promise((resolve) => client.once('open', resolve));
  return { server: await accepted, client };
}

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) % 251;
  return out;
}

describe('a message framed once', () => {
  it('reads as the same binary message for every payload length, in order with ws’s own sends', async () => {
    const { server, client } = await connectedPair();
    const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
    const received: Array<{ data: Buffer; isBinary: boolean }> = [];
    const all = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer, isBinary) => {
        received.push({ data, isBinary });
        if (received.length === lengths.length + 1) resolve();
      }),
    );
    const socket = rawSocketOf(server);
    expect(socket).toBeDefined();
    lengths.forEach((length, i) => {
      socket!.write(framed(bytes(length, i)).frame);
      // ws's own send in between goes to the same socket, in call order.
      if (i === 3) server.send(bytes(10, 99));
    });
    await all;
    const expected = lengths.map((length, i) => bytes(length, i));
    expected.splice(4, 0, bytes(10, 99));
    expect(received.map((m) => m.isBinary)).toEqual(expected.map(() => true));
    expect(received.map((m) => m.data.byteLength)).toEqual(expected.map((e) => e.byteLength));
    // Compared as buffers: an element-wise comparison of 200 kB is slow on a busy machine.
    expect(received.map((m, i) => m.data.equals(expected[i]!))).toEqual(expected.map(() => true));
  });

  it('shares one frame between sockets and leaves the message as it was', async () => {
    const [a, b] = [await connectedPair(), await connectedPair()];
    const message = bytes(40, 7);
    const once = framed(message);
    const got = [a, b].map(({ client }) => new Promise<Buffer>((resolve) => client.once('message', resolve)));
    for (const { server } of [a, b]) rawSocketOf(server)!.write(once.frame);
    expect((await Promise.all(got)).map((data) => new Uint8Array(data))).toEqual([message, message]);
    expect(once.message).toBe(message);
    expect([...once.frame.subarray(0, 2)]).toEqual([0x82, 40]);
  });
});
