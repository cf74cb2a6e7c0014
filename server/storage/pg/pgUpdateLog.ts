/**
 * The Yjs update log in PostgreSQL: one row per update in `document_updates`, oldest first by `seq`.
 *
 * As with the file log (updateLog.ts), appends made in one turn of the event loop go out together, in
 * one INSERT, which commits them; operations on one document run one after the other, so a compaction
 * never overtakes the appends before it. Compaction (replace) is one transaction under an advisory
 * lock per document: it reads the rows, merges them into the state (another process may have stored
 * updates this one has not seen yet), inserts the merged state and deletes exactly the rows it read.
 * Rows another process inserts meanwhile are not among them and stay; a reader sees the old log or the
 * new state, never a mix.
 * A failed insert stops the appends of that document and tells the listeners; the next successful
 * replace() resumes them, exactly as the file log does.
 */
import type { DocumentStateStore } from '../documentState.ts';
import type { Logger } from '../../log.ts';
import * as Y from 'yjs';
import { storageError, type Sql } from './db.ts';

/** The advisory lock class under which a document's log is compacted (pgThreads and others use their own). */
const COMPACTION_LOCK_CLASS = 1_380_273;

interface Log {
  queued: Buffer[];
  chain: Promise<void>;
  appendedBytes: number;
  failed: boolean;
}

export function pgUpdateLog(sql: Sql, log: Logger): DocumentStateStore {
  const logs = new Map<string, Log>();
  const failureListeners: Array<(documentId: string, error: unknown) => void> = [];
  let closed = false;

  function entry(id: string): Log {
    let l = logs.get(id);
    if (!l) {
      l = { queued: [], chain: Promise.resolve(), appendedBytes: 0, failed: false };
      logs.set(id, l);
    }
    return l;
  }

  function enqueue(l: Log, op: () => Promise<void>): Promise<void> {
    const run = l.chain.then(op);
    l.chain = run.catch((error) => log.error('Document log operation failed', error));
    return run;
  }

  function fail(id: string, l: Log, error: unknown): void {
    l.queued = [];
    if (l.failed) return;
    l.failed = true;
    log.error(`Could not store the updates of document ${id}; its edits are held in memory until it can be written whole`, error);
    for (const listener of failureListeners) listener(id, error);
  }

  function writeQueued(id: string, l: Log): Promise<void> {
    return enqueue(l, async () => {
      if (l.queued.length === 0 || l.failed) return;
      const batch = l.queued;
      l.queued = [];
      try {
        await sql`INSERT INTO document_updates ${sql(batch.map((update) => ({ document_id: id, update })))}`;
      } catch (error) {
        return fail(id, l, error);
      }
    });
  }

  return {
    async load(id) {
      const open = logs.get(id);
      if (open) await writeQueued(id, open);
      try {
        const rows = await sql<Array<{ update: Buffer }>>`SELECT update FROM document_updates WHERE document_id = ${id} ORDER BY seq`;
        return rows.map((r) => new Uint8Array(r.update));
      } catch (error) {
        throw storageError(error);
      }
    },

    append(id, update) {
      if (closed) throw new Error('Document log is closed');
      const l = entry(id);
      if (l.failed) return;
      l.appendedBytes += update.byteLength;
      const first = l.queued.length === 0;
      l.queued.push(Buffer.from(update));
      if (first) setImmediate(() => void writeQueued(id, l));
    },

    replace(id, state) {
      const l = entry(id);
      // The state already contains every update queued so far; they are stored with it.
      l.queued = [];
      l.appendedBytes = 0;
      return enqueue(l, async () => {
        try {
          await sql.begin(async (tx) => {
            await tx`SELECT pg_advisory_xact_lock(${COMPACTION_LOCK_CLASS}::int, hashtext(${id}))`;
            const rows = await tx<Array<{ seq: string; update: Buffer }>>`SELECT seq, update FROM document_updates WHERE document_id = ${id}`;
            const merged = rows.length ? Y.mergeUpdates([state, ...rows.map((r) => new Uint8Array(r.update))]) : state;
            await tx`INSERT INTO document_updates (document_id, update) VALUES (${id}, ${Buffer.from(merged)})`;
            if (rows.length) await tx`DELETE FROM document_updates WHERE document_id = ${id} AND seq = ANY(${rows.map((r) => r.seq)}::bigint[])`;
          });
        } catch (error) {
          // The queued updates were dropped for this state: the stored log now lacks them.
          fail(id, l, error);
          throw storageError(error);
        }
        if (l.failed) log.info(`The updates of document ${id} are stored again, whole.`);
        l.failed = false;
      });
    },

    remove(id) {
      const l = entry(id);
      l.queued = [];
      l.appendedBytes = 0;
      return enqueue(l, async () => {
        try {
          await sql`DELETE FROM document_updates WHERE document_id = ${id}`;
        } catch (error) {
          throw storageError(error);
        }
        logs.delete(id);
      });
    },

    pendingBytes: (id) => logs.get(id)?.appendedBytes ?? 0,

    failed: (id) => logs.get(id)?.failed ?? false,

    onWriteFailure(listener) {
      failureListeners.push(listener);
    },

    async flush(documentId) {
      if (documentId === undefined) return void (await Promise.all([...logs.entries()].map(([id, l]) => writeQueued(id, l))));
      const l = logs.get(documentId);
      if (l) await writeQueued(documentId, l);
    },

    async close() {
      await this.flush();
      closed = true;
      await Promise.all([...logs.values()].map((l) => l.chain));
    },
  };
}
