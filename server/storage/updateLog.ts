/**
 * An append-only log of Yjs updates per document: `documents/<id>.ylog` under DATA_DIR.
 *
 * Records are as logRecords.ts writes and reads them. Appends are batched on the next turn of
 * the event loop and written with one write() per file (so a kill -9 loses at most the current turn),
 * and the file is fdatasync'd at most SYNC_INTERVAL_MS later (so an OS crash loses at most that).
 * The appends of every document in a turn are written together, on this thread, when nothing else of
 * their file is under way: a write() only copies into the page cache and costs a few microseconds,
 * where handing it to libuv's thread pool and back cost about ten times that in CPU (benchmark (a),
 * docs/benchmarks.md). fdatasync, which waits for the disk, stays on the thread pool. Only a torn
 * last record, from a crash in the middle of a write, is cut off on load, after the whole file is
 * copied beside it; any other damage refuses the document and leaves the file as it is. A failed write
 * stops the appends to that file and tells the listeners; the next successful replace() resumes them.
 * Compaction replaces the file atomically with a single record holding the full state.
 */
import { promises as fs, writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { writeFileDurably } from './durableFile.ts';
import { decodeRecords, encodeRecord } from './logRecords.ts';
import { DocumentDamagedError } from './errors.ts';
import type { DocumentStateStore } from './documentState.ts';
import type { Logger } from '../log.ts';

const SYNC_INTERVAL_MS = 200;

interface LogFile {
  path: string;
  handle: FileHandle | null;
  queued: Buffer[];
  /** Serialises writes, syncs and replacements of this file. */
  chain: Promise<void>;
  /** Operations in `chain` not yet finished: while there are any, a write waits its turn in it. */
  pendingOps: number;
  appendedBytes: number;
  dirty: boolean;
  /**
   * A write or sync failed: the file may lack updates or end in part of one. Nothing more is appended
   * (it would follow a gap) until a replace() writes the whole state again.
   */
  failed: boolean;
}

export function openUpdateLog(dataDir: string, log: Logger, options: { syncIntervalMs?: number } = {}): DocumentStateStore {
  const folder = path.join(dataDir, 'documents');
  const files = new Map<string, LogFile>();
  const failureListeners: Array<(documentId: string, error: unknown) => void> = [];
  let closed = false;

  const fileOf = (id: string) => {
    // Ids are validated at the edge; this is the last line before the file system.
    if (!DOCUMENT_ID_PATTERN.test(id)) throw new Error(`Refusing unsafe document id ${JSON.stringify(id)}`);
    return path.join(folder, `${id}.ylog`);
  };

  function entry(id: string): LogFile {
    let file = files.get(id);
    if (!file) {
      file = { path: fileOf(id), handle: null, queued: [], chain: Promise.resolve(), pendingOps: 0, appendedBytes: 0, dirty: false, failed: false };
      files.set(id, file);
    }
    return file;
  }

  function enqueue(file: LogFile, op: () => Promise<void>): Promise<void> {
    file.pendingOps++;
    const run = file.chain.then(async () => {
      try {
        await op();
      } finally {
        file.pendingOps--;
      }
    });
    file.chain = run.catch((error) => log.error('Document log operation failed', error));
    return run;
  }

  function fail(id: string, file: LogFile, error: unknown): void {
    file.queued = [];
    const handle = file.handle;
    file.handle = null;
    file.dirty = false;
    void handle?.close().catch(() => {});
    if (file.failed) return;
    file.failed = true;
    log.error(`Could not write the log of document ${id}; its edits are held in memory until it can be written whole`, error);
    for (const listener of failureListeners) listener(id, error);
  }

  async function handleOf(file: LogFile): Promise<FileHandle> {
    if (!file.handle) {
      await fs.mkdir(folder, { recursive: true });
      file.handle = await fs.open(file.path, 'a', 0o600);
    }
    return file.handle;
  }

  /** The queued records in one write() on this thread (see the header); a failure stops the file. */
  function writeBatch(id: string, file: LogFile, fd: number): void {
    if (file.queued.length === 0 || file.failed) return;
    const batch = file.queued.length === 1 ? file.queued[0]! : Buffer.concat(file.queued);
    file.queued = [];
    try {
      // A short write (a disk filling up) is continued; its failure then stops the file.
      for (let written = 0; written < batch.byteLength; ) written += writeSync(fd, batch, written);
      file.dirty = true;
    } catch (error) {
      return fail(id, file, error);
    }
  }

  function writeQueued(id: string, file: LogFile): Promise<void> {
    // The common case: the file is open and no sync, compaction or opening of it is under way.
    if (file.pendingOps === 0 && file.handle) return Promise.resolve(writeBatch(id, file, file.handle.fd));
    return enqueue(file, async () => {
      if (file.queued.length === 0 || file.failed) return;
      let handle: FileHandle;
      try {
        handle = await handleOf(file);
      } catch (error) {
        return fail(id, file, error);
      }
      writeBatch(id, file, handle.fd);
    });
  }

  /** Documents with appends queued in this turn, written together when it ends. */
  const waiting: Array<[string, LogFile]> = [];
  function writeWaiting(): void {
    for (const [id, file] of waiting.splice(0)) void writeQueued(id, file);
  }

  function syncNow(id: string, file: LogFile): Promise<void> {
    // The handle is read when the sync runs: a compaction queued before it may have replaced it.
    return enqueue(file, async () => {
      if (!file.dirty || !file.handle) return;
      file.dirty = false;
      try {
        await file.handle.datasync();
      } catch (error) {
        fail(id, file, error);
      }
    });
  }

  const syncTimer = setInterval(() => {
    for (const [id, file] of files) if (file.dirty && file.handle) void syncNow(id, file);
  }, options.syncIntervalMs ?? SYNC_INTERVAL_MS);
  syncTimer.unref();

  /** Keeps the whole file beside it, then cuts the torn record off: nothing is lost if we misjudged. */
  async function cutTornTail(id: string, file: string, bytes: Buffer, goodBytes: number, detail: string): Promise<void> {
    const copy = `${file}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await writeFileDurably(copy, bytes);
    await fs.truncate(file, goodBytes);
    const handle = await fs.open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    log.error(`Document log ${id}.ylog ended in a record cut short by a crash (${detail}); kept the records before it, cut it off, and kept the whole file as ${path.basename(copy)}.`);
  }

  return {
    async load(id) {
      const file = fileOf(id);
      const open = files.get(id);
      if (open) await writeQueued(id, open);
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const decoded = decodeRecords(bytes);
      if (decoded.problem === 'damaged') throw new DocumentDamagedError(id, `documents/${id}.ylog`, decoded.detail);
      if (decoded.problem === 'torn') await cutTornTail(id, file, bytes, decoded.goodBytes, decoded.detail);
      return decoded.updates;
    },

    append(id, update) {
      if (closed) throw new Error('Document log is closed');
      const file = entry(id);
      if (file.failed) return;
      const record = encodeRecord(update);
      file.appendedBytes += record.byteLength;
      const first = file.queued.length === 0;
      file.queued.push(record);
      if (!first) return;
      if (waiting.length === 0) setImmediate(writeWaiting);
      waiting.push([id, file]);
    },

    replace(id, state) {
      const file = entry(id);
      // The state already contains every update queued so far.
      file.queued = [];
      file.appendedBytes = 0;
      return enqueue(file, async () => {
        const old = file.handle;
        file.handle = null;
        file.dirty = false;
        await old?.close().catch(() => {});
        try {
          await fs.mkdir(folder, { recursive: true });
          await writeFileDurably(file.path, encodeRecord(state));
        } catch (error) {
          // The queued updates were dropped for this state: the file now lacks them.
          fail(id, file, error);
          throw error;
        }
        if (file.failed) log.info(`The log of document ${id} is written again, whole.`);
        file.failed = false;
      });
    },

    remove(id) {
      const file = entry(id);
      file.queued = [];
      file.appendedBytes = 0;
      return enqueue(file, async () => {
        const old = file.handle;
        file.handle = null;
        file.dirty = false;
        await old?.close();
        await fs.rm(file.path, { force: true });
        files.delete(id);
      });
    },

    pendingBytes: (id) => files.get(id)?.appendedBytes ?? 0,

    failed: (id) => files.get(id)?.failed ?? false,

    onWriteFailure(listener) {
      failureListeners.push(listener);
    },

    async flush(documentId) {
      await Promise.all(
        [...files.entries()].map(async ([id, file]) => {
          if (documentId !== undefined && id !== documentId) return;
          await writeQueued(id, file);
          await syncNow(id, file);
        }),
      );
    },

    async close() {
      await this.flush();
      closed = true;
      clearInterval(syncTimer);
      await Promise.all(
        [...files.values()].map((file) =>
          enqueue(file, async () => {
            await file.handle?.close();
            file.handle = null;
          }),
        ),
      );
    },
  };
}
