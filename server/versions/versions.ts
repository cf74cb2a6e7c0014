/**
 * Versions: named or automatic full copies of a document's text, read back section by section, and
 * restored as a new change (never by rewinding history, so nobody's later work silently vanishes from
 * the record: the restore itself is an edit like any other).
 */
import * as Y from 'yjs';
import type { Language } from '../../shared/i18n/languages.ts';
import type { VersionLabel, VersionSummary, VersionText } from '../../shared/versions.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { VersionRecord, VersionRepo } from '../storage/versionRecords.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import { readSectionTexts, TEXT_FIELD } from '../documents/text.ts';
import { restoreBlocks } from './restoreText.ts';
import { authorize } from '../rights.ts';
import { errors } from '../errors.ts';
import { newId } from '../people/tokens.ts';
import { labelOf, localName } from './versionNames.ts';
import { translate } from '../i18n.ts';

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

/** A version as the reader of `language` sees it: an automatic version's name in that language. */
export async function presentVersion(deps: VersionDeps, v: VersionRecord, language: Language = 'en'): Promise<VersionSummary> {
  const creator = v.createdBy ? await deps.records.people.get(v.createdBy) : undefined;
  return {
    id: v.id,
    name: localName(v, language),
    label: labelOf(v),
    createdAt: v.createdAt,
    createdBy: creator?.name ?? (v.automatic ? translate(language, 'versions.automaticCreator') : null),
    phase: v.phase,
    automatic: v.automatic,
  };
}

/** Takes a version of the text as it is now, named by a person. */
export function takeVersion(deps: VersionDeps, actor: PersonRecord, documentId: string, name: string, language: Language = 'en'): Promise<VersionSummary> {
  return storeVersion(deps, actor, documentId, { name, label: null }, language);
}

/**
 * Takes a version by itself (at a phase change, before a restore). Its label is stored, and its
 * English name beside it for the audit log and older readers of the record.
 */
export function takeAutomaticVersion(deps: VersionDeps, documentId: string, label: VersionLabel): Promise<VersionSummary> {
  const createdAt = new Date().toISOString();
  return storeVersion(deps, null, documentId, { name: localName({ name: '', automatic: true, label, createdAt }, 'en'), label, createdAt });
}

async function storeVersion(
  deps: VersionDeps,
  actor: PersonRecord | null,
  documentId: string,
  naming: { name: string; label: VersionLabel | null; createdAt?: string },
  language: Language = 'en',
): Promise<VersionSummary> {
  const { name, label } = naming;
  const automatic = actor === null;
  const document = await documentOf(deps, documentId);
  if (actor) authorize(actor, 'version.create', document);
  const state = await deps.collab.rooms.use(documentId, (room) => Y.encodeStateAsUpdate(room.doc));
  const version: VersionRecord = {
    id: newId(),
    documentId,
    name,
    label,
    createdAt: naming.createdAt ?? new Date().toISOString(),
    createdBy: actor?.id ?? null,
    phase: document.phase,
    automatic,
  };
  await deps.versions.insert(version, state);
  if (actor) await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'version.create', target: documentId, detail: { version: version.id, name } });
  return presentVersion(deps, version, language);
}

export async function listVersions(deps: VersionDeps, documentId: string, language: Language = 'en'): Promise<VersionSummary[]> {
  await documentOf(deps, documentId);
  const versions = await deps.versions.list(documentId);
  return Promise.all(versions.map((v) => presentVersion(deps, v, language)));
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

export async function readVersion(deps: VersionDeps, documentId: string, versionId: string, language: Language = 'en'): Promise<VersionText> {
  const { version, doc } = await versionDoc(deps, documentId, versionId);
  const { preamble, sections } = readSectionTexts(doc);
  doc.destroy();
  return { ...(await presentVersion(deps, version, language)), preamble, sections };
}

/** Puts an old version's text back as a new change, seen live by every editor. */
export async function restoreVersion(deps: VersionDeps, actor: PersonRecord, documentId: string, versionId: string, language: Language = 'en'): Promise<VersionSummary> {
  authorize(actor, 'text.edit', await documentOf(deps, documentId));
  const { version, doc: old } = await versionDoc(deps, documentId, versionId);
  // A safety copy first, so the restore itself can be undone the same way.
  await takeAutomaticVersion(deps, documentId, { kind: 'before-restore', restored: { name: version.name, createdAt: version.createdAt, label: labelOf(version) } });
  await deps.collab.rooms.use(documentId, (room) => {
    // A phase change under way holds every write to the text; its version must not miss this one.
    if (deps.collab.writesHeld(documentId)) throw errors.conflict('phase_changing', 'The document is changing phase; try again.').saying('error.phaseChanging');
    room.doc.transact(() => restoreBlocks(room.doc.getXmlFragment(TEXT_FIELD), old.getXmlFragment(TEXT_FIELD)), RESTORE_ORIGIN);
  });
  old.destroy();
  await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'version.restore', target: documentId, detail: { version: versionId, name: version.name } });
  return presentVersion(deps, version, language);
}
