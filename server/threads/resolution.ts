/**
 * Resolution: the working group's dispositions (one thread or many), applying a proposed wording to
 * the live text, and the author's reply to the answer. Every disposition is kept in the thread's
 * history and in the audit log.
 */
import * as Y from 'yjs';
import type { ThreadStatus } from '../../shared/domain.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import type { AuthorReaction, ThreadRecord } from '../storage/threadRecords.ts';
import { anchorInText, decodePosition } from '../documents/anchors.ts';
import { plainText } from '../documents/text.ts';
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
      throw errors.invalidInput('assigneeId: threads are assigned to an active working-group or Secretariat member');
    }
  }
  const outcome = (t: ThreadRecord) => {
    const status = change.status ?? t.status;
    const response = change.response === undefined ? t.response : change.response?.trim() || null;
    if (status !== 'open' && !response) {
      throw errors.invalidInput('response: a disposition other than "open" needs the working group\'s reasoning');
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

const APPLY_ORIGIN = 'accord:apply';

/** Formatting of the character at `index`, so replaced words keep their bold or italics. */
function attributesAt(text: Y.XmlText, index: number): Record<string, unknown> | undefined {
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return op.attributes;
    offset += length;
  }
  return undefined;
}

/**
 * Puts the thread's proposed wording in place of the words it is anchored to, in one transaction on
 * the live document (every connected editor sees it at once), and marks the thread accepted. Refused
 * with 409, changing nothing, when the text is gone or the range cannot be replaced safely.
 *
 * The order: everything is checked first; then the text is edited and the thread stored, and should
 * the store fail, the edit is undone. The text cannot wait for the store, because the thread's new
 * anchor points at the inserted words, which exist only once inserted (a Yjs position names the
 * items it follows); and a Yjs edit cannot be held back from the editors until the store commits. So
 * a failed store is followed at once by the undo (Y.UndoManager reverts exactly this transaction,
 * also when editors typed in between), and the room is held open for the whole command so that the
 * undo reaches the same document. Nothing is awaited between the last check and the edit.
 */
export async function applyProposal(deps: ThreadDeps, actor: PersonRecord, threadId: string, response: string | null | undefined): Promise<Thread> {
  const thread = await liveThread(deps, threadId);
  authorize(actor, 'thread.apply', await documentOf(deps, thread.documentId));
  const proposed = thread.proposedText;
  const anchor = thread.anchor;
  if (!proposed) throw errors.conflict('no_proposal', 'This comment proposes no wording to apply.');
  if (!anchor) throw errors.conflict('no_anchor', 'This comment is about a whole section; put its wording into the text by hand.');
  const alreadyApplied = () => errors.conflict('already_applied', 'This proposed wording has already been applied.');
  if (thread.applied) throw alreadyApplied();
  const at = nowIso(deps);
  const finalResponse = response?.trim() || thread.response || 'The proposed wording was applied to the text.';

  const { updated, replacedText } = await deps.collab.rooms.use(thread.documentId, async (room) => {
    // A phase change under way holds every write to the text; the version it takes must not miss this one.
    if (deps.collab.writesHeld(thread.documentId)) throw errors.conflict('phase_changing', 'The document is changing phase; try again.');
    const start = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.start), room.doc);
    const end = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.end), room.doc);
    const text = start?.type;
    // Yjs exposes whether a type was deleted only through its item.
    // oxlint-disable-next-line no-underscore-dangle
    if (!start || !end || !(text instanceof Y.XmlText) || text !== end.type || text._item?.deleted) {
      throw errors.conflict('cannot_apply', 'The commented words were deleted or now run across paragraphs; change the text by hand.');
    }
    if (end.index <= start.index) throw errors.conflict('text_gone', 'The commented words have been deleted; change the text by hand.');
    const replaced = plainText(text).slice(start.index, end.index);
    const attributes = attributesAt(text, start.index);
    // An origin of this apply alone, so that the undo can only ever revert this edit.
    const origin = { apply: threadId, by: APPLY_ORIGIN };
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    room.doc.transact(() => {
      text.delete(start.index, end.index - start.index);
      text.insert(start.index, proposed, attributes);
    }, origin);
    // The old end is deleted with the words; the thread now points at the words that replaced them.
    const newAnchor = anchorInText(text, start.index, start.index + proposed.length);
    try {
      const stored = await deps.threads.update(threadId, (t) => {
        // Another apply of the same thread may have been stored meanwhile.
        if (t.applied) throw alreadyApplied();
        if (t.withdrawnAt) throw errors.notFound('thread');
        t.status = 'accepted';
        t.response = finalResponse;
        t.anchor = newAnchor;
        t.applied = { at, byId: actor.id, replacedText: replaced };
        t.dispositions.push({ status: 'accepted', response: finalResponse, assigneeId: t.assigneeId, byId: actor.id, at });
        t.updatedAt = at;
      });
      if (!stored) throw errors.notFound('thread');
      return { updated: stored, replacedText: replaced };
    } catch (error) {
      undo.undo();
      throw error;
    } finally {
      undo.destroy();
    }
  });
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'thread.apply', target: threadId, detail: { documentId: thread.documentId, ref: thread.ref, replaced: replacedText, with: proposed } });
  if (thread.status !== 'accepted') await deps.notifier?.threadAnswered(updated, actor);
  return presentAndPublish(deps, updated);
}

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
  if (thread.authorId !== actor.id) throw errors.forbidden('Only the author of a comment can answer its disposition.');
  if (thread.status === 'open') throw errors.conflict('not_answered', 'This comment has not been answered yet.');
  const document = await documentOf(deps, thread.documentId);
  if (document.phase === 'adopted') throw errors.forbidden('The document has been adopted.');
  const at = nowIso(deps);
  const updated = (await deps.threads.update(threadId, (t) => {
    t.authorReaction = { reaction, statement: statement?.trim() || null, at };
    t.updatedAt = at;
  }))!;
  return presentAndPublish(deps, updated);
}
