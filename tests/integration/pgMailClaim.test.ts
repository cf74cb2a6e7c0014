/**
 * Several processes sending one mail queue in PostgreSQL (docs/SCALING.md): each queued message is
 * taken by one of them, never by two, so nobody receives it twice.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, migrate, type Database } from '../../server/storage/pg/db.ts';
import { openPgMailStore } from '../../server/storage/pg/pgMailStore.ts';
import { postgresUnavailable, sharedDatabaseUrl } from '../helpers/scaleOut.ts';
import { queuedMessage } from '../helpers/queuedMessage.ts';

const unavailable = await postgresUnavailable();
const opened: Database[] = [];

afterEach(async () => {
  const [first] = opened;
  if (first) await first.sql.unsafe(`DROP SCHEMA IF EXISTS ${(await first.sql`SELECT current_schema() AS s`)[0]!.s} CASCADE`);
  for (const db of opened.splice(0)) await db.close();
});

const message = queuedMessage;

describe.skipIf(unavailable)(`the mail queue sent by several processes${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('gives each queued message to one sender only', async () => {
    const schema = `mailclaim_${randomBytes(6).toString('hex')}`;
    const a = await connect(sharedDatabaseUrl(), { schema, max: 4 });
    opened.push(a);
    await migrate(a.sql);
    const b = await connect(sharedDatabaseUrl(), { schema, max: 4 });
    opened.push(b);
    const [storeA, storeB] = [await openPgMailStore(a.sql), await openPgMailStore(b.sql)];
    const messages = Array.from({ length: 20 }, message);
    await storeA.enqueue({ messages });

    const taken = await Promise.all(
      messages.flatMap((m) => [storeA, storeB].map((store) => store.update(m.id, { status: 'sending', attempts: 1 }, 'queued'))),
    );
    expect(taken.filter(Boolean)).toHaveLength(messages.length);
    expect((await storeB.list()).every((m) => m.status === 'sending' && m.attempts === 1)).toBe(true);
    // A message no longer queued is not taken again.
    expect(await storeB.update(messages[0]!.id, { status: 'sending', attempts: 2 }, 'queued')).toBeUndefined();
  });
});
