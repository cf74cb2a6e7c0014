/**
 * Putting a comment's proposed wording into the live text, and taking it back out. Both edit the
 * text in one transaction that every connected editor sees at once (wordingEdit.ts) and store the
 * thread with it: applying accepts the thread; undoing puts the old words back, with their
 * formatting, and the thread's status and answer as they were before. Both are audit-logged.
 */
import type { PersonRecord } from '../storage/records.ts';
import type { AppliedRecord, ThreadRecord } from '../storage/threadRecords.ts';
import type { Thread } from '../../shared/api.ts';
import { authorize } from '../rights.ts';
import { DomainError, errors } from '../errors.ts';
import { documentOf, liveThread, nowIso, presentAndPublish, type ThreadDeps } from './common.ts';
import { replaceWording } from './wordingEdit.ts';

const alreadyApplied = () => errors.conflict('already_applied', 'This proposed wording has already been applied.').saying('error.apply.alreadyApplied');
const notApplied = () => errors.conflict('not_applied', 'This comment’s wording is not in the text (it was never applied, or the apply was already undone).').saying('error.apply.notApplied');

/**
 * Puts the thread's proposed wording in place of the words it is anchored to and marks the thread
 * accepted. Refused with 409, changing nothing, when the text is gone or the range cannot be
 * replaced safely.
 */
export async function applyProposal(deps: ThreadDeps, actor: PersonRecord, threadId: string, response: string | null | undefined): Promise<Thread> {
  const thread = await liveThread(deps, threadId);
  authorize(actor, 'thread.apply', await documentOf(deps, thread.documentId));
  const proposed = thread.proposedText;
  const anchor = thread.anchor;
  if (!proposed) throw errors.conflict('no_proposal', 'This comment proposes no wording to apply.').saying('error.apply.noProposal');
  if (!anchor) throw errors.conflict('no_anchor', 'This comment is about a whole section; put its wording into the text by hand.').saying('error.apply.noAnchor');
  if (thread.applied) throw alreadyApplied();
  const at = nowIso(deps);
  const finalResponse = response?.trim() || thread.response || 'The proposed wording was applied to the text.';

  const { updated, replacedText } = await replaceWording(deps, {
    documentId: thread.documentId,
    anchor,
    check: () => {},
    replacement: proposed,
    origin: { apply: threadId },
    store: async (newAnchor, replaced) => {
      const stored = await deps.threads.update(threadId, (t) => {
        // Another apply of the same thread may have been stored meanwhile.
        if (t.applied) throw alreadyApplied();
        if (t.withdrawnAt) throw errors.notFound('thread');
        t.applied = { at, byId: actor.id, replacedText: replaced.text, replacedRuns: replaced.runs, insertedText: proposed, before: { status: t.status, response: t.response } };
        t.status = 'accepted';
        t.response = finalResponse;
        t.anchor = newAnchor;
        t.dispositions.push({ status: 'accepted', response: finalResponse, assigneeId: t.assigneeId, byId: actor.id, at });
        t.updatedAt = at;
      });
      if (!stored) throw errors.notFound('thread');
      return { updated: stored, replacedText: replaced.text };
    },
  });
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'thread.apply', target: threadId, detail: { documentId: thread.documentId, ref: thread.ref, replaced: replacedText, with: proposed } });
  if (thread.status !== 'accepted') await deps.notifier?.threadAnswered(updated, actor);
  return presentAndPublish(deps, updated);
}

/** The status and answer before the apply; for records from before they were kept, read from the history. */
function answerBefore(thread: ThreadRecord, applied: AppliedRecord): { status: ThreadRecord['status']; response: string | null } {
  if (applied.before) return applied.before;
  const index = thread.dispositions.findLastIndex((d) => d.at === applied.at && d.byId === applied.byId);
  const previous = index > 0 ? thread.dispositions[index - 1] : undefined;
  return previous ? { status: previous.status, response: previous.response } : { status: 'open', response: null };
}

/**
 * Undoes an apply: the words it put in are replaced by the words it took out, and the thread gets
 * back the status and answer it had. Refused with 409, changing nothing, when the applied words have
 * been changed since (someone edited them: putting the old words back would undo their edit too).
 */
export async function undoApply(deps: ThreadDeps, actor: PersonRecord, threadId: string): Promise<Thread> {
  const thread = await liveThread(deps, threadId);
  authorize(actor, 'thread.apply', await documentOf(deps, thread.documentId));
  const applied = thread.applied;
  if (!applied || !thread.anchor) throw notApplied();
  const inserted = applied.insertedText ?? thread.proposedText ?? '';
  const before = answerBefore(thread, applied);
  const at = nowIso(deps);
  const textChanged = () => errors.conflict('text_changed', 'The applied words have been changed in the text since; put the old words back by hand.').saying('error.apply.textChanged');

  const updated = await replaceWording(deps, {
    documentId: thread.documentId,
    anchor: thread.anchor,
    check: (found) => {
      if (found !== inserted) throw textChanged();
    },
    replacement: applied.replacedRuns ?? applied.replacedText,
    origin: { undoApply: threadId },
    store: async (newAnchor) => {
      const stored = await deps.threads.update(threadId, (t) => {
        // Undone, or applied again, meanwhile: this request's check no longer holds.
        if (t.applied?.at !== applied.at) throw notApplied();
        if (t.withdrawnAt) throw errors.notFound('thread');
        t.applied = null;
        t.status = before.status;
        t.response = before.response;
        t.anchor = newAnchor;
        t.dispositions.push({ status: before.status, response: before.response, assigneeId: t.assigneeId, byId: actor.id, at });
        t.updatedAt = at;
      });
      if (!stored) throw errors.notFound('thread');
      return stored;
    },
  }).catch((error: unknown) => {
    // The words are gone altogether: they too were changed since.
    if (error instanceof DomainError && (error.code === 'text_gone' || error.code === 'cannot_apply')) throw textChanged();
    throw error;
  });
  await deps.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: 'thread.unapply',
    target: threadId,
    detail: { documentId: thread.documentId, ref: thread.ref, removed: inserted, restored: applied.replacedText, from: thread.status, to: before.status },
  });
  return presentAndPublish(deps, updated);
}
