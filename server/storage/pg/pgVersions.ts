/**
 * Versions and sign-offs in PostgreSQL, behind the same repositories as lowdbVersions.ts. A version's
 * Yjs state is kept in the same row as its record, so a listed version always has its text.
 */
import type { SignoffRecord, SignoffRepo, VersionRecord, VersionRepo } from '../versionRecords.ts';
import { guarded, type Sql } from './db.ts';

const SIGNOFF_LOCK_CLASS = 1_380_272;

export function pgVersions(sql: Sql): { versions: VersionRepo; signoffs: SignoffRepo; close(): Promise<void> } {
  const json = (value: unknown) => sql.json(value as Parameters<Sql['json']>[0]);

  const versions: VersionRepo = {
    list: async (documentId) => (await sql<Array<{ data: VersionRecord }>>`SELECT data FROM versions WHERE document_id = ${documentId} ORDER BY seq`).map((r) => r.data),
    get: async (documentId, id) => (await sql<Array<{ data: VersionRecord }>>`SELECT data FROM versions WHERE document_id = ${documentId} AND id = ${id}`)[0]?.data,
    insert: async (version, state) => {
      await sql`INSERT INTO versions (id, document_id, data, state) VALUES (${version.id}, ${version.documentId}, ${json(version)}, ${Buffer.from(state)})`;
    },
    async state(version) {
      const row = (await sql<Array<{ state: Buffer }>>`SELECT state FROM versions WHERE document_id = ${version.documentId} AND id = ${version.id}`)[0];
      if (!row) throw new Error(`Version ${version.id} of ${version.documentId} has no stored state`);
      return new Uint8Array(row.state);
    },
    removeDocument: async (documentId) => (await sql`DELETE FROM versions WHERE document_id = ${documentId}`).count,
  };

  const signoffs: SignoffRepo = {
    list: async (documentId) => (await sql<Array<{ data: SignoffRecord }>>`SELECT data FROM signoffs WHERE document_id = ${documentId} ORDER BY seq`).map((r) => r.data),
    upsert: (signoff) =>
      sql.begin(async (tx) => {
        // One reviewer's first two sign-offs at once: the second waits here, then finds the first.
        await tx`SELECT pg_advisory_xact_lock(${SIGNOFF_LOCK_CLASS}::int, hashtext(${`${signoff.documentId}\n${signoff.reviewerId}`}))`;
        const existing = (
          await tx<Array<{ data: SignoffRecord }>>`SELECT data FROM signoffs WHERE document_id = ${signoff.documentId} AND reviewer_id = ${signoff.reviewerId} FOR UPDATE`
        )[0]?.data;
        if (existing) {
          const earlier = { decision: existing.decision, statement: existing.statement, at: existing.updatedAt };
          const changed: SignoffRecord = { ...existing, history: [...(existing.history ?? []), earlier], decision: signoff.decision, statement: signoff.statement, updatedAt: signoff.updatedAt };
          await tx`UPDATE signoffs SET data = ${json(changed)} WHERE id = ${existing.id}`;
          return changed;
        }
        await tx`INSERT INTO signoffs (id, document_id, reviewer_id, data) VALUES (${signoff.id}, ${signoff.documentId}, ${signoff.reviewerId}, ${json(signoff)})`;
        return JSON.parse(JSON.stringify(signoff)) as SignoffRecord;
      }),
    removeDocument: async (documentId) => (await sql`DELETE FROM signoffs WHERE document_id = ${documentId}`).count,
  };

  return { versions: guarded(versions), signoffs: guarded(signoffs), close: async () => {} };
}
