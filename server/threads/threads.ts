/**
 * Comment threads: opening, replying, endorsing, authors editing or withdrawing their own words.
 * Every change is stored before it is acknowledged, then published to the document's live listeners.
 * Rules come from the role matrix plus the consultation deadline.
 */
import type { Anchor, Thread } from '../../shared/api.ts';
import type { ThreadKind } from '../../shared/domain.ts';
import { MAX_QUOTE_CHARS } from '../../shared/limits.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import type { NewThreadRecord, ThreadRecord } from '../storage/threadRecords.ts';
import { checkNewAnchor, InvalidAnchor } from '../documents/anchors.ts';
import { errors } from '../errors.ts';
import { roleOn } from '../rights.ts';
import { newId } from '../people/tokens.ts';
import { inDocumentOrder, placeThread } from './present.ts';
import { checkCommenting, checkOwnWords, documentOf, liveThread, nowIso, peopleById, presentAndPublish, withIndex, type ThreadDeps } from './common.ts';
import { refPrefix } from './refs.ts';

export type { ThreadDeps } from './common.ts';

export async function listThreads(deps: ThreadDeps, documentId: string): Promise<Thread[]> {
  await documentOf(deps, documentId);
  const [records, people] = await Promise.all([deps.threads.list(documentId), peopleById(deps.records)]);
  return withIndex(deps, documentId, (index) =>
    inDocumentOrder(
      records.filter((t) => !t.withdrawnAt).map((t) => placeThread(t, people, index)),
      index,
    ),
  );
}

export interface NewThread {
  sectionId: string;
  anchor?: Anchor | null;
  kind: ThreadKind;
  body: string;
  proposedText?: string | null;
  /** The Secretariat enters a comment received by e-mail: the id of the person who sent it. */
  onBehalfOf?: string;
  /** When that comment was received (an ISO instant); the time of entry when left out. */
  receivedAt?: string;
}

/** Who the author of a new thread is: the caller, or the person the Secretariat enters it for. */
async function authorOf(deps: ThreadDeps, actor: PersonRecord, documentId: string, input: NewThread, at: string): Promise<{ author: PersonRecord; received: ThreadRecord['received'] }> {
  if (input.onBehalfOf === undefined) {
    if (input.receivedAt !== undefined) throw errors.invalidInput('receivedAt: only for a comment entered on behalf of someone (onBehalfOf)').saying('error.threads.receivedAtAlone');
    return { author: actor, received: null };
  }
  if (actor.role !== 'secretariat') throw errors.forbidden('Only the Secretariat may enter a comment on behalf of someone.').saying('error.threads.onBehalfSecretariat');
  const author = await deps.records.people.get(input.onBehalfOf);
  if (!author?.active) throw errors.invalidInput('onBehalfOf: no such person').saying('error.threads.onBehalfUnknown');
  if (!(await roleOn(deps.records, author, documentId))) throw errors.invalidInput('onBehalfOf: that person does not take part in this document').saying('error.threads.onBehalfNotMember');
  const receivedAt = input.receivedAt === undefined ? at : new Date(input.receivedAt).toISOString();
  if (receivedAt > at) throw errors.invalidInput('receivedAt: a comment cannot have been received in the future').saying('error.threads.receivedInFuture');
  return { author, received: { at: receivedAt, enteredById: actor.id } };
}

export async function openThread(deps: ThreadDeps, actor: PersonRecord, documentId: string, input: NewThread): Promise<Thread> {
  const document = await documentOf(deps, documentId);
  // The Secretariat's own rules apply to what it enters for others: it is the one writing.
  checkCommenting(deps, actor, 'thread.comment', document);
  const at = nowIso(deps);
  const { author, received } = await authorOf(deps, actor, documentId, input, at);
  const placement = await withIndex(deps, documentId, (index) => {
    if (!index.sections.some((s) => s.id === input.sectionId)) throw errors.invalidInput('sectionId: no such section in this document').saying('error.threads.noSuchSection');
    if (!input.anchor) return { quote: '' };
    try {
      const resolved = checkNewAnchor(index, input.anchor);
      if (resolved.quote.length > MAX_QUOTE_CHARS) throw errors.invalidInput(`anchor: a comment may cover at most ${MAX_QUOTE_CHARS} characters`).saying('error.threads.quoteTooLong', { max: MAX_QUOTE_CHARS });
      return { quote: resolved.quote };
    } catch (error) {
      if (error instanceof InvalidAnchor) throw errors.invalidInput(`anchor: ${error.message}`).saying('error.threads.badAnchor');
      throw error;
    }
  });
  const record: NewThreadRecord = {
    id: newId(),
    documentId,
    sectionId: input.sectionId,
    anchor: input.anchor ?? null,
    originalQuote: placement.quote,
    kind: input.kind,
    body: input.body,
    proposedText: input.proposedText || null,
    authorId: author.id,
    createdAt: at,
    updatedAt: at,
    previousBodies: [],
    status: 'open',
    response: null,
    assigneeId: null,
    dispositions: [],
    replies: [],
    endorsements: [],
    withdrawnAt: null,
    received,
  };
  const stored = await deps.threads.insert(record, refPrefix(author));
  if (received) {
    await deps.audit.record({
      actorId: actor.id,
      actorName: actor.name,
      action: 'thread.enter',
      target: stored.id,
      detail: { documentId, ref: stored.ref, authorId: author.id, authorName: author.name, receivedAt: received.at },
    });
  }
  return presentAndPublish(deps, stored);
}

