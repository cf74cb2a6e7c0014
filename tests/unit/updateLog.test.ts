import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { decodeRecords, encodeRecord } from '../../server/storage/logRecords.ts';
import { openUpdateLog } from '../../server/storage/updateLog.ts';
import { createLogger } from '../../server/log.ts';
import { DocumentDamagedError } from '../../server/storage/errors.ts';
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

  const good = Buffer.concat([encodeRecord(bytes(1)), encodeRecord(bytes(2, 2))]);
  const flip = (buffer: Buffer, at: number) => {
    const copy = Buffer.from(buffer);
    copy.writeUInt8(copy.readUInt8(at) ^ 0x10, at);
    return copy;
  };

  it('calls only a last record running past the end of the file torn, and keeps everything before it', () => {
    const cutRecord = decodeRecords(Buffer.concat([good, encodeRecord(bytes(3, 3, 3)).subarray(0, 10)]));
    expect(cutRecord).toMatchObject({ problem: 'torn', goodBytes: 19 });
    expect(cutRecord.updates.map((u) => [...u])).toEqual([[1], [2, 2]]);
    const cutHeader = decodeRecords(Buffer.concat([good, encodeRecord(bytes(3)).subarray(0, 5)]));
    expect(cutHeader).toMatchObject({ problem: 'torn', goodBytes: 19 });
    // What a machine crash leaves when the file grew but its data did not reach the disk.
    expect(decodeRecords(Buffer.concat([good, Buffer.alloc(40)]))).toMatchObject({ problem: 'torn', goodBytes: 19 });
  });

  it('calls a checksum that fails on a whole record damage, in the middle or at the end', () => {
    const third = encodeRecord(bytes(4, 4));
    // A byte of the first record's update (offset 8), of the second's (offset 17), of the last's.
    expect(decodeRecords(flip(Buffer.concat([good, third]), 8))).toMatchObject({ problem: 'damaged', goodBytes: 0 });
    expect(decodeRecords(flip(Buffer.concat([good, third]), 17))).toMatchObject({ problem: 'damaged', goodBytes: 9 });
    expect(decodeRecords(flip(Buffer.concat([good, third]), 28))).toMatchObject({ problem: 'damaged', goodBytes: 19 });
  });

  it('calls a damaged length that points past the end damage when whole records follow it', () => {
    const file = Buffer.concat([encodeRecord(bytes(1)), encodeRecord(bytes(2, 2)), encodeRecord(bytes(3, 3, 3))]);
    // The high byte of the second record's length (offset 9 + 3): it now claims 256 MiB.
    expect(decodeRecords(flip(file, 12))).toMatchObject({ problem: 'damaged', goodBytes: 9 });
    // Its second byte: it now claims 4,098 bytes, past the end, but the third record follows whole.
    expect(decodeRecords(flip(file, 10))).toMatchObject({ problem: 'damaged', goodBytes: 9, detail: expect.stringMatching(/valid records follow/) });
  });

  it('calls bytes after the records that are not a record damage', () => {
    const garbage = Buffer.from('this is not a record at all, it is far too long to be a header');
    expect(decodeRecords(Buffer.concat([good, garbage]))).toMatchObject({ problem: 'damaged', goodBytes: 19 });
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

  it('cuts off a torn last record on load, keeps the rest, and keeps the whole file beside it', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    log.append('doc', bytes(1));
    await log.flush();
    const file = path.join(dir, 'documents', 'doc.ylog');
    appendFileSync(file, encodeRecord(bytes(5, 5, 5, 5)).subarray(0, 9));
    const original = readFileSync(file);
    expect((await log.load('doc')).map((u) => [...u])).toEqual([[1]]);
    expect(statSync(file).size).toBe(9);
    const copies = readdirSync(path.join(dir, 'documents')).filter((name) => name.startsWith('doc.ylog.torn-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'documents', copies[0]!))).toEqual(original);
    await log.close();
  });

  it('refuses a log with a damaged record in the middle and leaves the file as it was', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    log.append('doc', bytes(1, 1, 1));
    log.append('doc', bytes(2, 2, 2));
    await log.flush();
    const file = path.join(dir, 'documents', 'doc.ylog');
    const damaged = readFileSync(file);
    damaged.writeUInt8(0x41, 9); // inside the first update
    writeFileSync(file, damaged);
    await expect(log.load('doc')).rejects.toBeInstanceOf(DocumentDamagedError);
    await expect(log.load('doc')).rejects.toThrow(/doc\.ylog\) is damaged: the record at byte 0 fails its checksum/);
    expect(readFileSync(file)).toEqual(damaged);
    expect(readdirSync(path.join(dir, 'documents'))).toEqual(['doc.ylog']);
    await log.close();
  });

  it('tells its listeners when a write fails, appends nothing after the gap, and resumes after a whole write', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    const failures: string[] = [];
    log.onWriteFailure((id) => failures.push(id));
    const folder = path.join(dir, 'documents');
    // The folder is swapped for a file: every write into it fails, as on a lost or full disk.
    writeFileSync(folder, 'not a folder');
    log.append('doc', bytes(1));
    await log.flush();
    expect(failures).toEqual(['doc']);
    expect(log.failed('doc')).toBe(true);
    log.append('doc', bytes(2));
    await log.flush();
    expect(failures).toEqual(['doc']);
    await expect(log.replace('doc', bytes(9, 9))).rejects.toThrow(/EEXIST|ENOTDIR/);
    rmSync(folder);
    mkdirSync(folder);
    log.append('doc', bytes(3));
    await log.flush();
    expect(await log.load('doc')).toEqual([]);
    await log.replace('doc', bytes(9, 9));
    expect(log.failed('doc')).toBe(false);
    log.append('doc', bytes(4));
    await log.flush();
    expect((await log.load('doc')).map((u) => [...u])).toEqual([[9, 9], [4]]);
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

describe('openUpdateLog, writes of a turn', () => {
  it('writes the appends of several documents made in one turn at its end, each to its own file, one write each', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    // Each file opened first: the turn's writes then go straight from this thread.
    for (const id of ['doc-a', 'doc-b', 'doc-c']) log.append(id, bytes(0));
    await log.flush();
    const records = (id: string) => decodeRecords(readFileSync(path.join(dir, 'documents', `${id}.ylog`))).updates.map((u) => [...u]);
    log.append('doc-a', bytes(1));
    log.append('doc-b', bytes(2));
    log.append('doc-a', bytes(3));
    log.append('doc-c', bytes(4));
    // Nothing is written during the turn…
    expect(records('doc-a')).toEqual([[0]]);
    await new Promise((resolve) => setImmediate(resolve));
    // …and everything at its end, before any flush.
    expect([records('doc-a'), records('doc-b'), records('doc-c')]).toEqual([[[0], [1], [3]], [[0], [2]], [[0], [4]]]);
    await log.flush();
    expect((await log.load('doc-a')).map((u) => [...u])).toEqual([[0], [1], [3]]);
    await log.close();
  });

  it('writes an append made while its file is being compacted after the compacted state', async () => {
    const dir = freshDir();
    const log = openUpdateLog(dir, quiet);
    log.append('doc', bytes(1));
    await log.flush();
    const compacting = log.replace('doc', bytes(7, 7));
    log.append('doc', bytes(8));
    await new Promise((resolve) => setImmediate(resolve));
    await compacting;
    await log.flush();
    expect((await log.load('doc')).map((u) => [...u])).toEqual([[7, 7], [8]]);
    await log.close();
  });

  it('stops a file whose write the disk cuts short, refuses later appends, and keeps what was written whole', async () => {
    const dir = freshDir();
    const script = path.join(import.meta.dirname, '..', 'helpers', 'fullDiskWriter.ts');
    // ulimit -f counts 1024-byte blocks: the 100-byte update fits, the 8 KiB one does not.
    const child = spawnSync('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" --import tsx "${script}" "${dir}"`], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ failedBefore: false, failuresAtOnce: ['doc'], failures: ['doc'], failed: true });
    const file = path.join(dir, 'documents', 'doc.ylog');
    expect(statSync(file).size).toBe(4096);
    // The record cut short is cut off on load; the one before it is whole.
    const log = openUpdateLog(dir, quiet);
    expect((await log.load('doc')).map((u) => u.length)).toEqual([100]);
    await log.close();
  });
});
