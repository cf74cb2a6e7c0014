/**
 * The threads the mail catch-up at start looks at: those answered or replied to since a moment, found
 * by the store (on lowdb and PostgreSQL alike) rather than by reading every comment of every document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { newThreadRecord } from '../helpers/threadRecords.ts';
import type { NewThreadRecord } from '../../server/storage/threadRecords.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const BEFORE = '2025-03-01T10:00:00.000Z';
const SINCE = '2025-03-02T00:00:00.000Z';
const AFTER = '2025-03-03T10:00:00.000Z';

const thread = (documentId: string, body: string, change: Partial<NewThreadRecord> = {}): NewThreadRecord =>
  newThreadRecord({ documentId, body, createdAt: BEFORE, ...change });

const answered = (at: string) => ({ status: 'noted' as const, dispositions: [{ status: 'noted' as const, response: 'Noted.', assigneeId: null, byId: 'wg', at }] });
const replied = (at: string) => ({ replies: [{ id: randomUUID(), authorId: 'someone', body: 'A reply.', createdAt: at }] });

describe('threads answered or replied to since a moment', () => {
  it('are those with a disposition or a reply at or after it, in every document, withdrawn ones included', async () => {
    t = await startTestServer();
    const threads = t.server.services.threads;
    const [first, second] = SEED_IDS;
    await threads.insert(thread(first, 'untouched'), 'XX');
    await threads.insert(thread(first, 'answered before'), 'XX');
    await threads.update((await threads.list(first)).at(-1)!.id, (th) => Object.assign(th, answered(BEFORE)));
    await threads.insert(thread(first, 'answered after', answered(AFTER)), 'XX');
    await threads.insert(thread(first, 'answered at the moment', answered(SINCE)), 'XX');
    await threads.insert(thread(second, 'replied after', replied(AFTER)), 'XX');
    await threads.insert(thread(second, 'replied before', replied(BEFORE)), 'XX');
    await threads.insert(thread(second, 'withdrawn, answered after', { ...answered(AFTER), withdrawnAt: AFTER }), 'XX');

    const found = await threads.answeredOrRepliedSince(SINCE);
    expect(found.map((th) => th.body).toSorted()).toEqual(['answered after', 'answered at the moment', 'replied after', 'withdrawn, answered after']);
    expect(found.find((th) => th.body === 'replied after')).toMatchObject({ documentId: second, ref: expect.stringMatching(/^XX-/) });
  });
});
