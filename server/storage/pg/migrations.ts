/**
 * The PostgreSQL schema, as numbered migrations applied in order, forward only. A migration once
 * released is never edited: a change is a new one at the end. Each runs in the transaction that
 * records it in `schema_migrations`, so a start either applies it whole or not at all.
 *
 * Records keep their full shape in a `data` jsonb column (the same objects the lowdb files hold, so
 * the two stores cannot disagree about a field); the columns beside it are the keys that queries look
 * up and the order things were added in (`seq`).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'records, threads, versions, sign-offs, audit, document updates',
    sql: `
      CREATE TABLE settings (key text PRIMARY KEY, value jsonb NOT NULL);
      CREATE TABLE people (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        token_hash text NOT NULL,
        bootstrap boolean NOT NULL DEFAULT false,
        data jsonb NOT NULL
      );
      CREATE INDEX people_token_hash ON people (token_hash);
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        person_id text NOT NULL,
        last_seen_at text NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX sessions_person ON sessions (person_id);
      CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
      CREATE TABLE documents (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );
      CREATE TABLE memberships (
        document_id text NOT NULL,
        person_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL,
        PRIMARY KEY (document_id, person_id)
      );
      CREATE INDEX memberships_person ON memberships (person_id);
      CREATE TABLE threads (
        id text PRIMARY KEY,
        document_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );
      CREATE INDEX threads_document ON threads (document_id, seq);
      -- The last running number given per document and reference prefix; never goes back.
      CREATE TABLE ref_counters (
        document_id text NOT NULL,
        prefix text NOT NULL,
        last integer NOT NULL,
        PRIMARY KEY (document_id, prefix)
      );
      CREATE TABLE versions (
        id text PRIMARY KEY,
        document_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL,
        state bytea NOT NULL
      );
      CREATE INDEX versions_document ON versions (document_id, seq);
      CREATE TABLE signoffs (
        id text PRIMARY KEY,
        document_id text NOT NULL,
        reviewer_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL,
        UNIQUE (document_id, reviewer_id)
      );
      CREATE TABLE audit (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        data jsonb NOT NULL
      );
      -- The Yjs update log: appended as edits arrive, replaced by one state row at compaction.
      CREATE TABLE document_updates (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id text NOT NULL,
        update bytea NOT NULL
      );
      CREATE INDEX document_updates_document ON document_updates (document_id, seq);
    `,
  },
  {
    version: 2,
    name: 'mail queue',
    sql: `
      CREATE TABLE mail_messages (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );
      CREATE TABLE mail_digest_items (
        id text PRIMARY KEY,
        person_id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );
      CREATE INDEX mail_digest_items_person ON mail_digest_items (person_id);
      -- Keys of every message or digest item ever queued, so a repeated cause never queues it twice.
      CREATE TABLE mail_keys (key text PRIMARY KEY);
      CREATE TABLE mail_reminders (key text PRIMARY KEY);
    `,
  },
  {
    version: 3,
    name: 'audit lines copied from a lowdb folder, each once',
    sql: `
      -- Audit lines have no id: a line copied by npm run migrate carries where it came from, so a
      -- second run of the copy finds it and adds nothing.
      ALTER TABLE audit ADD COLUMN import_key text UNIQUE;
    `,
  },
  {
    version: 4,
    name: 'e-mail held until its change is stored',
    sql: `
      -- A batch of e-mail stored before the change that causes it and never sent until released
      -- (server/mail/held.ts); a crash leaves it for the next start to release or drop.
      CREATE TABLE mail_held (
        id text PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'a lease per process on its e-mail in flight',
    sql: `
      -- Each running process renews its row (server/storage/pg/pgMailStore.ts); what it holds or is
      -- sending is recovered by another process only once its row has expired, or by the next run
      -- of the same instance (host, DATA_DIR and PORT) at once.
      CREATE TABLE mail_leases (owner text PRIMARY KEY, instance text, expires_at timestamptz NOT NULL);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
