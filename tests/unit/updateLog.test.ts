import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRecords, encodeRecord, openUpdateLog } from '../../server/storage/updateLog.ts';
import { createLogger } from '../../server/log.ts';
import { tempDataDir } from '../helpers/testServer.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const bytes = (...values: number[]) => new Uint8Array(values);
const quiet = createLogger('silent');

describe('update log records', () => {
  it('round-trips records', () => {
    const records = Buffer.concat([encodeRecord(bytes(1, 2, 3)), encodeRecord(bytes()), encodeRecord(bytes(9))]);
    const { updates, goodBytes } = decodeRecords(records);
    expect(updates.map((u) => [...u])).toEqual([[1, 2, 3], [], [9]]);
    expect(goodBytes).toBe(records.byteLength);
  });

  it('stops at a torn or corrupted record and keeps everything before it', () => {
    const good = Buffer.concat([encodeRecord(bytes(1)), encodeRecord(bytes(2, 2))]);
    const torn = encodeRecord(bytes(3, 3, 3)).subarray(0, 10);
    expect(decodeRecords(Buffer.concat([good, torn])).goodBytes).toBe(good.byteLength);
    const flipped = Buffer.from(encodeRecord(bytes(4, 4)));
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 0xff, flipped.length - 1);
    const result = decodeRecords(Buffer.concat([good, flipped]));
    expect(result.updates).toHaveLength(2);
  });
});

describe('openUpdateLog', () => {
  it('appends, flushes and loads updates in order', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    log.append('doc-a', bytes(1));
    log.append('doc-a', bytes(2));
    log.append('doc-b', bytes(3));
    await log.flush();
    expect((await log.load('doc-a')).map((u) => [...u])).toEqual([[1], [2]]);
    expect((await log.load('doc-b')).map((u) => [...u])).toEqual([[3]]);
    await log.close();
  });

  it('replace() leaves exactly one record, also when appends were still queued', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    log.append('doc', bytes(1));
    await log.replace('doc', bytes(7, 7));
    log.append('doc', bytes(8));
    await log.flush();
    expect((await log.load('doc')).map((u) => [...u])).toEqual([[7, 7], [8]]);
    expect(log.pendingBytes('doc')).toBeGreaterThan(0);
    await log.close();
  });

  it('cuts off a torn last record on load and keeps the rest', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    log.append('doc', bytes(1));
    await log.flush();
    const file = path.join(dir, 'documents', 'doc.ylog');
    const goodSize = statSync(file).size;
    appendFileSync(file, encodeRecord(bytes(5, 5, 5, 5)).subarray(0, 9));
    expect((await log.load('doc')).map((u) => [...u])).toEqual([[1]]);
    expect(statSync(file).size).toBe(goodSize);
    await log.close();
  });

  it('never syncs a file handle that a compaction closed', async () => {
    const failures: unknown[] = [];
    const log = openUpdateLog(freshDir(), { error: (_m, e) => failures.push(e), info: () => {}, debug: () => {} }, { syncIntervalMs: 1 });
    for (let i = 0; i < 200; i++) {
      log.append('doc', bytes(i % 256));
      await new Promise((r) => setTimeout(r, 1));
      await log.replace('doc', bytes(1, 2, 3));
    }
    await log.close();
    expect(failures).toEqual([]);
  });

  it('refuses ids that could reach outside its folder', async () => {
    const log = openUpdateLog(freshDir(), quiet);
    await expect(log.load('../etc/passwd')).rejects.toThrow(/unsafe document id/);
    expect(() => log.append('a/b', bytes(1))).toThrow(/unsafe document id/);
    await log.close();
  });

  it('returns nothing for a document never written', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    expect(await log.load('unknown')).toEqual([]);
    writeFileSync(path.join(dir, 'x'), '');
    expect(readFileSync(path.join(dir, 'x')).byteLength).toBe(0);
    await log.close();
  });
});
