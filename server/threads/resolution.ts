/**
 * Resolution: the working group's dispositions (one thread or many), applying a proposed wording to
 * the live text, and the author's reply to the answer. Every disposition is kept in the thread's
 * history and in the audit log.
 */
import * as Y from 'yjs';
import type { ThreadStatus } from '../../shared/domain.ts';
import type { PersonRecord } from '../storage/records.ts';
import type { AuthorReaction, ThreadRecord } from '../storage/threadRecords.ts';
import { anchorInText, decodePosition } from '../documents/anchors.ts';
import { plainText } from '../documents/text.ts';
import { authorize } from '../http/authorize.ts';
import { errors } from '../http/errors.ts';
import { documentOf, liveThread, nowIso, presentAndPublish, type ThreadDeps } from './common.ts';
import type { Thread } from '../../shared/api.ts';

export interface Disposition {
  status?: ThreadStatus;
  response?: string | null;
  assigneeId?: string | null;
}

/** The working group's answer: status, reasoning, assignee. Every change is kept in the history. */
export async function disposeThread(deps: ThreadDeps, actor: PersonRecord, threadId: string, change: Disposition): Promise<ThreadRecord> {
  const thread = await liveThread(deps, threadId);
  authorize(actor, 'thread.dispose', await documentOf(deps, thread.documentId));
  if (change.assigneeId) {
    const assignee = await deps.records.people.get(change.assigneeId);
    if (!assignee?.active || (assignee.role !== 'working-group' && assignee.role !== 'secretariat')) {
      throw errors.invalidInput('assigneeId: threads are assigned to an active working-group or Secretariat member');
    }
  }
  const status = change.status ?? thread.status;
  const response = change.response === undefined ? thread.response : change.response?.trim() || null;
  if (status !== 'open' && !response) {
    throw errors.invalidInput('response: a disposition other than "open" needs the working group\'s reasoning');
  }
  const at = nowIso(deps);
  const updated = (await deps.threads.update(threadId, (t) => {
    t.status = status;
    t.response = response;
    if (change.assigneeId !== undefined) t.assigneeId = change.assigneeId;
    t.dispositions.push({ status, response, assigneeId: t.assigneeId, byId: actor.id, at });
    t.updatedAt = at;
  }))!;
  if (change.status !== undefined && change.status !== thread.status) {
    await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'thread.disposition', target: threadId, detail: { documentId: thread.documentId, from: thread.status, to: status } });
  }
  if (status !== thread.status || response !== thread.response) await deps.notifier?.threadAnswered(updated, actor);
  return updated;
}

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
 */
export async function applyProposal(deps: ThreadDeps, actor: PersonRecord, threadId: string, response: string | null | undefined): Promise<Thread> {
  const thread = await liveThread(deps, threadId);
  authorize(actor, 'thread.apply', await documentOf(deps, thread.documentId));
  const proposed = thread.proposedText;
  const anchor = thread.anchor;
  if (!proposed) throw errors.conflict('no_proposal', 'This comment proposes no wording to apply.');
  if (!anchor) throw errors.conflict('no_anchor', 'This comment is about a whole section; put its wording into the text by hand.');
  if (thread.applied) throw errors.conflict('already_applied', 'This proposed wording has already been applied.');

  const result = await deps.collab.rooms.use(thread.documentId, (room) => {
    const start = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.start), room.doc);
    const end = Y.createAbsolutePositionFromRelativePosition(decodePosition(anchor.end), room.doc);
    const text = start?.type;
    // Yjs exposes whether a type was deleted only through its item.
    // oxlint-disable-next-line no-underscore-dangle
    if (!start || !end || !(text instanceof Y.XmlText) || text !== end.type || text._item?.deleted) {
      throw errors.conflict('cannot_apply', 'The commented words were deleted or now run across paragraphs; change the text by hand.');
    }
    if (end.index <= start.index) throw errors.conflict('text_gone', 'The commented words have been deleted; change the text by hand.');
    const replacedText = plainText(text).slice(start.index, end.index);
    const attributes = attributesAt(text, start.index);
    room.doc.transact(() => {
      text.delete(start.index, end.index - start.index);
      text.insert(start.index, proposed, attributes);
    }, APPLY_ORIGIN);
    // The old end is deleted with the words; the thread now points at the words that replaced them.
    return { replacedText, anchor: anchorInText(text, start.index, start.index + proposed.length) };
  });

  const at = nowIso(deps);
  const finalResponse = response?.trim() || thread.response || 'The proposed wording was applied to the text.';
  const updated = (await deps.threads.update(threadId, (t) => {
    t.status = 'accepted';
    t.response = finalResponse;
    t.anchor = result.anchor;
    t.applied = { at, byId: actor.id, replacedText: result.replacedText };
    t.dispositions.push({ status: 'accepted', response: finalResponse, assigneeId: t.assigneeId, byId: actor.id, at });
    t.updatedAt = at;
  }))!;
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'thread.apply', target: threadId, detail: { documentId: thread.documentId, replaced: result.replacedText, with: proposed } });
  if (thread.status !== 'accepted') await deps.notifier?.threadAnswered(updated, actor);
  return presentAndPublish(deps, updated);
}

/** The same disposition for several threads of one document; all are checked before any changes. */
export async function disposeMany(deps: ThreadDeps, actor: PersonRecord, documentId: string, threadIds: string[], change: Disposition): Promise<Thread[]> {
  authorize(actor, 'thread.dispose', await documentOf(deps, documentId));
  const threads = await Promise.all(threadIds.map((id) => liveThread(deps, id)));
  if (threads.some((t) => t.documentId !== documentId)) throw errors.invalidInput('threadIds: every thread must belong to this document');
  const results: Thread[] = [];
  for (const thread of threads) results.push(await presentAndPublish(deps, await disposeThread(deps, actor, thread.id, change)));
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
