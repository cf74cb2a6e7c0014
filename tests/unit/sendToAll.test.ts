/**
 * A room's fan-out (collab/sendToAll.ts): a seminar-sized room is written at once; a crowd is written
 * in slices with the event loop free between them, every socket still getting its messages in order.
 */
import { describe, expect, it } from 'vitest';
import { framed } from '../../server/collab/frames.ts';
import { SLICE, sendToAll, sendsPending } from '../../server/collab/sendToAll.ts';

class Socket {
  readonly got: number[] = [];
  sendFramed(message: { message: Uint8Array }): void {
    this.got.push(message.message[0]!);
  }
}

const message = (n: number) => framed(new Uint8Array([n]));
const room = (size: number) => new Set(Array.from({ length: size }, () => new Socket()));
const settled = async () => {
  while (sendsPending()) await new Promise((resolve) => setImmediate(resolve));
};

describe('sendToAll', () => {
  it('writes a small room at once, to everyone but the sender', () => {
    const sockets = room(40);
    const [sender] = sockets;
    sendToAll(sockets, message(7), sender);
    for (const socket of sockets) expect(socket.got).toEqual(socket === sender ? [] : [7]);
  });

  it('leaves the event loop free between slices of a crowd, and everyone gets every message in order', async () => {
    const sockets = room(SLICE * 4 + 10);
    const last = [...sockets].at(-1)!;
    let lastHadBothWhenTaskRan: boolean | null = null;
    sendToAll(sockets, message(1));
    sendToAll(sockets, message(2));
    // A request that arrived meanwhile: it runs before the crowd has all its writes.
    setImmediate(() => (lastHadBothWhenTaskRan = last.got.length === 2));
    expect([...sockets].slice(0, SLICE).every((s) => s.got.length === 1)).toBe(true);
    await settled();
    expect(lastHadBothWhenTaskRan).toBe(false);
    for (const socket of sockets) expect(socket.got).toEqual([1, 2]);
  });

  it('does not hold a small room behind a crowd', async () => {
    const crowd = room(SLICE * 3);
    const small = room(5);
    sendToAll(crowd, message(1));
    sendToAll(small, message(9));
    for (const socket of small) expect(socket.got).toEqual([9]);
    await settled();
  });
});
