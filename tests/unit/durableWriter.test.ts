/**
 * The off-thread durable write (storage/durableWriter.ts): the same result as writeFileDurably, with
 * no file-system round trip left on the main thread, where each one waited its turn behind whatever
 * else the event loop had (a crowd's fan-out made a comment's POST wait for eight of them).
 */
import { createHook } from 'node:async_hooks';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurablyOffThread } from '../../server/storage/durableWriter.ts';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'accord-writer-'));

/** How many file-system operations the main thread starts while `work` runs. */
async function fileOperationsOnMainThread(work: () => Promise<void>): Promise<number> {
  let count = 0;
  const hook = createHook({
    init(_id, type) {
      if (type.startsWith('FSREQ') || type === 'FILEHANDLE' || type === 'FILEHANDLECLOSEREQ') count++;
    },
  });
  hook.enable();
  try {
    await work();
  } finally {
    hook.disable();
  }
  return count;
}

describe('writeFileDurablyOffThread', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = folder();
    const file = path.join(dir, 'threads.json');
    await writeFileDurablyOffThread(file, '{"a":1}');
    await writeFileDurablyOffThread(file, '{"a":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}');
    expect(readdirSync(dir)).toEqual(['threads.json']);
  });

  it('keeps every write of a burst in order, each answered once on disk', async () => {
    const dir = folder();
    const file = path.join(dir, 'records.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileDurablyOffThread(file, JSON.stringify({ i }))));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ i: 19 });
  });

  it('starts no file-system operation on the main thread', async () => {
    const dir = folder();
    const operations = await fileOperationsOnMainThread(() => writeFileDurablyOffThread(path.join(dir, 'x.json'), 'x'.repeat(100_000)));
    expect(operations).toBe(0);
  });

  it('refuses a write it could not make, and says why', async () => {
    const missing = path.join(folder(), 'no-such-folder', 'x.json');
    await expect(writeFileDurablyOffThread(missing, '{}')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
