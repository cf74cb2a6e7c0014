/**
 * `npm run migrate -- --from DIR`: a lowdb deployment (people, comments with replies and references,
 * versions, audit, mail, the text) copied into an empty PostgreSQL database, checked, and served from
 * there exactly as before; a second run changes nothing; a database a server already started on is
 * refused. Runs with ACCORD_TEST_STORE=pg.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../helpers/pgSetup.ts';
import { ROOT, SEED_IDS, signIn, startTestServer, testDatabaseUrl, type TestServer } from '../helpers/testServer.ts';

const runUrl = testDatabaseUrl();
const DOC: string = SEED_IDS[0];
const created: string[] = [];
/** Each run of the command line starts a fresh Node with tsx: seconds on a busy machine. */
const SLOW = 180_000;

async function emptyDatabase(): Promise<string> {
  const name = `accord_mig_${randomBytes(5).toString('hex')}`;
  const admin = postgres(runUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return withDatabase(runUrl!, name);
}

async function migrateCli(from: string, databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts', '--from', from], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function counts(databaseUrl: string): Promise<Record<string, number>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const out: Record<string, number> = {};
    for (const table of ['people', 'sessions', 'documents', 'memberships', 'threads', 'ref_counters', 'versions', 'signoffs', 'audit', 'document_updates', 'mail_messages', 'mail_keys']) {
      out[table] = (await sql.unsafe(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n as number;
    }
    return out;
  } finally {
    await sql.end();
  }
}

/** What a client sees of the deployment. */
const read = async (t: TestServer, c: string) => ({
  documents: (await t.api('GET', '/api/documents', { cookie: c })).body,
  threads: (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: c })).body,
  sections: (await t.api('GET', `/api/documents/${DOC}`, { cookie: c })).body.sections,
  versions: (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: c })).body,
  audit: (await t.api('GET', '/api/audit', { cookie: c })).body,
});

let lowdb: TestServer;
let participant: { token: string };
let before: Awaited<ReturnType<typeof read>>;

beforeAll(async () => {
  if (!runUrl) return;
  // The deployment to move: on lowdb, whatever store this run is testing.
  lowdb = await startTestServer({ config: { databaseUrl: undefined, databaseSchema: undefined } });
  const cookie = lowdb.adminCookie;
  const sections = (await lowdb.api('GET', `/api/documents/${DOC}`, { cookie })).body.sections;
  const p = await lowdb.person({ role: 'participant', name: 'Élise Martin', country: 'FR' });
  participant = p;
  const thread = await lowdb.api('POST', `/api/documents/${DOC}/threads`, { cookie: p.cookie, body: { sectionId: sections[1].id, kind: 'editorial', body: 'Une remarque.' } });
  const reply = await lowdb.api('POST', `/api/threads/${thread.body.id}/replies`, { cookie, body: { body: 'Noted, thank you.' } });
  const version = await lowdb.api('POST', `/api/documents/${DOC}/versions`, { cookie, body: { name: 'Before the move' } });
  if ([thread.status, reply.status, version.status].join() !== '201,201,201') throw new Error(`setting up the folder failed: ${thread.status} ${reply.status} ${version.status}`);
  before = await read(lowdb, cookie);
  await lowdb.server.close();
}, SLOW);

afterAll(async () => {
  if (!runUrl) return;
  await lowdb.close().catch(() => {});
  const admin = postgres(runUrl, { max: 1, onnotice: () => {} });
  for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}, SLOW);

describe.skipIf(!runUrl)('npm run migrate -- --from DIR', () => {
  it('copies everything, checks it, serves it as before, and a second run changes nothing', async () => {
    const target = await emptyDatabase();
    const first = await migrateCli(lowdb.dataDir, target);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Checked: every count and every document state matches/);
    const once = await counts(target);
    expect(once.threads).toBe(1);
    expect(once.document_updates).toBe(SEED_IDS.length);

    const second = await migrateCli(lowdb.dataDir, target);
    expect(second.code).toBe(0);
    expect(await counts(target)).toEqual(once);

    // Served from the database: the same answers, and the same sign-in link still works.
    const pg = await startTestServer({ config: { databaseUrl: target, databaseSchema: undefined } });
    try {
      const after = await read(pg, pg.adminCookie);
      expect(after.documents).toEqual(before.documents);
      expect(after.threads).toEqual(before.threads);
      expect(after.sections).toEqual(before.sections);
      expect(after.versions).toEqual(before.versions);
      // Everything from the folder, in order, after the one line of the test's own sign-in here.
      expect(after.audit.slice(1)).toEqual(before.audit);
      expect(after.audit[0].action).toBe('session.sign-in');
      await expect(signIn(pg.url, participant.token)).resolves.toMatch(/=/);
    } finally {
      await pg.close();
    }
  }, SLOW);

  it('refuses a database a server already started on, and changes nothing there', async () => {
    const target = await emptyDatabase();
    const other = await startTestServer({ config: { databaseUrl: target, databaseSchema: undefined } });
    await other.close();
    const held = await counts(target);
    const run = await migrateCli(lowdb.dataDir, target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not in this folder/);
    expect(await counts(target)).toEqual(held);
  }, SLOW);

  it('refuses a folder that holds no Accord data', async () => {
    const run = await migrateCli(ROOT + '/docs', await emptyDatabase());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds no Accord data/);
  }, SLOW);
});