export async function replyTo(deps: ThreadDeps, actor: PersonRecord, threadId: string, body: string): Promise<Thread['replies'][number]> {
  const thread = await liveThread(deps, threadId);
  checkCommenting(deps, actor, 'thread.comment', await documentOf(deps, thread.documentId));
  const reply = { id: newId(), authorId: actor.id, body, createdAt: nowIso(deps) };
  const updated = await deps.threads.update(threadId, (t) => {
    t.replies.push(reply);
    t.updatedAt = reply.createdAt;
  });
  await deps.notifier?.replied(updated!, reply, actor);
  const presented = await presentAndPublish(deps, updated!);
  return presented.replies.find((r) => r.id === reply.id)!;
}

export async function setEndorsement(deps: ThreadDeps, actor: PersonRecord, threadId: string, endorse: boolean): Promise<Thread> {
  const thread = await liveThread(deps, threadId);
  checkCommenting(deps, actor, 'thread.endorse', await documentOf(deps, thread.documentId));
  if (thread.authorId === actor.id) throw errors.conflict('own_thread', 'You cannot endorse your own comment.').saying('error.threads.endorseOwn');
  const updated = await deps.threads.update(threadId, (t) => {
    t.endorsements = t.endorsements.filter((id) => id !== actor.id);
    if (endorse) t.endorsements.push(actor.id);
  });
  return presentAndPublish(deps, updated!);
}

export interface OwnEdit {
  body?: string;
  kind?: ThreadKind;
  proposedText?: string | null;
}

/**
 * Checks that `actor` may reword `thread` now, and returns the change to make: the caller stores it,
 * alone or with other parts of the same request, in one write. The earlier wording is kept.
 */
export function ownEditOf(deps: ThreadDeps, actor: PersonRecord, thread: ThreadRecord, document: DocumentRecord, edit: OwnEdit, at: string): (t: ThreadRecord) => void {
  if (thread.authorId !== actor.id) throw errors.forbidden('Only the author may change the words of a comment.').saying('error.threads.editOthers');
  checkCommenting(deps, actor, 'thread.comment', document);
  const answered = () => errors.conflict('already_answered', 'This comment has been answered and can no longer be changed.').saying('error.threads.answeredNoEdit');
  if (thread.status !== 'open') throw answered();
  return (t) => {
    // Checked again on the stored thread: an answer may have landed since.
    if (t.status !== 'open') throw answered();
    if (edit.body !== undefined || edit.proposedText !== undefined) {
      t.previousBodies.push({ body: t.body, proposedText: t.proposedText, replacedAt: at });
    }
    if (edit.body !== undefined) t.body = edit.body;
    if (edit.proposedText !== undefined) t.proposedText = edit.proposedText || null;
    if (edit.kind !== undefined) t.kind = edit.kind;
    t.updatedAt = at;
  };
}

/** The author rewords their own open comment; the earlier wording is kept. */
export async function editOwnThread(deps: ThreadDeps, actor: PersonRecord, threadId: string, edit: OwnEdit): Promise<ThreadRecord> {
  const thread = await liveThread(deps, threadId);
  const change = ownEditOf(deps, actor, thread, await documentOf(deps, thread.documentId), edit, nowIso(deps));
  return (await deps.threads.update(threadId, change))!;
}

export async function withdrawThread(deps: ThreadDeps, actor: PersonRecord, threadId: string): Promise<void> {
  const thread = await liveThread(deps, threadId);
  await checkOwnWords(deps, actor, thread, thread.authorId, {
    forbidden: () => errors.forbidden('Only the author may withdraw a comment.').saying('error.threads.withdrawOthers'),
    answered: () => errors.conflict('already_answered', 'This comment has been answered and can no longer be withdrawn.').saying('error.threads.answeredNoWithdraw'),
  });
  await deps.threads.update(threadId, (t) => {
    t.withdrawnAt = nowIso(deps);
  });
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'thread.withdraw', target: threadId, detail: { documentId: thread.documentId, ref: thread.ref, body: thread.body } });
  deps.events.publish(thread.documentId, { type: 'thread-removed', threadId });
}

export async function publishThread(deps: ThreadDeps, record: ThreadRecord): Promise<Thread> {
  return presentAndPublish(deps, record);
}
