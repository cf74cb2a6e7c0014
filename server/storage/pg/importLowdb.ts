/**
 * `npm run migrate -- --from DIR`: copies a lowdb data folder into PostgreSQL. Every row is written
 * by its id (insert, or overwrite with the folder's copy), each document's Yjs history as one state
 * row, audit lines under a key naming their place in the folder: a second run changes nothing. The
 * copy is one transaction, so a failure half-way leaves the database as it was. Then it checks.
 *
 * It refuses a database that holds people or documents the folder does not (a server already started
 * on it made its own): merging two deployments is not a copy.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { createLogger } from '../../log.ts';
import { lockDataDir } from '../dataDirLock.ts';
import { openLowdbStores, type Stores } from '../stores.ts';
import { connect, migrate, type ConnectOptions, type Sql, type Tx } from './db.ts';
import { checkImport, type ImportCheck } from './importCheck.ts';

export interface ImportResult {
  copied: Record<string, number>;
  check: ImportCheck;
}

/** Reads a lowdb JSON file as it is on disk, or `fallback` when it is absent. */
async function rawJson<T>(file: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** The merged Yjs state of a document, as one update. */
export function stateOf(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export async function importLowdb(dataDir: string, databaseUrl: string, options: ConnectOptions = {}): Promise<ImportResult> {
  await fs.access(path.join(dataDir, 'accord.json')).catch(() => {
    throw new Error(`${dataDir} holds no Accord data (no accord.json)`);
  });
  // No server may write the folder while it is copied (the copy would miss its last changes).
  const unlock = lockDataDir(dataDir);
  const source = await openLowdbStores(dataDir, createLogger('error'));
  const db = await connect(databaseUrl, { ...options, max: 2 });
  try {
    await migrate(db.sql);
    const copied = await db.sql.begin((tx) => copyAll(tx, source, dataDir));
    const check = await checkImport(db.sql, source);
    return { copied, check };
  } finally {
    await db.close();
    await source.close();
    unlock();
  }
}

async function refuseForeignData(tx: Tx, ids: { people: Set<string>; documents: Set<string> }): Promise<void> {
  const people = (await tx<Array<{ id: string }>>`SELECT id FROM people`).filter((r) => !ids.people.has(r.id));
  const documents = (await tx<Array<{ id: string }>>`SELECT id FROM documents`).filter((r) => !ids.documents.has(r.id));
  if (people.length || documents.length) {
    throw new Error(
      `The database already holds ${people.length} people and ${documents.length} documents that are not in this folder ` +
        `(a server was started on it). Copy into an empty database; nothing was changed.`,
    );
  }
}

async function copyAll(tx: Tx, source: Stores, dataDir: string): Promise<Record<string, number>> {
  const json = (value: unknown) => tx.json(value as Parameters<Sql['json']>[0]);
  const { records } = source;
  const people = await records.people.list();
  const documents = await records.documents.list();
  await refuseForeignData(tx, { people: new Set(people.map((p) => p.id)), documents: new Set(documents.map((d) => d.id)) });
  const copied: Record<string, number> = { people: 0, sessions: 0, documents: 0, memberships: 0, threads: 0, versions: 0, signoffs: 0, audit: 0, mail: 0, texts: 0 };

  for (const p of people) {
    await tx`INSERT INTO people (id, token_hash, bootstrap, data) VALUES (${p.id}, ${p.tokenHash}, ${p.bootstrap === true}, ${json(p)})
      ON CONFLICT (id) DO UPDATE SET token_hash = EXCLUDED.token_hash, bootstrap = EXCLUDED.bootstrap, data = EXCLUDED.data`;
    copied.people!++;
  }
  const raw = await rawJson<{ sessions?: Array<{ idHash: string; personId: string; lastSeenAt: string }> }>(path.join(dataDir, 'accord.json'), {});
  for (const s of raw.sessions ?? []) {
    await tx`INSERT INTO sessions (id_hash, person_id, last_seen_at, data) VALUES (${s.idHash}, ${s.personId}, ${s.lastSeenAt}, ${json(s)})
      ON CONFLICT (id_hash) DO UPDATE SET person_id = EXCLUDED.person_id, last_seen_at = EXCLUDED.last_seen_at, data = EXCLUDED.data`;
    copied.sessions!++;
  }
  if (await records.documents.isSeeded()) await tx`INSERT INTO settings (key, value) VALUES ('seeded', 'true'::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;

  for (const d of documents) {
    await tx`INSERT INTO documents (id, data) VALUES (${d.id}, ${json(d)}) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`;
    copied.documents!++;
    for (const m of await records.memberships.forDocument(d.id)) {
      await tx`INSERT INTO memberships (document_id, person_id, data) VALUES (${m.documentId}, ${m.personId}, ${json(m)})
        ON CONFLICT (document_id, person_id) DO UPDATE SET data = EXCLUDED.data`;
      copied.memberships!++;
    }
    for (const t of await source.threads.list(d.id)) {
      await tx`INSERT INTO threads (id, document_id, data) VALUES (${t.id}, ${t.documentId}, ${json(t)}) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`;
      copied.threads!++;
    }
    const counters = (await rawJson<{ refCounters?: Record<string, number> }>(path.join(dataDir, 'threads', `${d.id}.json`), {})).refCounters ?? {};
    for (const [prefix, last] of Object.entries(counters)) {
      await tx`INSERT INTO ref_counters (document_id, prefix, last) VALUES (${d.id}, ${prefix}, ${last})
        ON CONFLICT (document_id, prefix) DO UPDATE SET last = GREATEST(ref_counters.last, EXCLUDED.last)`;
    }
    for (const v of await source.versions.list(d.id)) {
      await tx`INSERT INTO versions (id, document_id, data, state) VALUES (${v.id}, ${v.documentId}, ${json(v)}, ${Buffer.from(await source.versions.state(v))})
        ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, state = EXCLUDED.state`;
      copied.versions!++;
    }
    for (const s of await source.signoffs.list(d.id)) {
      await tx`INSERT INTO signoffs (id, document_id, reviewer_id, data) VALUES (${s.id}, ${s.documentId}, ${s.reviewerId}, ${json(s)})
        ON CONFLICT (document_id, reviewer_id) DO UPDATE SET id = EXCLUDED.id, data = EXCLUDED.data`;
      copied.signoffs!++;
    }
    // The whole history as one state row: what a compaction would leave.
    const state = stateOf(await source.states.load(d.id));
    await tx`DELETE FROM document_updates WHERE document_id = ${d.id}`;
    await tx`INSERT INTO document_updates (document_id, update) VALUES (${d.id}, ${Buffer.from(state)})`;
    copied.texts!++;
  }

  const audit = (await source.audit.list()).toReversed();
  for (const [index, event] of audit.entries()) {
    const key = `lowdb:${index}:${createHash('sha256').update(JSON.stringify(event)).digest('hex')}`;
    await tx`INSERT INTO audit (data, import_key) VALUES (${json(event)}, ${key}) ON CONFLICT (import_key) DO NOTHING`;
    copied.audit!++;
  }

  copied.mail = await copyMail(tx, source, dataDir);
  return copied;
}

async function copyMail(tx: Tx, source: Stores, dataDir: string): Promise<number> {
  const json = (value: unknown) => tx.json(value as Parameters<Sql['json']>[0]);
  // The folder's secret signed the unsubscribe links already sent: it must keep working.
  await tx`INSERT INTO settings (key, value) VALUES ('mail', ${json({ secret: source.mail.secret(), since: source.mail.since() })})
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
  const raw = await rawJson<{ keys?: string[] }>(path.join(dataDir, 'mail.json'), {});
  for (const key of raw.keys ?? []) await tx`INSERT INTO mail_keys (key) VALUES (${key}) ON CONFLICT (key) DO NOTHING`;
  for (const key of await source.mail.remindersSent()) await tx`INSERT INTO mail_reminders (key) VALUES (${key}) ON CONFLICT (key) DO NOTHING`;
  const messages = await source.mail.list();
  for (const m of messages) {
    await tx`INSERT INTO mail_keys (key) VALUES (${m.key}) ON CONFLICT (key) DO NOTHING`;
    await tx`INSERT INTO mail_messages (id, data) VALUES (${m.id}, ${json(m)}) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`;
  }
  for (const i of await source.mail.digestItems()) {
    await tx`INSERT INTO mail_digest_items (id, person_id, data) VALUES (${i.id}, ${i.personId}, ${json(i)}) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data`;
  }
  return messages.length;
}
