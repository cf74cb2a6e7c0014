/**
 * The sockets' heartbeat reads every open socket's session at once (SessionService.resolveMany). It
 * must say exactly what one read per socket (resolve) says, on either store: an idle session has
 * ended (and is deleted), as has a deactivated person's; an unknown id resolves to nobody.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStores, type Stores } from '../../server/storage/stores.ts';
import { createSessionService } from '../../server/people/sessions.ts';
import { hashSecret } from '../../server/people/tokens.ts';
import { createLogger } from '../../server/log.ts';
import type { PersonRecord } from '../../server/storage/records.ts';
import { dropTestSchema, tempDataDir, testConfig } from '../helpers/testServer.ts';

const HOUR = 3_600_000;
const opened: Array<{ stores: Stores; dir: string }> = [];

afterEach(async () => {
  for (const { stores, dir } of opened.splice(0)) {
    await stores.close();
    await dropTestSchema(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

const personNamed = (id: string, active = true): PersonRecord => ({
  id,
  name: id,
  email: `${id}@example.org`,
  role: 'participant',
  country: 'FR',
  organisation: '',
  stakeholder: 'civil-society',
  tokenHash: hashSecret(`token-${id}`),
  active,
  createdAt: '2026-01-01T00:00:00.000Z',
});

async function setUp() {
  const dir = tempDataDir();
  const stores = await openStores(testConfig(dir), createLogger('silent'));
  opened.push({ stores, dir });
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const sessions = createSessionService(stores.records, 8 * HOUR, () => clock);
  return { records: stores.records, sessions, tick: (ms: number) => (clock += ms) };
}

describe('reading many sessions at once', () => {
  it('says what reading each alone says, and ends the same sessions', async () => {
    const { records, sessions, tick } = await setUp();
    for (const id of ['ana', 'ben', 'cleo']) await records.people.insert(personNamed(id));
    const old = (await sessions.signIn('token-ana'))!.sessionId;
    tick(7 * HOUR);
    const ana = (await sessions.signIn('token-ana'))!.sessionId;
    const ben = (await sessions.signIn('token-ben'))!.sessionId;
    const cleo = (await sessions.signIn('token-cleo'))!.sessionId;
    await records.people.update('cleo', { active: false });
    tick(2 * HOUR);

    // Two sockets of one session, a session idle for 9 hours, a deactivated person, an unknown id, none.
    const asked = [ana, ana, ben, old, cleo, 'no-such-session', undefined];
    const many = await sessions.resolveMany(asked);
    expect([...many.keys()].toSorted()).toEqual([ana, ben, old, cleo, 'no-such-session'].toSorted());
    expect(many.get(ana)?.id).toBe('ana');
    expect(many.get(ben)?.id).toBe('ben');
    expect(many.get(old)).toBeNull();
    expect(many.get(cleo)).toBeNull();
    expect(many.get('no-such-session')).toBeNull();

    // The idle session was deleted, the others kept.
    expect(await records.sessions.get(hashSecret(old))).toBeUndefined();
    expect(await records.sessions.get(hashSecret(ana))).toBeDefined();
    for (const id of [ana, ben, old, cleo, 'no-such-session']) expect((await sessions.resolve(id))?.id ?? null).toBe(many.get(id)?.id ?? null);
  });

  it('keeps the sessions it reads going, as any use does', async () => {
    const { records, sessions, tick } = await setUp();
    for (const id of ['dora', 'eli']) await records.people.insert(personNamed(id));
    const dora = (await sessions.signIn('token-dora'))!.sessionId;
    const eli = (await sessions.signIn('token-eli'))!.sessionId;
    const start = Date.parse('2026-03-02T09:00:00.000Z');
    // Read by the heartbeat every 7 hours, neither session goes 8 hours unused.
    for (let i = 1; i <= 3; i++) {
      tick(7 * HOUR);
      const read = await sessions.resolveMany([dora, eli]);
      expect([read.get(dora)?.id, read.get(eli)?.id]).toEqual(['dora', 'eli']);
      // The touches are written in the background.
      const seenAt = new Date(start + 7 * HOUR * i).toISOString();
      await expect.poll(async () => Promise.all([dora, eli].map(async (id) => (await records.sessions.get(hashSecret(id)))?.lastSeenAt))).toEqual([seenAt, seenAt]);
    }
  });

  it('answers an empty list with an empty map', async () => {
    const { sessions } = await setUp();
    expect((await sessions.resolveMany([])).size).toBe(0);
    expect((await sessions.resolveMany([undefined])).size).toBe(0);
  });
});
