/**
 * People, sessions, documents and memberships in PostgreSQL, behind the same Records interface as
 * lowdbRecords.ts. Each record is kept whole in `data`; a change reads the row under FOR UPDATE,
 * changes it and writes it back in one transaction, committed before the method resolves.
 */
import { EmailAlreadyTaken, type DocumentRecord, type MembershipRecord, type PersonRecord, type Records, type SessionRecord } from '../records.ts';
import { guarded, type Sql, type Tx } from './db.ts';

type Row<T> = { data: T };
/** The advisory lock class under which people are added in bulk (pgThreads and pgVersions use others). */
const PEOPLE_LOCK = 1_380_280;
const first = <T>(rows: Array<Row<T>>): T | undefined => rows[0]?.data;
const all = <T>(rows: Array<Row<T>>): T[] => rows.map((r) => r.data);

export function pgRecords(sql: Sql): Records {
  const json = (value: unknown) => sql.json(value as Parameters<Sql['json']>[0]);

  const people: Records['people'] = {
    list: async () => all(await sql<Array<Row<PersonRecord>>>`SELECT data FROM people ORDER BY seq`),
    get: async (id) => first(await sql<Array<Row<PersonRecord>>>`SELECT data FROM people WHERE id = ${id}`),
    getMany: async (ids) => all(await sql<Array<Row<PersonRecord>>>`SELECT data FROM people WHERE id = ANY(${ids as string[]})`),
    findByTokenHash: async (hash) => first(await sql<Array<Row<PersonRecord>>>`SELECT data FROM people WHERE token_hash = ${hash} ORDER BY seq LIMIT 1`),
    findBootstrap: async () => first(await sql<Array<Row<PersonRecord>>>`SELECT data FROM people WHERE bootstrap ORDER BY seq LIMIT 1`),
    insert: async (person, memberships = []) => {
      await sql.begin(async (tx) => {
        await tx`INSERT INTO people (id, token_hash, bootstrap, data) VALUES (${person.id}, ${person.tokenHash}, ${person.bootstrap === true}, ${json(person)})`;
        for (const m of memberships) await insertMembership(tx, m);
      });
    },
    insertMany: async (list, memberships) => {
      await sql.begin(async (tx) => {
        // One list at a time, so two lists (or a list and a single invitation) cannot both take an address.
        await tx`SELECT pg_advisory_xact_lock(${PEOPLE_LOCK}::int, 0)`;
        const wanted = list.map((p) => p.email.trim().toLowerCase());
        const taken = await tx<Array<{ email: string }>>`SELECT lower(trim(data->>'email')) AS email FROM people WHERE lower(trim(data->>'email')) = ANY(${wanted})`;
        const seen = new Set(taken.map((r) => r.email));
        for (const person of list) {
          const email = person.email.trim().toLowerCase();
          if (seen.has(email)) throw new EmailAlreadyTaken(person.email);
          seen.add(email);
        }
        for (const person of list) await tx`INSERT INTO people (id, token_hash, bootstrap, data) VALUES (${person.id}, ${person.tokenHash}, ${person.bootstrap === true}, ${json(person)})`;
        for (const m of memberships) await insertMembership(tx, m);
      });
    },
    update: (id, patch, memberRole) =>
      sql.begin(async (tx) => {
        const person = first(await tx<Array<Row<PersonRecord>>>`SELECT data FROM people WHERE id = ${id} FOR UPDATE`);
        if (!person) return undefined;
        const changed: PersonRecord = JSON.parse(JSON.stringify({ ...person, ...patch }));
        await tx`UPDATE people SET token_hash = ${changed.tokenHash}, bootstrap = ${changed.bootstrap === true}, data = ${json(changed)} WHERE id = ${id}`;
        if (memberRole) await tx`UPDATE memberships SET data = jsonb_set(data, '{role}', to_jsonb(${memberRole}::text)) WHERE person_id = ${id}`;
        return changed;
      }),
  };

  async function insertMembership(tx: Tx, m: MembershipRecord): Promise<void> {
    await tx`INSERT INTO memberships (document_id, person_id, data) VALUES (${m.documentId}, ${m.personId}, ${json(m)})
      ON CONFLICT (document_id, person_id) DO UPDATE SET data = jsonb_set(memberships.data, '{role}', EXCLUDED.data->'role')`;
  }

  const sessions: Records['sessions'] = {
    get: async (idHash) => first(await sql<Array<Row<SessionRecord>>>`SELECT data FROM sessions WHERE id_hash = ${idHash}`),
    getMany: async (idHashes) => all(await sql<Array<Row<SessionRecord>>>`SELECT data FROM sessions WHERE id_hash = ANY(${idHashes as string[]})`),
    insert: async (s) => {
      await sql`INSERT INTO sessions (id_hash, person_id, last_seen_at, data) VALUES (${s.idHash}, ${s.personId}, ${s.lastSeenAt}, ${json(s)})`;
    },
    touchMany: async (idHashes, at) => {
      await sql`UPDATE sessions SET last_seen_at = ${at}, data = jsonb_set(data, '{lastSeenAt}', to_jsonb(${at}::text)) WHERE id_hash = ANY(${idHashes as string[]})`;
    },
    delete: async (idHash) => {
      await sql`DELETE FROM sessions WHERE id_hash = ${idHash}`;
    },
    deleteForPerson: async (personId) => {
      await sql`DELETE FROM sessions WHERE person_id = ${personId}`;
    },
    deleteIdleSince: async (before) => (await sql`DELETE FROM sessions WHERE last_seen_at < ${before}`).count,
  };

  const memberships: Records['memberships'] = {
    get: async (documentId, personId) =>
      first(await sql<Array<Row<MembershipRecord>>>`SELECT data FROM memberships WHERE document_id = ${documentId} AND person_id = ${personId}`),
    forDocument: async (documentId) => all(await sql<Array<Row<MembershipRecord>>>`SELECT data FROM memberships WHERE document_id = ${documentId} ORDER BY seq`),
    forPerson: async (personId) => all(await sql<Array<Row<MembershipRecord>>>`SELECT data FROM memberships WHERE person_id = ${personId} ORDER BY seq`),
    set: (membership) => sql.begin((tx) => insertMembership(tx, membership)),
    remove: async (documentId, personId) => (await sql`DELETE FROM memberships WHERE document_id = ${documentId} AND person_id = ${personId}`).count > 0,
  };

  const documents: Records['documents'] = {
    list: async () => all(await sql<Array<Row<DocumentRecord>>>`SELECT data FROM documents ORDER BY seq`),
    get: async (id) => first(await sql<Array<Row<DocumentRecord>>>`SELECT data FROM documents WHERE id = ${id}`),
    update: (id, patch) =>
      sql.begin(async (tx) => {
        const document = first(await tx<Array<Row<DocumentRecord>>>`SELECT data FROM documents WHERE id = ${id} FOR UPDATE`);
        if (!document) return undefined;
        const changed: DocumentRecord = JSON.parse(JSON.stringify({ ...document, ...patch }));
        await tx`UPDATE documents SET data = ${json(changed)} WHERE id = ${id}`;
        return changed;
      }),
    insert: async (document) => {
      // A taken id is refused by the primary key, as lowdb refuses it.
      await sql`INSERT INTO documents (id, data) VALUES (${document.id}, ${json(document)})`;
    },
    remove: (id) =>
      sql.begin(async (tx) => {
        // Nobody takes part in a document that is gone (in the same transaction).
        await tx`DELETE FROM memberships WHERE document_id = ${id}`;
        return (await tx`DELETE FROM documents WHERE id = ${id}`).count > 0;
      }),
    isSeeded: async () => (await sql<Array<{ value: boolean }>>`SELECT value FROM settings WHERE key = 'seeded'`)[0]?.value === true,
    completeSeed: async (list) => {
      await sql.begin(async (tx) => {
        for (const document of list) await tx`INSERT INTO documents (id, data) VALUES (${document.id}, ${json(document)}) ON CONFLICT (id) DO NOTHING`;
        await tx`INSERT INTO settings (key, value) VALUES ('seeded', 'true'::jsonb) ON CONFLICT (key) DO UPDATE SET value = 'true'::jsonb`;
      });
    },
  };

  return {
    people: guarded(people),
    sessions: guarded(sessions),
    memberships: guarded(memberships),
    documents: guarded(documents),
    close: async () => {},
  };
}
