/**
 * The PostgreSQL store's own guarantees (runs with ACCORD_TEST_STORE=pg, against the run's database):
 * migrations from an empty schema and from the previous one, serialised across processes by the
 * advisory lock; 503 `storage_unavailable` while the database is out of reach, nothing half-written,
 * and recovery once it is back.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, migrate, type Database } from '../../server/storage/pg/db.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../server/storage/pg/migrations.ts';
import { pgRecords } from '../../server/storage/pg/pgRecords.ts';
import { pgAudit } from '../../server/storage/pg/pgAudit.ts';
import { pgThreads } from '../../server/storage/pg/pgThreads.ts';
import { newThreadRecord } from '../helpers/threadRecords.ts';
import type { NewThreadRecord } from '../../server/storage/threadRecords.ts';
import { SEED_IDS, startTestServer, testDatabaseUrl, type TestServer } from '../helpers/testServer.ts';
import { startTcpGate, type TcpGate } from '../helpers/tcpGate.ts';
import { connect as connectClient, waitForDoc } from '../helpers/collabClient.ts';
import * as Y from 'yjs';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const url = testDatabaseUrl();
const opened: Database[] = [];
let t: TestServer | null = null;
let gate: TcpGate | null = null;

afterEach(async () => {
  await t?.close();
  t = null;
  await gate?.close();
  gate = null;
  for (const db of opened.splice(0)) {
    await db.sql.unsafe(`DROP SCHEMA IF EXISTS ${(await db.sql`SELECT current_schema() AS s`)[0]!.s} CASCADE`);
    await db.close();
  }
});

async function freshSchema(): Promise<Database> {
  const db = await connect(url!, { schema: `mig_${randomBytes(6).toString('hex')}`, max: 4 });
  opened.push(db);
  return db;
}

const tables = async (db: Database) =>
  (await db.sql<Array<{ name: string }>>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`).map((r) => r.name);

describe.skipIf(!url)('PostgreSQL schema migrations', () => {
  it('builds the whole schema on an empty database, and a second start applies nothing', async () => {
    const db = await freshSchema();
    expect(await migrate(db.sql)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await tables(db)).toEqual(expect.arrayContaining(['people', 'sessions', 'documents', 'memberships', 'threads', 'versions', 'signoffs', 'audit', 'document_updates', 'mail_messages', 'mail_held', 'mail_leases', 'schema_migrations']));
    expect(await migrate(db.sql)).toEqual([]);
    const versions = await db.sql<Array<{ version: number }>>`SELECT version FROM schema_migrations ORDER BY version`;
    expect(versions.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('brings a database of the previous schema up to date, keeping its data', async () => {
    const db = await freshSchema();
    expect(await migrate(db.sql, SCHEMA_VERSION - 1)).toEqual([1, 2, 3, 4]);
    const records = pgRecords(db.sql);
    const person = { id: 'p1', name: 'Ada', email: 'ada@example.org', role: 'participant' as const, country: 'FR', organisation: 'Org', stakeholder: 'government' as const, tokenHash: 'h', active: true, createdAt: '2026-01-01T00:00:00.000Z' };
    await records.people.insert(person);
    await db.sql`INSERT INTO audit (data) VALUES (${db.sql.json({ at: '2026-01-01T00:00:00.000Z', action: 'before' })})`;

    expect(await migrate(db.sql)).toEqual([5]);
    expect(await records.people.get('p1')).toEqual(person);
    const audit = await pgAudit(db.sql).list();
    expect(audit.map((e) => (e as unknown as { action: string }).action)).toEqual(['before']);
  });

  it('applies each migration once when two processes start at the same moment', async () => {
    const db = await freshSchema();
    const other = await connect(url!, { schema: (await db.sql`SELECT current_schema() AS s`)[0]!.s as string, max: 1 });
    try {
      const [a, b] = await Promise.all([migrate(db.sql), migrate(other.sql)]);
      expect([a, b].toSorted((x, y) => y.length - x.length)).toEqual([[1, 2, 3, 4, 5], []]);
    } finally {
      await other.close();
    }
  });

  it('refuses a schema newer than this release knows, and changes nothing', async () => {
    const db = await freshSchema();
    await migrate(db.sql);
    await db.sql`INSERT INTO schema_migrations (version, name) VALUES (${SCHEMA_VERSION + 1}, 'from the future')`;
    await expect(migrate(db.sql)).rejects.toThrow(/later release/);
  });
});

const newThread = (id: string, createdAt: string): NewThreadRecord =>
  newThreadRecord({ id, documentId: 'doc', sectionId: 's', body: `created ${createdAt}`, authorId: 'p1', createdAt });

describe.skipIf(!url)('PostgreSQL comment threads', () => {
  it('never gives one reference twice, also to two processes posting at once', async () => {
    const db = await freshSchema();
    await migrate(db.sql);
    const other = await connect(url!, { schema: (await db.sql`SELECT current_schema() AS s`)[0]!.s as string, max: 4 });
    try {
      const [a, b] = [pgThreads(db.sql), pgThreads(other.sql)];
      const stored = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).insert(newThread(`t${i}`, '2026-01-01T00:00:00.000Z'), 'DE')));
      expect(new Set(stored.map((thread) => thread.ref)).size).toBe(20);
      expect(stored.map((thread) => thread.ref).toSorted()).toEqual(Array.from({ length: 20 }, (_, i) => `DE-${String(i + 1).padStart(3, '0')}`));
    } finally {
      await other.close();
    }
  });

  it('gives comments stored before references existed one, once, by creation time', async () => {
    const db = await freshSchema();
    await migrate(db.sql);
    const times = ['2025-03-02T10:00:00.000Z', '2025-03-01T10:00:00.000Z', '2025-03-03T10:00:00.000Z'];
    for (const [i, at] of times.entries()) await db.sql`INSERT INTO threads (id, document_id, data) VALUES (${`old${i}`}, 'doc', ${db.sql.json(newThread(`old${i}`, at) as never)})`;
    const threads = pgThreads(db.sql);
    expect(await threads.giveMissingRefs(() => 'DE')).toBe(3);
    expect(await threads.giveMissingRefs(() => 'DE')).toBe(0);
    expect(Object.fromEntries((await threads.list('doc')).map((thread) => [thread.createdAt, thread.ref]))).toEqual({ [times[1]!]: 'DE-001', [times[0]!]: 'DE-002', [times[2]!]: 'DE-003' });
    expect((await threads.insert(newThread('new', '2026-01-01T00:00:00.000Z'), 'DE')).ref).toBe('DE-004');
  });

  it('changes several threads all together or not at all', async () => {
    const db = await freshSchema();
    await migrate(db.sql);
    const threads = pgThreads(db.sql);
    for (const id of ['a', 'b']) await threads.insert(newThread(id, '2026-01-01T00:00:00.000Z'), 'DE');
    const refusal = new Error('refused on the second');
    await expect(
      threads.updateMany('doc', ['a', 'b'], (thread) => {
        thread.status = 'noted';
        if (thread.id === 'b') throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect((await threads.list('doc')).map((thread) => thread.status)).toEqual(['open', 'open']);
    expect(await threads.updateMany('doc', ['a', 'missing'], () => {})).toBeUndefined();
    const changed = await threads.updateMany('doc', ['b', 'a'], (thread) => void (thread.status = 'noted'));
    expect(changed?.map((thread) => [thread.id, thread.status])).toEqual([['b', 'noted'], ['a', 'noted']]);
  });
});

describe.skipIf(!url)('PostgreSQL out of reach', () => {
  it('answers 503 storage_unavailable, writes nothing half-way, and works again once the database is back', async () => {
    const target = new URL(url!);
    gate = await startTcpGate(target.hostname, Number(target.port || 5432));
    const through = new URL(url!);
    through.port = String(gate.port);
    t = await startTestServer({ config: { databaseUrl: through.toString() } });
    const [doc] = SEED_IDS;
    const { cookie } = await t.person({ role: 'working-group' });
    expect((await t.api('GET', `/api/documents/${doc}/threads`, { cookie })).status).toBe(200);

    await gate.shut();
    for (const [method, route, body] of [
      ['GET', '/api/documents', undefined],
      ['GET', `/api/documents/${doc}/threads`, undefined],
      ['POST', `/api/documents/${doc}/threads`, { sectionId: 'x', kind: 'general', body: 'Written while the database is down.' }],
    ] as const) {
      const res = await t.api(method, route, { cookie, body });
      expect(res.status, `${method} ${route}`).toBe(503);
      expect(res.body.error.code).toBe('storage_unavailable');
    }

    await gate.open();
    const sections = (await t.api('GET', `/api/documents/${doc}`, { cookie })).body.sections;
    const after = await t.api('GET', `/api/documents/${doc}/threads`, { cookie });
    expect(after.status).toBe(200);
    expect(after.body.some((th: { body: string }) => th.body === 'Written while the database is down.')).toBe(false);
    const posted = await t.api('POST', `/api/documents/${doc}/threads`, { cookie, body: { sectionId: sections[1].id, kind: 'general', body: 'Written once it is back.' } });
    expect(posted.status).toBe(201);
  });

  it('keeps open editors connected while the database is out of reach: a failed session read ends no session', async () => {
    const target = new URL(url!);
    gate = await startTcpGate(target.hostname, Number(target.port || 5432));
    const through = new URL(url!);
    through.port = String(gate.port);
    t = await startTestServer({ config: { databaseUrl: through.toString(), heartbeatMs: 100 } });
    const [doc] = SEED_IDS;
    await t.setPhase(doc!, 'revision');
    const { cookie } = await t.person({ role: 'working-group' });
    const editor = connectClient(t.wsUrl, doc!, cookie);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event: CloseEvent | null) => void closes.push(event?.code ?? 0));
    try {
      await editor.synced;
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      await gate.shut();
      // Two heartbeats that could not read the session.
      await vi.waitFor(() => expect(logged.mock.calls.filter(([line]) => String(line).includes('Could not read the sessions')).length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
      logged.mockRestore();
      await gate.open();
      expect(closes).toEqual([]);

      // The same socket still carries edits, to a reader who connects once the database is back.
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Typed once the database was back.')]);
      editor.doc.getXmlFragment(TEXT_FIELD).push([paragraph]);
      const reader = connectClient(t.wsUrl, doc!, (await t.person({ role: 'reviewer' })).cookie);
      try {
        await waitForDoc(reader.doc, () => plainText(reader.doc.getXmlFragment(TEXT_FIELD)).includes('Typed once the database was back.'));
      } finally {
        reader.destroy();
      }
      expect(closes).toEqual([]);
    } finally {
      editor.destroy();
    }
  });
});
