/**
 * The mail catch-up at start (server/mail/catchUp.ts) hands every answer and reply left without its
 * e-mail to the notifier at once, not one after another: each queues its e-mail with a store write,
 * and the store groups the writes asked for together, where one by one it rewrote the growing queue
 * once per e-mail (a start after 3,000 replies took minutes).
 */
import { describe, expect, it } from 'vitest';
import { catchUpNotifications } from '../../server/mail/catchUp.ts';
import type { Notifier } from '../../server/mail/notifier.ts';
import type { MailStore } from '../../server/mail/mailStore.ts';
import type { Records, PersonRecord } from '../../server/storage/records.ts';
import type { ThreadRecord, ThreadRepo } from '../../server/storage/threadRecords.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const replier = { id: 'p-1', name: 'Rui Costa' } as PersonRecord;

function thread(n: number): ThreadRecord {
  return {
    id: `t-${n}`,
    documentId: 'doc',
    authorId: 'p-2',
    dispositions: [],
    replies: [{ id: `r-${n}`, authorId: replier.id, body: 'A reply.', createdAt: '2026-12-03T09:00:00.000Z' }],
    withdrawnAt: null,
  } as unknown as ThreadRecord;
}

describe('the mail catch-up at start', () => {
  it('hands every reply to the notifier before waiting for any of them', async () => {
    const threads = [thread(1), thread(2), thread(3)];
    const handed: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const notifier = {
      replied: async (_thread: ThreadRecord, reply: { id: string }) => {
        handed.push(reply.id);
        if (handed.length === threads.length) release();
        // Each waits until all were handed over: one after another, the first would wait for ever.
        await released;
      },
      threadAnswered: async () => {},
    } as unknown as Notifier;
    const records = {
      people: { list: async () => [replier] },
      documents: { list: async () => [{ id: 'doc' }] },
    } as unknown as Records;
    const repo = { answeredOrRepliedSince: async () => threads } as unknown as ThreadRepo;
    const store = { since: () => '2026-12-01T00:00:00.000Z', hasKey: () => false } as unknown as MailStore;
    const timeout = new Promise<'stuck'>((resolve) => setTimeout(() => resolve('stuck'), 2000).unref());
    const outcome = await Promise.race([catchUpNotifications({ records, threads: repo, store, notifier, now: NOW }), timeout]);
    expect(outcome).toBe(3);
    expect(handed.toSorted()).toEqual(['r-1', 'r-2', 'r-3']);
  });
});
