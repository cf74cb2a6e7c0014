/**
 * A room's fan-out (collab/sendToAll.ts): a seminar-sized room is written at once; a crowd is written
 * in slices with the event loop free between them, each socket's queued messages in one write, every
 * socket getting every message in order. (Connection's own queue is in crowdFanOut.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { framed, type Framed } from '../../server/collab/frames.ts';
import { SLICE, sendToAll, sendsPending, type Receiver } from '../../server/collab/sendToAll.ts';

/** Keeps what it is sent as Connection does: straight out, or behind what is queued. */
class Socket implements Receiver {
  readonly writes: number[][] = [];
  private queue: number[] | null = null;
  sendFramed(message: Framed): void {
    if (this.queue) this.queueFramed(message);
    else this.writes.push([message.message[0]!]);
  }
  queueFramed(message: Framed): boolean {
    if (this.queue) return void this.queue.push(message.message[0]!), false;
    this.queue = [message.message[0]!];
    return true;
  }
  writeQueued(): void {
    if (this.queue) this.writes.push(this.queue);
    this.queue = null;
  }
  get got(): number[] {
    return this.writes.flat();
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
    const list = [...sockets];
    let lastHadBothWhenTaskRan: boolean | null = null;
    sendToAll(sockets, message(1));
    sendToAll(sockets, message(2));
    // A request that arrived meanwhile: it runs before the crowd has all its writes.
    setImmediate(() => (lastHadBothWhenTaskRan = list.at(-1)!.got.length === 2));
    expect(list.slice(0, SLICE).every((s) => s.got.length === 1)).toBe(true);
    await settled();
    expect(lastHadBothWhenTaskRan).toBe(false);
    for (const socket of sockets) expect(socket.got).toEqual([1, 2]);
    // The first slice had the first message at once; everyone else got both in one write.
    expect(list.at(-1)!.writes).toEqual([[1, 2]]);
  });

  it('writes a message sent straight to a socket behind what is queued for it', async () => {
    const sockets = room(SLICE + 10);
    const last = [...sockets].at(-1)!;
    sendToAll(sockets, message(1));
    last.sendFramed(message(3));
    await settled();
    expect(last.got).toEqual([1, 3]);
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
