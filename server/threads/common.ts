/** What the thread commands share: their dependencies, lookups, the commenting rules, publishing. */
import type { Thread } from '../../shared/api.ts';
import type { Action } from '../../shared/access.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { ThreadRecord, ThreadRepo } from '../storage/threadRecords.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import type { DocumentEvents } from '../documents/events.ts';
import { indexText, type TextIndex } from '../documents/anchors.ts';
import { authorize } from '../rights.ts';
import { errors, type DomainError } from '../errors.ts';
import { placeThread } from './present.ts';
import type { Notifier } from '../mail/notifier.ts';

export interface ThreadDeps {
  records: Records;
  threads: ThreadRepo;
  collab: CollabServer;
  events: DocumentEvents;
  audit: AuditLog;
  now?: () => Date;
  notifier?: Notifier;
}

export const nowIso = (deps: ThreadDeps) => (deps.now?.() ?? new Date()).toISOString();

export async function documentOf(deps: ThreadDeps, documentId: string): Promise<DocumentRecord> {
  const document = await deps.records.documents.get(documentId);
  if (!document) throw errors.notFound('document');
  return document;
}

export async function liveThread(deps: ThreadDeps, id: string): Promise<ThreadRecord> {
  const thread = await deps.threads.get(id);
  if (!thread || thread.withdrawnAt) throw errors.notFound('thread');
  return thread;
}

/** The role matrix, plus the consultation deadline for new words. */
export function checkCommenting(deps: ThreadDeps, person: PersonRecord, action: Action, document: DocumentRecord): void {
  authorize(person, action, document);
  if (document.phase === 'consultation' && document.deadline && Date.parse(document.deadline) <= (deps.now?.() ?? new Date()).getTime()) {
    throw errors.deadlinePassed(document.deadline);
  }
}

/**
 * The rules for changing or withdrawing one's own words, a comment or a reply alike: only their
 * author, only while the author could still comment (phase and deadline), and only while the comment
 * is unanswered, so a disposition never answers words that have since changed.
 */
export async function checkOwnWords(deps: ThreadDeps, actor: PersonRecord, thread: ThreadRecord, authorId: string, refusal: { forbidden: () => DomainError; answered: () => DomainError }): Promise<void> {
  if (authorId !== actor.id) throw refusal.forbidden();
  checkCommenting(deps, actor, 'thread.comment', await documentOf(deps, thread.documentId));
  if (thread.status !== 'open') throw refusal.answered();
}

export async function peopleById(records: Records): Promise<Map<string, PersonRecord>> {
  return new Map((await records.people.list()).map((p) => [p.id, p]));
}

export async function withIndex<T>(deps: ThreadDeps, documentId: string, fn: (index: TextIndex) => T): Promise<T> {
  return deps.collab.rooms.use(documentId, (room) => fn(indexText(room.doc)));
}

export async function presentAndPublish(deps: ThreadDeps, record: ThreadRecord): Promise<Thread> {
  const people = await peopleById(deps.records);
  const thread = await withIndex(deps, record.documentId, (index) => placeThread(record, people, index).thread);
  deps.events.publish(record.documentId, { type: 'thread', thread });
  return thread;
}

