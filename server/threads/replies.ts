/**
 * A reply's author changing or withdrawing it, under the same rules as their own comments
 * (checkOwnWords). The earlier wording is kept in the record; a withdrawn reply stays stored, marked,
 * and no longer shows.
 */
import type { Reply } from '../../shared/api.ts';
import type { PersonRecord } from '../storage/records.ts';
import type { ReplyRecord, ThreadRecord } from '../storage/threadRecords.ts';
import { errors } from '../errors.ts';
import { checkOwnWords, liveThread, nowIso, presentAndPublish, type ThreadDeps } from './common.ts';

function liveReply(thread: ThreadRecord, replyId: string): ReplyRecord {
  const reply = thread.replies.find((r) => r.id === replyId);
  if (!reply || reply.withdrawnAt) throw errors.notFound('reply');
  return reply;
}

export async function editOwnReply(deps: ThreadDeps, actor: PersonRecord, threadId: string, replyId: string, body: string): Promise<Reply> {
  const thread = await liveThread(deps, threadId);
  const reply = liveReply(thread, replyId);
  await checkOwnWords(deps, actor, thread, reply.authorId, {
    forbidden: () => errors.forbidden('Only the author may change the words of a reply.').saying('error.threads.editOthersReply'),
    answered: () => errors.conflict('already_answered', 'This comment has been answered; its replies can no longer be changed.').saying('error.threads.answeredNoReplyEdit'),
  });
  const at = nowIso(deps);
  const updated = await deps.threads.update(threadId, (t) => {
    const stored = liveReply(t, replyId);
    (stored.previousBodies ??= []).push({ body: stored.body, replacedAt: at });
    stored.body = body;
    stored.updatedAt = at;
    t.updatedAt = at;
  });
  const presented = await presentAndPublish(deps, updated!);
  return presented.replies.find((r) => r.id === replyId)!;
}

export async function withdrawReply(deps: ThreadDeps, actor: PersonRecord, threadId: string, replyId: string): Promise<void> {
  const thread = await liveThread(deps, threadId);
  const reply = liveReply(thread, replyId);
  await checkOwnWords(deps, actor, thread, reply.authorId, {
    forbidden: () => errors.forbidden('Only the author may withdraw a reply.').saying('error.threads.withdrawOthersReply'),
    answered: () => errors.conflict('already_answered', 'This comment has been answered; its replies can no longer be withdrawn.').saying('error.threads.answeredNoReplyWithdraw'),
  });
  const at = nowIso(deps);
  const updated = await deps.threads.update(threadId, (t) => {
    liveReply(t, replyId).withdrawnAt = at;
    t.updatedAt = at;
  });
  await deps.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: 'reply.withdraw',
    target: threadId,
    detail: { documentId: thread.documentId, ref: thread.ref, replyId, body: reply.body },
  });
  await presentAndPublish(deps, updated!);
}
