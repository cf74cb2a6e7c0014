/**
 * Versions: named or automatic full copies of a document's text, read back section by section, and
 * restored as a new change (never by rewinding history, so nobody's later work silently vanishes from
 * the record: the restore itself is an edit like any other).
 */
import * as Y from 'yjs';
import type { Phase } from '../../shared/domain.ts';
import type { VersionSummary, VersionText } from '../../shared/versions.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { VersionRecord, VersionRepo } from '../storage/versionRecords.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import { readSectionTexts, TEXT_FIELD } from '../documents/text.ts';
import { restoreBlocks } from './restoreText.ts';
import { authorize } from '../rights.ts';
import { errors } from '../errors.ts';
import { newId } from '../people/tokens.ts';

export interface VersionDeps {
  records: Records;
  versions: VersionRepo;
  collab: CollabServer;
  audit: AuditLog;
}

const RESTORE_ORIGIN = 'accord:restore';

async function documentOf(deps: VersionDeps, documentId: string): Promise<DocumentRecord> {
  const document = await deps.records.documents.get(documentId);
  if (!document) throw errors.notFound('document');
  return document;
}

export async function presentVersion(deps: VersionDeps, v: VersionRecord): Promise<VersionSummary> {
  const creator = v.createdBy ? await deps.records.people.get(v.createdBy) : undefined;
  return { id: v.id, name: v.name, createdAt: v.createdAt, createdBy: creator?.name ?? (v.automatic ? 'Automatic' : null), phase: v.phase, automatic: v.automatic };
}

/** Takes a version of the text as it is now. `actor` is null for the automatic ones. */
export async function takeVersion(deps: VersionDeps, actor: PersonRecord | null, documentId: string, name: string, automatic = false): Promise<VersionSummary> {
  const document = await documentOf(deps, documentId);
  if (actor) authorize(actor, 'version.create', document);
  const state = await deps.collab.rooms.use(documentId, (room) => Y.encodeStateAsUpdate(room.doc));
  const version: VersionRecord = {
    id: newId(),
    documentId,
    name,
    createdAt: new Date().toISOString(),
    createdBy: actor?.id ?? null,
    phase: document.phase,
    automatic,
  };
  await deps.versions.insert(version, state);
  if (actor) await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'version.create', target: documentId, detail: { version: version.id, name } });
  return presentVersion(deps, version);
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * The name of the version taken when a document moves from one phase to another: what the text is
 * at that moment ("Text as consulted, closed 2 Dec 2026"), not which phase begins, so that a list of
 * them reads as the document's history.
 */
export function automaticVersionName(from: Phase, to: Phase, at: Date = new Date()): string {
  const day = DAY.format(at);
  if (to === 'adopted') return `Adopted text, ${day}`;
  if (from === 'consultation') return `Text as consulted, closed ${day}`;
  if (to === 'consultation') return `Text put out for consultation, ${day}`;
  if (to === 'final-review') return `Text sent for final review, ${day}`;
  if (from === 'final-review') return `Text as reviewed, ${day}`;
  if (to === 'revision') return `Text before revision, ${day}`;
  return `Text before the return to drafting, ${day}`;
}

export async function listVersions(deps: VersionDeps, documentId: string): Promise<VersionSummary[]> {
  await documentOf(deps, documentId);
  const versions = await deps.versions.list(documentId);
  return Promise.all(versions.map((v) => presentVersion(deps, v)));
}

async function versionOf(deps: VersionDeps, documentId: string, versionId: string): Promise<VersionRecord> {
  const version = await deps.versions.get(documentId, versionId);
  if (!version) throw errors.notFound('version');
  return version;
}

/** A version's text as its own Y.Doc. */
export async function versionDoc(deps: VersionDeps, documentId: string, versionId: string): Promise<{ version: VersionRecord; doc: Y.Doc }> {
  await documentOf(deps, documentId);
  const version = await versionOf(deps, documentId, versionId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await deps.versions.state(version));
  return { version, doc };
}

export async function readVersion(deps: VersionDeps, documentId: string, versionId: string): Promise<VersionText> {
  const { version, doc } = await versionDoc(deps, documentId, versionId);
  const { preamble, sections } = readSectionTexts(doc);
  doc.destroy();
  return { ...(await presentVersion(deps, version)), preamble, sections };
}

/** Puts an old version's text back as a new change, seen live by every editor. */
export async function restoreVersion(deps: VersionDeps, actor: PersonRecord, documentId: string, versionId: string): Promise<VersionSummary> {
  authorize(actor, 'text.edit', await documentOf(deps, documentId));
  const { version, doc: old } = await versionDoc(deps, documentId, versionId);
  // A safety copy first, so the restore itself can be undone the same way.
  await takeVersion(deps, null, documentId, `Before restoring “${version.name}” (automatic)`, true);
  await deps.collab.rooms.use(documentId, (room) => {
    // A phase change under way holds every write to the text; its version must not miss this one.
    if (deps.collab.writesHeld(documentId)) throw errors.conflict('phase_changing', 'The document is changing phase; try again.').saying('error.phaseChanging');
    room.doc.transact(() => restoreBlocks(room.doc.getXmlFragment(TEXT_FIELD), old.getXmlFragment(TEXT_FIELD)), RESTORE_ORIGIN);
  });
  old.destroy();
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'version.restore', target: documentId, detail: { version: versionId, name: version.name } });
  return presentVersion(deps, version);
}
