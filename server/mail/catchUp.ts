/**
 * Answers and replies whose e-mail was not queued. The domain stores an answer, then the notifier
 * queues its e-mail in another file; a kill -9 between the two would lose the e-mail. At start, every
 * answer and reply of the last CATCH_UP_HOURS (and since the queue exists) whose key was never queued
 * is handed to the notifier again; keys make this idempotent, and a person who chose "never" is
 * skipped as before.
 */
import type { Records } from '../storage/records.ts';
import type { ThreadRecord, ThreadRepo } from '../storage/threadRecords.ts';
import type { MailStore } from './mailStore.ts';
import type { Notifier } from './notifier.ts';

const CATCH_UP_HOURS = 48;

export async function catchUpNotifications(deps: { records: Records; threads: ThreadRepo; store: MailStore; notifier: Notifier; now: Date }): Promise<number> {
  const from = Math.max(Date.parse(deps.store.since()), deps.now.getTime() - CATCH_UP_HOURS * 3_600_000);
  const people = new Map((await deps.records.people.list()).map((p) => [p.id, p]));
  // Only the threads answered or replied to since then, not every comment of every document: with
  // 100,000 comments, reading them all made the start hold some 60 MB of them at once.
  const touched = new Map<string, ThreadRecord[]>();
  for (const thread of await deps.threads.answeredOrRepliedSince(new Date(from).toISOString())) {
    const ofDocument = touched.get(thread.documentId) ?? touched.set(thread.documentId, []).get(thread.documentId)!;
    ofDocument.push(thread);
  }
  // Handed over together, not one after another: each queues its e-mail with a store write, and the
  // store writes the changes asked for meanwhile together (jsonStore.ts). One by one, a start after
  // thousands of answers (an import, the benchmarks' data) wrote the growing queue once per e-mail.
  const handing: Array<Promise<void>> = [];
  for (const document of await deps.records.documents.list()) {
    for (const thread of touched.get(document.id) ?? []) {
      if (thread.withdrawnAt) continue;
      const queued = (key: string) => deps.store.hasKey(`${key}:${thread.authorId}`);
      for (const [index, disposition] of thread.dispositions.entries()) {
        const previous = thread.dispositions[index - 1];
        const changed = !previous || previous.status !== disposition.status || previous.response !== disposition.response;
        if (!changed || disposition.status === 'open' || Date.parse(disposition.at) < from) continue;
        if (queued(`answered:${thread.id}:${index + 1}`)) continue;
        const actor = people.get(disposition.byId);
        if (!actor) continue;
        // The thread as it stood right after this disposition, so the key and the words match it.
        const then = { ...thread, status: disposition.status, response: disposition.response, dispositions: thread.dispositions.slice(0, index + 1) };
        handing.push(deps.notifier.threadAnswered(then, actor));
      }
      for (const reply of thread.replies) {
        if (Date.parse(reply.createdAt) < from || queued(`reply:${reply.id}`)) continue;
        const actor = people.get(reply.authorId);
        if (!actor) continue;
        handing.push(deps.notifier.replied(thread, reply, actor));
      }
    }
  }
  const failed = (await Promise.allSettled(handing)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return handing.length;
}
