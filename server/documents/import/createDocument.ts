/**
 * Makes a new document from a converted draft (or an empty one): a unique slug id, the text written
 * first, then the record in one store write. If the record cannot be written, the text is removed
 * again, so a failed creation leaves nothing behind and a listed document always has its text.
 */
import { DOCUMENT_ID_PATTERN, RESERVED_DOCUMENT_IDS } from '../../../shared/limits.ts';
import type { DocumentLanguage } from '../../../shared/documentImport.ts';
import type { DocumentRecord, PersonRecord, Records } from '../../storage/records.ts';
import type { DocumentStateStore } from '../../storage/documentState.ts';
import type { AuditLog } from '../../storage/auditLog.ts';

export interface CreateDeps {
  records: Records;
  states: DocumentStateStore;
  audit: AuditLog;
}

export interface NewDocument {
  title: string;
  /** The Yjs state of the text; an empty draft when absent. */
  state?: Uint8Array;
  reference?: string;
  language?: DocumentLanguage;
  description?: string;
  workingGroup?: string;
  editionOf?: { id: string; title: string } | null;
  /** What the audit log says it was made from. */
  source: string;
}

/** Ids being created right now: two uploads of "Guidelines" at once must not both take `guidelines`. */
const reserved = new Set<string>();

export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/g, '');
  return DOCUMENT_ID_PATTERN.test(slug) ? slug : 'document';
}

/** A free id, reserved for the caller (who must release it) before anything else can await. */
async function reserveId(deps: CreateDeps, title: string): Promise<string> {
  const base = slugOf(title);
  const taken = new Set((await deps.records.documents.list()).map((d) => d.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (taken.has(id) || reserved.has(id) || RESERVED_DOCUMENT_IDS.has(id)) continue;
    reserved.add(id);
    // A text left under this id (by a deletion cut short) must never be adopted by a new document.
    if ((await deps.states.load(id)).length === 0) return id;
    reserved.delete(id);
  }
}

export async function createDocument(deps: CreateDeps, actor: PersonRecord, input: NewDocument): Promise<DocumentRecord> {
  const id = await reserveId(deps, input.title);
  try {
    const now = new Date().toISOString();
    const record: DocumentRecord = {
      id,
      title: input.title,
      phase: 'drafting',
      deadline: null,
      createdAt: now,
      updatedAt: now,
      reference: input.reference ?? '',
      language: input.language ?? 'en',
      description: input.description ?? '',
      workingGroup: input.workingGroup ?? '',
      archived: false,
      editionOf: input.editionOf ?? null,
    };
    // Loaded on first use (draftState.ts says why).
    await deps.states.replace(id, input.state ?? (await import('../draftState.ts')).emptyDraftState());
    try {
      await deps.records.documents.insert(record);
    } catch (error) {
      await deps.states.remove(id).catch(() => undefined);
      throw error;
    }
    await deps.audit.record({ actorId: actor.id, actorName: actor.name, action: 'document.create', target: id, detail: { title: input.title, source: input.source } });
    return record;
  } finally {
    reserved.delete(id);
  }
}
