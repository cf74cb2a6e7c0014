/**
 * A document's life after it is made: its details, archiving it (read-only for everyone, still
 * exportable), deleting a draft that never opened for consultation (with everything that hangs off
 * it), and starting the next edition from an adopted or archived text.
 */
import * as Y from 'yjs';
import type { DocumentLanguage } from '../../shared/documentImport.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { DocumentStateStore } from '../storage/documentState.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import type { SignoffRepo, VersionRepo } from '../storage/versionRecords.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import type { DocumentEvents } from './events.ts';
import { errors } from '../errors.ts';
import { presentDocumentSummary } from './present.ts';
import type { JSONNode } from './markdown.ts';
import { createDocument } from './import/createDocument.ts';

export interface LifecycleDeps {
  records: Records;
  states: DocumentStateStore;
  audit: AuditLog;
  collab: CollabServer;
  events: DocumentEvents;
  threads: ThreadRepo;
  versions: VersionRepo;
  signoffs: SignoffRepo;
}

export interface DetailsPatch {
  title?: string;
  reference?: string;
  language?: DocumentLanguage;
  description?: string;
  workingGroup?: string;
}

async function documentOf(deps: Pick<LifecycleDeps, 'records'>, id: string): Promise<DocumentRecord> {
  const document = await deps.records.documents.get(id);
  if (!document) throw errors.notFound('document');
  return document;
}

const archivedRefusal = () => errors.forbidden('This document is archived: bring it back from the archive before changing it.').saying('error.documents.archived');

export async function updateDetails(deps: LifecycleDeps, actor: PersonRecord, id: string, patch: DetailsPatch): Promise<DocumentRecord> {
  const before = await documentOf(deps, id);
  if (before.archived) throw archivedRefusal();
  const updated = await deps.records.documents.update(id, { ...patch, updatedAt: new Date().toISOString() });
  if (!updated) throw errors.notFound('document');
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'document.details', target: id, detail: { ...patch } });
  deps.events.publish(id, { type: 'document', document: presentDocumentSummary(updated) });
  return updated;
}

export async function setArchived(deps: LifecycleDeps, actor: PersonRecord, id: string, archived: boolean): Promise<DocumentRecord> {
  const before = await documentOf(deps, id);
  if (!!before.archived === archived) return before;
  const at = new Date().toISOString();
  const updated = await deps.records.documents.update(id, { archived, archivedAt: archived ? at : null, updatedAt: at });
  if (!updated) throw errors.notFound('document');
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: archived ? 'document.archive' : 'document.unarchive', target: id, detail: {} });
  // Editors lose (or regain) the right to write at once.
  await deps.collab.refreshDocument(id);
  deps.events.publish(id, { type: 'document', document: presentDocumentSummary(updated) });
  return updated;
}

export interface DeletionImpact {
  id: string;
  title: string;
  deletable: boolean;
  /** Why not, when it may not be deleted. */
  reason: string | null;
  threads: number;
  replies: number;
  versions: number;
  signoffs: number;
}

export async function deletionImpact(deps: LifecycleDeps, id: string): Promise<DeletionImpact> {
  const document = await documentOf(deps, id);
  const [threads, versions, signoffs] = await Promise.all([deps.threads.list(id), deps.versions.list(id), deps.signoffs.list(id)]);
  // Versions are taken at every phase change: one from beyond drafting means it was opened once.
  const opened = !!document.consultationOpenedAt || versions.some((v) => v.phase !== 'drafting') || document.phase !== 'drafting';
  return {
    id,
    title: document.title,
    deletable: !opened,
    reason: opened ? 'This document has been open for consultation: its comments are part of the record. Archive it instead.' : null,
    threads: threads.length,
    replies: threads.reduce((sum, t) => sum + t.replies.length, 0),
    versions: versions.length,
    signoffs: signoffs.length,
  };
}

/**
 * Deletes a draft and everything that hangs off it: the record first (so nothing can open it again),
 * then its sockets are closed, then threads, versions, sign-offs and the text's log file.
 */
export async function deleteDraft(deps: LifecycleDeps, actor: PersonRecord, id: string, confirm: string): Promise<DeletionImpact> {
  const impact = await deletionImpact(deps, id);
  if (!impact.deletable) throw errors.conflict('not_deletable', impact.reason ?? 'This document cannot be deleted.').saying('error.documents.notDeletable');
  if (confirm !== id) throw errors.invalidInput(`confirm: send the document's id ("${id}") to confirm the deletion.`).saying('error.documents.confirmDeletion', { id });
  await deps.records.documents.remove(id);
  await deps.collab.refreshDocument(id);
  // A room still in memory (open, or kept for its grace period) must never write its state back.
  await deps.collab.rooms.discard(id);
  await deps.threads.removeDocument(id);
  await deps.versions.removeDocument(id);
  await deps.signoffs.removeDocument(id);
  await deps.states.remove(id);
  await deps.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: 'document.delete',
    target: id,
    detail: { title: impact.title, threads: impact.threads, replies: impact.replies, versions: impact.versions },
  });
  return impact;
}

/** Copies an adopted or archived text into a new draft: the text and details, no comments, no members. */
export async function startEdition(deps: LifecycleDeps, actor: PersonRecord, sourceId: string, title: string | undefined): Promise<DocumentRecord> {
  const source = await documentOf(deps, sourceId);
  if (source.phase !== 'adopted' && !source.archived) {
    throw errors.conflict('not_final', 'A new edition starts from an adopted or archived text. Adopt or archive this document first.').saying('error.documents.notFinal');
  }
  // Loaded on first use (draftState.ts says why).
  const { draftState, textJson } = await import('./draftState.ts');
  // A fresh history: the new draft carries the words, not the edits of the last consultation.
  const state = await deps.collab.rooms.use(sourceId, (room) => draftState(textJson(room.doc)));
  return createDocument(deps, actor, {
    title: title ?? source.title,
    state,
    reference: source.reference,
    language: source.language,
    description: source.description,
    workingGroup: source.workingGroup,
    editionOf: { id: source.id, title: source.title },
    source: `edition of ${source.id}`,
  });
}

/** The text of a document as the editor's JSON, now or as a version held it. */
export async function textAsJson(state: Uint8Array | Y.Doc): Promise<JSONNode> {
  // Loaded on first use (draftState.ts says why).
  const { textJson } = await import('./draftState.ts');
  const doc = state instanceof Y.Doc ? state : new Y.Doc();
  if (!(state instanceof Y.Doc)) Y.applyUpdate(doc, state);
  return textJson(doc);
}
