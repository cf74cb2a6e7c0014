import { describe, expect, it } from 'vitest';
import { WriteBatcher } from '../../server/collab/corking.ts';

function fakeSocket() {
  const calls: string[] = [];
  return { calls, cork: () => calls.push('cork'), uncork: () => calls.push('uncork') };
}
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('write batching', () => {
  it('lets a lone write go straight out', async () => {
    const socket = fakeSocket();
    new WriteBatcher(socket).beforeWrite();
    await nextTurn();
    expect(socket.calls).toEqual([]);
  });

  it('holds the second and later writes of a turn and releases them together when it ends', async () => {
    const socket = fakeSocket();
    const batcher = new WriteBatcher(socket);
    for (let i = 0; i < 5; i++) batcher.beforeWrite();
    expect(socket.calls).toEqual(['cork']);
    await nextTurn();
    expect(socket.calls).toEqual(['cork', 'uncork']);

    batcher.beforeWrite(); // a new turn starts fresh
    await nextTurn();
    expect(socket.calls).toEqual(['cork', 'uncork']);
  });

  it('keeps sockets apart', async () => {
    const a = fakeSocket();
    const b = fakeSocket();
    const batchA = new WriteBatcher(a);
    const batchB = new WriteBatcher(b);
    batchA.beforeWrite();
    batchB.beforeWrite();
    batchB.beforeWrite();
    await nextTurn();
    expect(a.calls).toEqual([]);
    expect(b.calls).toEqual(['cork', 'uncork']);
  });
});
