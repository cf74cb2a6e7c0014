/**
 * An edit reaches the clients of other processes without waiting for its commit (scale/roomRelay.ts),
 * and is still never lost: when the process that took it dies before its commit, a process that
 * relayed it stores it, at once when another process opens the document, and on its own after
 * UNCONFIRMED_MS otherwise. The commit is held by a lock on the update table, taken from the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import * as Y from 'yjs';
import { ADMIN_TOKEN, SEED_IDS, signIn } from '../helpers/testServer.ts';
import { connect, waitFor, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { scaleOutUnavailable, startDeployment, writeParagraph, type Deployment } from '../helpers/scaleOut.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { UNCONFIRMED_MS } from '../../server/scale/unconfirmedUpdates.ts';

const unavailable = await scaleOutUnavailable();
const [OPENED_DOC, QUIET_DOC] = SEED_IDS;

let deployment: Deployment;
let admin: string;
const clients: CollabClient[] = [];
const textOf = (doc: Y.Doc) => plainText(doc.getXmlFragment(TEXT_FIELD));
const ws = (url: string) => url.replace(/^http/, 'ws');

function client(serverIndex: number, documentId: string): CollabClient {
  const c = connect(ws(deployment.servers[serverIndex]!.url), documentId, admin);
  clients.push(c);
  return c;
}

describe.skipIf(unavailable)(`an edit relayed before its commit${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let sql: postgres.Sql;
  beforeAll(async () => {
    deployment = await startDeployment(3);
    sql = postgres(deployment.env.DATABASE_URL!, { max: 4, onnotice: () => {} });
    const url = deployment.servers[0]!.url;
    admin = await signIn(url, ADMIN_TOKEN);
    for (const id of SEED_IDS) {
      const res = await fetch(`${url}/api/documents/${id}/phase`, { method: 'POST', headers: { cookie: admin, origin: url, 'content-type': 'application/json' }, body: JSON.stringify({ phase: 'drafting' }) });
      if (res.status !== 200) throw new Error(`phase change failed: ${res.status}`);
    }
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await sql?.end();
    await deployment?.close();
  });

  /** The document's text as the database holds it. */
  async function storedText(documentId: string): Promise<string> {
    const rows = await sql<Array<{ update: Buffer }>>`SELECT update FROM ${sql(deployment.env.DATABASE_SCHEMA!)}.document_updates WHERE document_id = ${documentId} ORDER BY seq`;
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
    return textOf(doc);
  }

  it('reaches another process while the commit waits, and is stored by it when the first process dies', async () => {
    const writers = SEED_IDS.map((id) => client(0, id));
    const watchers = SEED_IDS.map((id) => client(1, id));
    await Promise.all([...writers, ...watchers].map((c) => c.synced));

    // Hold every INSERT into the update table (reads go on), as a slow commit would.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = false;
    const holder = sql.begin(async (tx) => {
      await tx.unsafe(`LOCK TABLE "${deployment.env.DATABASE_SCHEMA}".document_updates IN EXCLUSIVE MODE`);
      locked = true;
      await released;
    });
    await waitFor(() => locked, 10_000, 'the lock');

    SEED_IDS.forEach((id, i) => writeParagraph(writers[i]!.doc, `Held line of ${id}.`));
    // Before: published only once committed, so not while the lock is held.
    for (const [i, id] of SEED_IDS.entries()) await waitForDoc(watchers[i]!.doc, () => textOf(watchers[i]!.doc).includes(`Held line of ${id}.`), 5_000);

    // The process that took the edits dies; its INSERTs, waiting on the lock, never commit.
    deployment.servers[0]!.child.kill('SIGKILL');
    await deployment.servers[0]!.exited;
    await waitFor(async () => (await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO%document_updates%'`).length > 0, 10_000, 'the dead process\'s INSERTs to be cut');
    release();
    await holder;
    expect(await storedText(OPENED_DOC)).not.toContain('Held line');

    // A process opening the document first has the others store what they hold of it.
    const late = client(2, OPENED_DOC);
    await late.synced;
    expect(textOf(late.doc)).toContain(`Held line of ${OPENED_DOC}.`);
    expect(await storedText(OPENED_DOC)).toContain(`Held line of ${OPENED_DOC}.`);

    // Nobody opened the other document: the process that relayed it stores it on its own.
    await waitFor(async () => (await storedText(QUIET_DOC)).includes(`Held line of ${QUIET_DOC}.`), UNCONFIRMED_MS + 5_000, 'the relayed edit to be stored');
  }, 40_000);
});
