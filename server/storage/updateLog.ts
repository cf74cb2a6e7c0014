/**
 * An append-only log of Yjs updates per document: `documents/<id>.ylog` under DATA_DIR.
 *
 * Record: [u32 LE length][u32 LE crc32 of the bytes][bytes]. Appends are batched on the next turn of
 * the event loop and written with one write() (so a kill -9 loses at most the current turn), and the
 * file is fdatasync'd at most SYNC_INTERVAL_MS later (so an OS crash loses at most that). A torn last
 * record, from a crash in the middle of a write, is cut off on load and reported; everything before
 * it is kept. Compaction replaces the file atomically with a single record holding the full state.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { writeFileDurably } from './durableFile.ts';
import type { DocumentStateStore } from './documentState.ts';
import type { Logger } from '../log.ts';

const HEADER_BYTES = 8;
const SYNC_INTERVAL_MS = 200;

export function encodeRecord(update: Uint8Array): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + update.byteLength);
  record.writeUInt32LE(update.byteLength, 0);
  record.writeUInt32LE(crc32(update), 4);
  record.set(update, HEADER_BYTES);
  return record;
}

/** Reads records until the end or the first damaged one; returns them and the length of the good part. */
export function decodeRecords(bytes: Buffer): { updates: Uint8Array[]; goodBytes: number } {
  const updates: Uint8Array[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.byteLength) {
    const length = bytes.readUInt32LE(offset);
    const sum = bytes.readUInt32LE(offset + 4);
    const end = offset + HEADER_BYTES + length;
    if (end > bytes.byteLength) break;
    const update = bytes.subarray(offset + HEADER_BYTES, end);
    if (crc32(update) !== sum) break;
    updates.push(new Uint8Array(update));
    offset = end;
  }
  return { updates, goodBytes: offset };
}

interface LogFile {
  path: string;
  handle: FileHandle | null;
  queued: Buffer[];
  /** Serialises writes, syncs and replacements of this file. */
  chain: Promise<void>;
  appendedBytes: number;
  dirty: boolean;
}

export function openUpdateLog(dataDir: string, log: Logger, options: { syncIntervalMs?: number } = {}): DocumentStateStore {
  const folder = path.join(dataDir, 'documents');
  const files = new Map<string, LogFile>();
  let closed = false;

  const fileOf = (id: string) => {
    // Ids are validated at the edge; this is the last line before the file system.
    if (!DOCUMENT_ID_PATTERN.test(id)) throw new Error(`Refusing unsafe document id ${JSON.stringify(id)}`);
    return path.join(folder, `${id}.ylog`);
  };

  function entry(id: string): LogFile {
    let file = files.get(id);
    if (!file) {
      file = { path: fileOf(id), handle: null, queued: [], chain: Promise.resolve(), appendedBytes: 0, dirty: false };
      files.set(id, file);
    }
    return file;
  }

  function enqueue(file: LogFile, op: () => Promise<void>): Promise<void> {
    const run = file.chain.then(op);
    file.chain = run.catch((error) => log.error('Document log operation failed', error));
    return run;
  }

  async function handleOf(id: string, file: LogFile): Promise<FileHandle> {
    if (!file.handle) {
      await fs.mkdir(folder, { recursive: true });
      file.handle = await fs.open(file.path, 'a', 0o600);
    }
    return file.handle;
  }

  function writeQueued(id: string, file: LogFile): Promise<void> {
    return enqueue(file, async () => {
      if (file.queued.length === 0) return;
      const batch = Buffer.concat(file.queued);
      file.queued = [];
      const handle = await handleOf(id, file);
      await handle.write(batch);
      file.dirty = true;
    });
  }

  const syncTimer = setInterval(() => {
    for (const file of files.values()) {
      if (!file.dirty || !file.handle) continue;
      // The handle is read when the sync runs: a compaction queued before it may have replaced it.
      void enqueue(file, async () => {
        if (!file.dirty || !file.handle) return;
        file.dirty = false;
        await file.handle.datasync();
      });
    }
  }, options.syncIntervalMs ?? SYNC_INTERVAL_MS);
  syncTimer.unref();

  return {
    async load(id) {
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(fileOf(id));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const { updates, goodBytes } = decodeRecords(bytes);
      if (goodBytes < bytes.byteLength) {
        log.error(
          `Document log ${id}.ylog ends in a damaged record (${bytes.byteLength - goodBytes} bytes, ` +
            `likely a write cut short by a crash); kept the ${updates.length} records before it and cut it off.`,
        );
        await fs.truncate(fileOf(id), goodBytes);
      }
      return updates;
    },

    append(id, update) {
      if (closed) throw new Error('Document log is closed');
      const file = entry(id);
      const record = encodeRecord(update);
      file.appendedBytes += record.byteLength;
      const first = file.queued.length === 0;
      file.queued.push(record);
      if (first) setImmediate(() => void writeQueued(id, file).catch(() => {}));
    },

    replace(id, state) {
      const file = entry(id);
      // The state already contains every update queued so far.
      file.queued = [];
      file.appendedBytes = 0;
      return enqueue(file, async () => {
        await fs.mkdir(folder, { recursive: true });
        const old = file.handle;
        file.handle = null;
        file.dirty = false;
        await old?.close();
        await writeFileDurably(file.path, encodeRecord(state));
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

    async flush() {
      await Promise.all(
        [...files.entries()].map(async ([id, file]) => {
          await writeQueued(id, file);
          await enqueue(file, async () => {
            if (file.handle && file.dirty) {
              file.dirty = false;
              await file.handle.datasync();
            }
          });
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
