/**
 * Resolution: the working group's dispositions (one thread or many) and the author's reply to the
 * answer (applying a proposed wording is in apply.ts). Every disposition is kept in the thread's
 * history and in the audit log.
 */
import type { ThreadStatus } from '../../shared/domain.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import type { AuthorReaction, ThreadRecord } from '../storage/threadRecords.ts';
import { authorize, roleOn } from '../rights.ts';
import { errors } from '../errors.ts';
import { documentOf, liveThread, nowIso, presentAndPublish, type ThreadDeps } from './common.ts';
import type { Thread } from '../../shared/api.ts';
import { ownEditOf, type OwnEdit } from './threads.ts';

export interface Disposition {
  status?: ThreadStatus;
  response?: string | null;
  assigneeId?: string | null;
}

/**
 * Checks a disposition of `thread` by `actor` and returns the change to make; the caller stores it in
 * the same write as the rest of its request. Every change is kept in the history.
 */
async function dispositionOf(deps: ThreadDeps, actor: PersonRecord, thread: ThreadRecord, document: DocumentRecord, change: Disposition, at: string): Promise<(t: ThreadRecord) => void> {
  authorize(actor, 'thread.dispose', document);
  if (change.assigneeId) {
    const assignee = await deps.records.people.get(change.assigneeId);
    const role = assignee && (await roleOn(deps.records, assignee, thread.documentId));
    if (!assignee?.active || (role !== 'working-group' && role !== 'secretariat')) {
      throw errors.invalidInput('assigneeId: threads are assigned to an active working-group or Secretariat member').saying('error.threads.badAssignee');
    }
  }
  const outcome = (t: ThreadRecord) => {
    const status = change.status ?? t.status;
    const response = change.response === undefined ? t.response : change.response?.trim() || null;
    if (status !== 'open' && !response) {
      throw errors.invalidInput('response: a disposition other than "open" needs the working group\'s reasoning').saying('error.threads.responseNeeded');
    }
    return { status, response };
  };
  outcome(thread);
  return (t) => {
    // Decided again on the stored thread, inside the write: it may have changed since it was read.
    if (t.withdrawnAt) throw errors.notFound('thread');
    const { status, response } = outcome(t);
    t.status = status;
    t.response = response;
    if (change.assigneeId !== undefined) t.assigneeId = change.assigneeId;
    t.dispositions.push({ status, response, assigneeId: t.assigneeId, byId: actor.id, at });
    t.updatedAt = at;
  };
}

/** The audit row of a changed status, and the e-mail to the author of a changed answer. */
async function recordDisposition(deps: ThreadDeps, actor: PersonRecord, before: ThreadRecord, after: ThreadRecord): Promise<void> {
  if (after.status !== before.status || after.response !== before.response) await deps.notifier?.threadAnswered(after, actor);
  if (after.status === before.status) return;
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'thread.disposition', target: after.id, detail: { documentId: after.documentId, ref: after.ref, from: before.status, to: after.status } });
}

/**
 * One change of a thread: the author's own words, the working group's answer, or both. Each part is
 * checked on its own rights, all before anything is written, and both are stored in one write: a
 * request refused for one part changes nothing.
 */
export async function changeThread(deps: ThreadDeps, actor: PersonRecord, threadId: string, own: OwnEdit | null, disposition: Disposition | null): Promise<ThreadRecord> {
  const thread = await liveThread(deps, threadId);
  const document = await documentOf(deps, thread.documentId);
  const at = nowIso(deps);
  const changes: Array<(t: ThreadRecord) => void> = [];
  if (own) changes.push(ownEditOf(deps, actor, thread, document, own, at));
  if (disposition) changes.push(await dispositionOf(deps, actor, thread, document, disposition, at));
  const updated = await deps.threads.update(threadId, (t) => changes.forEach((change) => change(t)));
  if (!updated) throw errors.notFound('thread');
  await recordDisposition(deps, actor, thread, updated);
  return updated;
}

/** The working group's answer: status, reasoning, assignee. */
export const disposeThread = (deps: ThreadDeps, actor: PersonRecord, threadId: string, change: Disposition): Promise<ThreadRecord> =>
  changeThread(deps, actor, threadId, null, change);

/** The same disposition for several threads of one document: all are checked, then all are stored in one write. */
export async function disposeMany(deps: ThreadDeps, actor: PersonRecord, documentId: string, threadIds: string[], change: Disposition): Promise<Thread[]> {
  const document = await documentOf(deps, documentId);
  authorize(actor, 'thread.dispose', document);
  const ids = [...new Set(threadIds)];
  const threads = await Promise.all(ids.map((id) => liveThread(deps, id)));
  // A thread of another document is no thread here: the same answer as an unknown id, so that no one
  // learns of threads in documents they do not take part in.
  if (threads.some((t) => t.documentId !== documentId)) throw errors.notFound('thread');
  const at = nowIso(deps);
  const changes = new Map<string, (t: ThreadRecord) => void>();
  for (const thread of threads) changes.set(thread.id, await dispositionOf(deps, actor, thread, document, change, at));
  const updated = await deps.threads.updateMany(documentId, ids, (t) => changes.get(t.id)!(t));
  // A thread withdrawn between the check and the write.
  if (!updated) throw errors.notFound('thread');
  for (const [i, thread] of threads.entries()) await recordDisposition(deps, actor, thread, updated[i]!);
  const results: Thread[] = [];
  for (const record of updated) results.push(await presentAndPublish(deps, record));
  return results;
}

/** The author says whether they accept the working group's answer or maintain their objection. */
export async function recordReaction(
  deps: ThreadDeps,
  actor: PersonRecord,
  threadId: string,
  reaction: AuthorReaction,
  statement: string | null | undefined,
): Promise<Thread> {
  const thread = await liveThread(deps, threadId);
  if (thread.authorId !== actor.id) throw errors.forbidden('Only the author of a comment can answer its disposition.').saying('error.threads.answerOthers');
  if (thread.status === 'open') throw errors.conflict('not_answered', 'This comment has not been answered yet.').saying('error.threads.notAnswered');
  const document = await documentOf(deps, thread.documentId);
  if (document.phase === 'adopted') throw errors.forbidden('The document has been adopted.').saying('error.threads.adopted');
  const at = nowIso(deps);
  const updated = (await deps.threads.update(threadId, (t) => {
    t.authorReaction = { reaction, statement: statement?.trim() || null, at };
    t.updatedAt = at;
  }))!;
  return presentAndPublish(deps, updated);
}
