/**
 * Comment threads in PostgreSQL, behind the same ThreadRepo as lowdbThreads.ts. A thread's reference
 * comes from `ref_counters` in the transaction that inserts it, under a per-document advisory lock,
 * so two processes posting at once never hand out the same number. A change of several threads (a
 * bulk disposition) is one transaction: all of them or none.
 */
import { formatRef, refNumber, type ThreadRecord, type ThreadRepo } from '../threadRecords.ts';
import { guarded, type Sql, type Tx } from './db.ts';

type Row = { data: ThreadRecord };

/** The first half of the advisory lock key for a document's references (pgVersions uses the next number). */
const REF_LOCK_CLASS = 1_380_271;

async function nextRef(tx: Tx, documentId: string, prefix: string): Promise<string> {
  const counter = (await tx<Array<{ last: number }>>`SELECT last FROM ref_counters WHERE document_id = ${documentId} AND prefix = ${prefix}`)[0];
  let highest = counter?.last;
  if (highest === undefined) {
    // A prefix without a counter yet counts on from any stored reference.
    const refs = await tx<Array<{ ref: string | null }>>`SELECT data->>'ref' AS ref FROM threads WHERE document_id = ${documentId}`;
    highest = refs.reduce((max, r) => Math.max(max, refNumber(r.ref ?? undefined, prefix)), 0);
  }
  await tx`INSERT INTO ref_counters (document_id, prefix, last) VALUES (${documentId}, ${prefix}, ${highest + 1})
    ON CONFLICT (document_id, prefix) DO UPDATE SET last = EXCLUDED.last`;
  return formatRef(prefix, highest + 1);
}

const lockDocument = (tx: Tx, documentId: string) => tx`SELECT pg_advisory_xact_lock(${REF_LOCK_CLASS}::int, hashtext(${documentId}))`;

export function pgThreads(sql: Sql): ThreadRepo {
  const json = (value: unknown) => sql.json(value as Parameters<Sql['json']>[0]);
  const copy = <T>(value: T): T => structuredClone(value);

  const repo: ThreadRepo = {
    list: async (documentId) => (await sql<Row[]>`SELECT data FROM threads WHERE document_id = ${documentId} ORDER BY seq`).map((r) => r.data),
    async counts(documentIds) {
      const rows = await sql<Array<{ document_id: string; live: number; unanswered: number }>>`
        SELECT document_id,
          count(*) FILTER (WHERE coalesce(data->>'withdrawnAt', '') = '')::int AS live,
          count(*) FILTER (WHERE coalesce(data->>'withdrawnAt', '') = '' AND data->>'status' = 'open')::int AS unanswered
        FROM threads WHERE document_id = ANY(${documentIds}) GROUP BY document_id`;
      const counts = new Map(documentIds.map((id) => [id, { live: 0, unanswered: 0 }]));
      for (const r of rows) counts.set(r.document_id, { live: r.live, unanswered: r.unanswered });
      return counts;
    },
    // Stored times are toISOString()'s: fixed width, so comparing them as text compares the instants.
    answeredOrRepliedSince: async (from) =>
      (
        await sql<Row[]>`SELECT data FROM threads
          WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(data->'dispositions', '[]'::jsonb)) d WHERE d->>'at' >= ${from})
             OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(data->'replies', '[]'::jsonb)) r WHERE r->>'createdAt' >= ${from})
          ORDER BY seq`
      ).map((r) => r.data),
    get: async (id) => (await sql<Row[]>`SELECT data FROM threads WHERE id = ${id}`)[0]?.data,
    insert: (thread, refPrefix) =>
      sql.begin(async (tx) => {
        await lockDocument(tx, thread.documentId);
        const record: ThreadRecord = { ...copy(thread), ref: await nextRef(tx, thread.documentId, refPrefix) };
        await tx`INSERT INTO threads (id, document_id, data) VALUES (${record.id}, ${record.documentId}, ${json(record)})`;
        return record;
      }),
    insertMany: (documentId, entries) =>
      sql.begin(async (tx) => {
        if (entries.some((e) => e.thread.documentId !== documentId)) throw new Error('insertMany: every thread must be of the one document');
        await lockDocument(tx, documentId);
        const stored: ThreadRecord[] = [];
        for (const { thread, refPrefix } of entries) {
          const record: ThreadRecord = { ...copy(thread), ref: await nextRef(tx, documentId, refPrefix) };
          await tx`INSERT INTO threads (id, document_id, data) VALUES (${record.id}, ${record.documentId}, ${json(record)})`;
          stored.push(record);
        }
        return stored;
      }),
    async giveMissingRefs(prefixOf) {
      const documents = await sql<Array<{ document_id: string }>>`SELECT DISTINCT document_id FROM threads WHERE coalesce(data->>'ref', '') = ''`;
      let given = 0;
      for (const { document_id: documentId } of documents) {
        given += await sql.begin(async (tx) => {
          await lockDocument(tx, documentId);
          const missing = (await tx<Row[]>`SELECT data FROM threads WHERE document_id = ${documentId} AND coalesce(data->>'ref', '') = '' ORDER BY seq FOR UPDATE`)
            .map((r) => r.data)
            .toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
          for (const thread of missing) {
            thread.ref = await nextRef(tx, documentId, prefixOf(thread));
            await tx`UPDATE threads SET data = ${json(thread)} WHERE id = ${thread.id}`;
          }
          return missing.length;
        });
      }
      return given;
    },
    update: (id, change) =>
      sql.begin(async (tx) => {
        const thread = (await tx<Row[]>`SELECT data FROM threads WHERE id = ${id} FOR UPDATE`)[0]?.data;
        if (!thread) return undefined;
        // A refusal thrown by `change` rolls the transaction back: nothing is written.
        change(thread);
        const stored: ThreadRecord = JSON.parse(JSON.stringify(thread));
        await tx`UPDATE threads SET data = ${json(stored)} WHERE id = ${id}`;
        return stored;
      }),
    updateMany: (documentId, ids, change) =>
      sql.begin(async (tx) => {
        const rows = await tx<Row[]>`SELECT data FROM threads WHERE document_id = ${documentId} AND id = ANY(${ids}) ORDER BY id FOR UPDATE`;
        const byId = new Map(rows.map((r) => [r.data.id, r.data]));
        const threads = ids.map((id) => byId.get(id));
        if (threads.some((t) => !t)) return undefined;
        threads.forEach((t) => change(t!));
        const stored = threads.map((t) => JSON.parse(JSON.stringify(t)) as ThreadRecord);
        for (const thread of stored) await tx`UPDATE threads SET data = ${json(thread)} WHERE id = ${thread.id}`;
        return stored;
      }),
    removeDocument: (documentId) =>
      sql.begin(async (tx) => {
        await lockDocument(tx, documentId);
        await tx`DELETE FROM ref_counters WHERE document_id = ${documentId}`;
        return (await tx`DELETE FROM threads WHERE document_id = ${documentId}`).count;
      }),
    close: async () => {},
  };
  return guarded(repo);
}
