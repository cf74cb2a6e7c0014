/**
 * The mail lease of each process on a shared PostgreSQL queue (docs/SCALING.md): a process recovers
 * e-mail another left in flight (taken to send, or held until its change is stored) only once that
 * process's lease has expired, never while it runs.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { connect, migrate, type Database } from '../../server/storage/pg/db.ts';
import { openPgMailStore } from '../../server/storage/pg/pgMailStore.ts';
import { pgRecords } from '../../server/storage/pg/pgRecords.ts';
import { createSender } from '../../server/mail/sender.ts';
import { createHolding } from '../../server/mail/held.ts';
import { createTransport } from '../../server/mail/transport.ts';
import type { HeldBatch, MailStore, QueuedMessage } from '../../server/mail/mailStore.ts';
import { createLogger } from '../../server/log.ts';
import { postgresUnavailable, sharedDatabaseUrl } from '../helpers/scaleOut.ts';
import { mailConfig, eventually } from '../helpers/mailServer.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { ADMIN_TOKEN, signIn, tempDataDir } from '../helpers/testServer.ts';
import { queuedMessage } from '../helpers/queuedMessage.ts';

const unavailable = await postgresUnavailable();
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).toReversed()) await cleanup();
});

const message = queuedMessage;

/** A batch held for a person who was never stored: settled, it is dropped. */
const heldBy = (owner: string): HeldBatch => ({
  id: randomUUID(),
  cause: { kind: 'person', personId: randomUUID(), tokenHash: 'never-stored' },
  heldAt: new Date().toISOString(),
  owner,
  messages: [message()],
  digestItems: [],
  reminders: [],
});

async function database(schema: string): Promise<Database> {
  const db = await connect(sharedDatabaseUrl(), { schema, max: 4 });
  cleanups.push(() => db.close());
  await migrate(db.sql);
  return db;
}

const statusOf = async (store: MailStore, id: string) => (await store.get(id))?.status;

describe.skipIf(unavailable)(`the mail lease of each process${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('recovers what a process took or held only once its lease has expired', async () => {
    const schema = `maillease_${randomBytes(6).toString('hex')}`;
    const [a, b] = [await database(schema), await database(schema)];
    cleanups.push(async () => void (await a.sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)));
    const storeA = await openPgMailStore(a.sql);
    const storeB = await openPgMailStore(b.sql);
    cleanups.push(() => storeB.close());
    const [mine, gone] = [message(), message()];
    await storeA.enqueue({ messages: [mine, gone] });
    // The first process is sending one; a process that no longer exists (no lease) left the other.
    expect(await storeA.update(mine.id, { status: 'sending', attempts: 1, owner: storeA.owner }, 'queued')).toBeTruthy();
    expect(await storeA.update(gone.id, { status: 'sending', attempts: 1, owner: 'a-process-long-gone' }, 'queued')).toBeTruthy();
    const [heldByA, heldByGone] = [heldBy(storeA.owner), heldBy('a-process-long-gone')];
    await storeA.hold(heldByA);
    await storeA.hold(heldByGone);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-lease-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const config = mailConfig();
    const log = createLogger('silent');
    const senderB = createSender({ store: storeB, transport: await createTransport(config, dir), config, clock: () => new Date(), log });
    cleanups.push(() => senderB.stop());
    const holdingB = createHolding({ store: storeB, records: pgRecords(b.sql), log, now: () => new Date(), sent: () => {} });

    expect(await holdingB.reconcile()).toEqual({ released: 0, dropped: 1 });
    expect(await senderB.recover()).toBe(1);
    expect(await statusOf(storeB, gone.id)).toBe('queued');
    expect(await statusOf(storeB, mine.id)).toBe('sending');
    expect((await storeB.held()).map((h) => h.id)).toEqual([heldByA.id]);

    // The first process stops renewing (killed): once its lease has expired, the second takes over.
    await a.sql`UPDATE mail_leases SET expires_at = now() - interval '1 second' WHERE owner = ${storeA.owner}`;
    expect(await holdingB.reconcile()).toEqual({ released: 0, dropped: 1 });
    expect(await senderB.recover()).toBe(1);
    expect(await storeB.get(mine.id)).toMatchObject({ status: 'queued', owner: null });
    expect(await storeB.held()).toEqual([]);
  });

  it('leaves alone, at start, the e-mail another running process is handing to the mail server', async () => {
    const schema = `maillease_${randomBytes(6).toString('hex')}`;
    // A mail server that greets and then says nothing: the first process's message stays `sending`.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.write('220 mail.example.org ESMTP\r\n');
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), silent.close(() => resolve()))));
    const env = {
      DATABASE_URL: sharedDatabaseUrl(),
      DATABASE_SCHEMA: schema,
      ADMIN_TOKEN,
      SMTP_URL: `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`,
    };
    const servers: ServerProcess[] = [];
    const start = async () => {
      const dir = tempDataDir();
      const server = await spawnServer({ ...env, DATA_DIR: dir });
      servers.push(server);
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return server;
    };
    const sql = postgres(sharedDatabaseUrl(), { max: 1, onnotice: () => {}, connection: { search_path: schema } });
    cleanups.push(async () => {
      for (const s of servers) s.child.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sql.end();
    });

    const first = await start();
    const admin = await signIn(first.url, ADMIN_TOKEN);
    const invited = await fetch(`${first.url}/api/people`, {
      method: 'POST',
      headers: { cookie: admin, origin: first.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lease Test', email: 'lease@example.org', role: 'participant', country: 'FR', organisation: 'Example', stakeholder: 'other', sendInvitation: true }),
    });
    expect(invited.status).toBe(201);
    type Row = { data: QueuedMessage };
    const sending = await eventually(async () => (await sql<Row[]>`SELECT data FROM mail_messages`).find((r) => r.data.status === 'sending')?.data);

    // A second process starts (its start recovers what stopped processes left) while the first sends.
    await start();
    const after = (await sql<Row[]>`SELECT data FROM mail_messages WHERE id = ${sending.id}`)[0]!.data;
    expect(after).toMatchObject({ status: 'sending', owner: sending.owner });
    expect(after.interruptedAt ?? null).toBeNull();

    // Killed, its lease left to expire: the next process to start recovers the message, flagged.
    first.child.kill('SIGKILL');
    await first.exited;
    await sql`UPDATE mail_leases SET expires_at = now() - interval '1 second' WHERE owner = ${sending.owner!}`;
    await start();
    const recovered = (await sql<Row[]>`SELECT data FROM mail_messages WHERE id = ${sending.id}`)[0]!.data;
    expect(recovered.interruptedAt).toBeTruthy();
    expect(recovered.owner ?? null).not.toBe(sending.owner);
  }, 60_000);
});
