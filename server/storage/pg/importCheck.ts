/**
 * After a copy from lowdb: the database must hold as many of each record as the folder, and each
 * document's text must be the same Yjs state (same state vector, same content).
 */
import * as Y from 'yjs';
import type { Stores } from '../stores.ts';
import type { Sql } from './db.ts';

export interface ImportCheck {
  ok: boolean;
  /** One line per difference found, in plain words. */
  problems: string[];
}

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

export async function checkImport(sql: Sql, source: Stores): Promise<ImportCheck> {
  const problems: string[] = [];
  const count = async (table: string, where = '', value?: string) => {
    const rows = value === undefined ? await sql.unsafe(`SELECT count(*)::int AS n FROM ${table}`) : await sql.unsafe(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, [value]);
    return (rows[0] as unknown as { n: number }).n;
  };
  const expect = (what: string, folder: number, database: number) => {
    if (folder !== database) problems.push(`${what}: ${folder} in the folder, ${database} in the database`);
  };

  const documents = await source.records.documents.list();
  expect('people', (await source.records.people.list()).length, await count('people'));
  expect('documents', documents.length, await count('documents'));
  expect('audit lines copied', (await source.audit.list()).length, await count('audit', 'import_key IS NOT NULL AND import_key LIKE $1', 'lowdb:%'));
  expect('mail messages', (await source.mail.list()).length, await count('mail_messages'));
  expect('digest items', (await source.mail.digestItems()).length, await count('mail_digest_items'));

  for (const d of documents) {
    expect(`members of ${d.id}`, (await source.records.memberships.forDocument(d.id)).length, await count('memberships', 'document_id = $1', d.id));
    expect(`comments on ${d.id}`, (await source.threads.list(d.id)).length, await count('threads', 'document_id = $1', d.id));
    expect(`versions of ${d.id}`, (await source.versions.list(d.id)).length, await count('versions', 'document_id = $1', d.id));
    expect(`sign-offs on ${d.id}`, (await source.signoffs.list(d.id)).length, await count('signoffs', 'document_id = $1', d.id));
    const stored = await sql<Array<{ phase: string }>>`SELECT data->>'phase' AS phase FROM documents WHERE id = ${d.id}`;
    if (stored[0]?.phase !== d.phase) problems.push(`${d.id}: phase ${d.phase} in the folder, ${stored[0]?.phase ?? 'none'} in the database`);

    const from = docOf(await source.states.load(d.id));
    const rows = await sql<Array<{ update: Buffer }>>`SELECT update FROM document_updates WHERE document_id = ${d.id} ORDER BY seq`;
    const to = docOf(rows.map((r) => new Uint8Array(r.update)));
    if (!sameBytes(Y.encodeStateVector(from), Y.encodeStateVector(to))) problems.push(`${d.id}: the text's state vector differs`);
    else if (!sameBytes(Y.encodeStateAsUpdate(from), Y.encodeStateAsUpdate(to))) problems.push(`${d.id}: the text differs`);
    from.destroy();
    to.destroy();
  }
  return { ok: problems.length === 0, problems };
}
