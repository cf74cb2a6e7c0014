/**
 * A lowdb file's changes are committed in groups: those asked for while a write is in progress go
 * to disk together in the next write, in call order; each caller hears back only once a write holding
 * its change is on disk; a failed write refuses exactly the changes it held.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonStore } from '../../server/storage/jsonStore.ts';
import { writeFileDurablyOffThread } from '../../server/storage/durableWriter.ts';
import { StorageWriteError } from '../../server/storage/errors.ts';

interface Shape {
  format: 1;
  items: string[];
}

const dirs: string[] = [];
afterEach(() => {
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A store in a fresh folder, and a gate in front of its writes (the real durable writer behind it). */
async function setUp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-jsonstore-'));
  dirs.push(dir);
  const file = path.join(dir, 'store.json');
  const writes: Array<{ release: () => void; fail: (error: Error) => void }> = [];
  let held = false;
  const gated = async (target: string, data: string) => {
    await new Promise<void>((resolve, reject) => {
      writes.push({ release: resolve, fail: reject });
      if (!held) resolve();
    });
    await writeFileDurablyOffThread(target, data);
  };
  const store = await JsonStore.open<Shape>(file, () => ({ format: 1, items: [] }), (d) => Array.isArray(d.items), gated);
  const onDisk = () => (JSON.parse(readFileSync(file, 'utf8')) as Shape).items;
  return { store, writes, onDisk, hold: (on: boolean) => (held = on) };
}

const waitUntil = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

const add = (store: JsonStore<Shape>, item: string) =>
  store.change((d) => {
    d.items.push(item);
    return d.items.length;
  });

describe('a JSON store', () => {
  it('writes the changes asked for during a write together in the next one, in call order', async () => {
    const { store, writes, onDisk, hold } = await setUp();
    hold(true);
    const first = add(store, 'a');
    await waitUntil(() => writes.length === 1);
    const later = ['b', 'c', 'd', 'e', 'f'].map((item) => add(store, item));
    writes[0]!.release();
    await waitUntil(() => writes.length === 2);
    writes[1]!.release();
    expect(await first).toBe(1);
    expect(await Promise.all(later)).toEqual([2, 3, 4, 5, 6]);
    expect(writes).toHaveLength(2);
    expect(onDisk()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('answers a change only once a write holding it is on disk', async () => {
    const { store, writes, onDisk, hold } = await setUp();
    hold(true);
    let answered = false;
    const first = add(store, 'a');
    await waitUntil(() => writes.length === 1);
    const second = add(store, 'b').then(() => (answered = true));
    writes[0]!.release();
    await first;
    // The second change's write has begun but is held: its caller must not have heard yet.
    await waitUntil(() => writes.length === 2);
    expect(answered).toBe(false);
    expect(onDisk()).toEqual(['a']);
    writes[1]!.release();
    await second;
    expect(onDisk()).toEqual(['a', 'b']);
  });

  it('refuses every change a failed write held, keeps memory as the disk has it, and writes the next ones', async () => {
    const { store, writes, onDisk, hold } = await setUp();
    await add(store, 'kept');
    hold(true);
    const first = add(store, 'a');
    await waitUntil(() => writes.length === 2);
    const group = [add(store, 'b'), add(store, 'c')];
    writes[1]!.release();
    await first;
    await waitUntil(() => writes.length === 3);
    writes[2]!.fail(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    for (const refused of await Promise.allSettled(group)) {
      expect(refused.status).toBe('rejected');
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(StorageWriteError);
    }
    expect(store.data.items).toEqual(['kept', 'a']);
    hold(false);
    expect(await add(store, 'd')).toBe(3);
    expect(onDisk()).toEqual(['kept', 'a', 'd']);
  });

  it('refuses a change that throws alone and writes the others of its group', async () => {
    const { store, writes, onDisk, hold } = await setUp();
    hold(true);
    const first = add(store, 'a');
    await waitUntil(() => writes.length === 1);
    const before = add(store, 'b');
    const refused = store.change(() => {
      throw new Error('not allowed');
    });
    const after = add(store, 'c');
    hold(false);
    writes[0]!.release();
    await expect(refused).rejects.toThrow('not allowed');
    expect(await Promise.all([first, before, after])).toEqual([1, 2, 3]);
    expect(onDisk()).toEqual(['a', 'b', 'c']);
    expect(writes).toHaveLength(2);
  });
});
