/**
 * Compaction of a document's update log in PostgreSQL while another process appends to it (issue 17,
 * scale-out): the state one process writes must never drop an update another stored, whether that
 * update was committed before the compaction read the log or commits while it runs.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, migrate, type Database } from '../../server/storage/pg/db.ts';
import { pgUpdateLog } from '../../server/storage/pg/pgUpdateLog.ts';
import { createLogger } from '../../server/log.ts';
import { postgresUnavailable, sharedDatabaseUrl } from '../helpers/scaleOut.ts';

const unavailable = await postgresUnavailable();
const DOC = 'compacted-document';
const log = createLogger('silent');
const opened: Database[] = [];

afterEach(async () => {
  const [first] = opened;
  if (first) await first.sql.unsafe(`DROP SCHEMA IF EXISTS ${(await first.sql`SELECT current_schema() AS s`)[0]!.s} CASCADE`);
  for (const db of opened.splice(0)) await db.close();
});

/** Two pools on one schema: two processes of one deployment. */
async function twoProcesses(): Promise<[Database, Database]> {
  const schema = `compact_${randomBytes(6).toString('hex')}`;
  const a = await connect(sharedDatabaseUrl(), { schema, max: 2 });
  opened.push(a);
  await migrate(a.sql);
  const b = await connect(sharedDatabaseUrl(), { schema, max: 2 });
  opened.push(b);
  return [a, b];
}

function edit(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe.skipIf(unavailable)(`compaction beside another process${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('keeps an update another process stored that the compacting process never saw', async () => {
    const [a, b] = await twoProcesses();
    const [logA, logB] = [pgUpdateLog(a.sql, log), pgUpdateLog(b.sql, log)];
    const mine = edit('mine ');
    logA.append(DOC, mine.update);
    logB.append(DOC, edit('theirs ').update);
    await Promise.all([logA.flush(), logB.flush()]);

    await logA.replace(DOC, Y.encodeStateAsUpdate(mine.doc));
    const stored = await logB.load(DOC);
    expect(stored).toHaveLength(1);
    expect(textOf(stored)).toContain('mine');
    expect(textOf(stored)).toContain('theirs');
  });

  it('keeps a row whose insert commits while the compaction runs', async () => {
    const [a, b] = await twoProcesses();
    const logA = pgUpdateLog(a.sql, log);
    const mine = edit('mine ');
    logA.append(DOC, mine.update);
    await logA.flush();
    const late = edit('late ');
    // The other process's insert has its row (and its seq) before the compaction reads the log, and
    // commits only after the compaction deleted what it read.
    let compacted: Promise<void> = Promise.resolve();
    await b.sql.begin(async (tx) => {
      await tx`INSERT INTO document_updates (document_id, update) VALUES (${DOC}, ${Buffer.from(late.update)})`;
      compacted = logA.replace(DOC, Y.encodeStateAsUpdate(mine.doc));
      await compacted;
    });
    const stored = await logA.load(DOC);
    expect(textOf(stored)).toContain('mine');
    expect(textOf(stored)).toContain('late');
    const seqs = await a.sql<Array<{ seq: string }>>`SELECT seq FROM document_updates WHERE document_id = ${DOC}`;
    expect(seqs).toHaveLength(2);
  });
});
