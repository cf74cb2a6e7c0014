/**
 * When a person was first and last seen: written at sign-in, then at most once every few minutes
 * per person, however many requests arrive (a read must not become a write each time), and never
 * with the request waiting for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { diskHeld } from '../helpers/diskFaults.ts';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLowdbRecords } from '../../server/storage/lowdbRecords.ts';
import { createSessionService } from '../../server/people/sessions.ts';
import { hashSecret } from '../../server/people/tokens.ts';
import type { Records } from '../../server/storage/records.ts';

const MINUTE = 60_000;
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

async function setUp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-seen-'));
  dirs.push(dir);
  const records: Records = await openLowdbRecords(dir);
  const person = { id: 'p1', name: 'Ana', email: 'ana@example.org', role: 'participant' as const, country: 'PT', organisation: '', stakeholder: 'government' as const, tokenHash: hashSecret('token-1'), active: true, createdAt: '2026-01-01T00:00:00.000Z' };
  await records.people.insert(person);
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  let personWrites = 0;
  const update = records.people.update.bind(records.people);
  records.people.update = (id, patch, role) => {
    personWrites++;
    return update(id, patch, role);
  };
  const sessions = createSessionService(records, 24 * 60 * MINUTE, () => clock);
  return { records, sessions, tick: (ms: number) => (clock += ms), writes: () => personWrites };
}

describe('last seen', () => {
  it('is set with the first sign-in, which a later sign-in keeps', async () => {
    const { records, sessions, tick } = await setUp();
    expect((await records.people.get('p1'))?.lastSeenAt).toBeUndefined();
    await sessions.signIn('token-1');
    expect(await records.people.get('p1')).toMatchObject({ firstSignInAt: '2026-03-02T09:00:00.000Z', lastSeenAt: '2026-03-02T09:00:00.000Z' });
    tick(60 * MINUTE);
    await sessions.signIn('token-1');
    expect(await records.people.get('p1')).toMatchObject({ firstSignInAt: '2026-03-02T09:00:00.000Z', lastSeenAt: '2026-03-02T10:00:00.000Z' });
  });

  it('is written at most once in five minutes, also under a burst of parallel requests', async () => {
    const { records, sessions, tick, writes } = await setUp();
    const { sessionId } = (await sessions.signIn('token-1'))!;
    const afterSignIn = writes();
    tick(4 * MINUTE);
    await Promise.all(Array.from({ length: 50 }, () => sessions.resolve(sessionId)));
    expect(writes()).toBe(afterSignIn);
    tick(2 * MINUTE);
    await Promise.all(Array.from({ length: 50 }, () => sessions.resolve(sessionId)));
    expect(writes()).toBe(afterSignIn + 1);
    // Written in the background: the requests did not wait for it.
    await vi.waitFor(async () => expect((await records.people.get('p1'))?.lastSeenAt).toBe('2026-03-02T09:06:00.000Z'));
  });

  it('is written without the request waiting for the disk, as is the touch of the session', async () => {
    const { records, sessions, tick } = await setUp();
    const { sessionId } = (await sessions.signIn('token-1'))!;
    // Every write of the records file now waits until released.
    const { held, restore } = diskHeld();
    tick(6 * MINUTE);
    expect((await sessions.resolve(sessionId))?.id).toBe('p1');
    await vi.waitFor(() => expect(held.length).toBeGreaterThan(0));
    restore();
    held.splice(0).forEach((release) => release());
    await vi.waitFor(async () => {
      expect((await records.people.get('p1'))?.lastSeenAt).toBe('2026-03-02T09:06:00.000Z');
      expect((await records.sessions.get(hashSecret(sessionId)))?.lastSeenAt).toBe('2026-03-02T09:06:00.000Z');
    });
    await records.close();
  });
});
