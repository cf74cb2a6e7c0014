/** Documents: reading one with its live sections, and moving it between phases. */
import { textAccess } from '../../shared/access.ts';
import type { Phase } from '../../shared/domain.ts';
import type { Section } from '../../shared/sections.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import { readSections } from './text.ts';

export async function documentWithSections(
  records: Records,
  collab: CollabServer,
  id: string,
): Promise<{ document: DocumentRecord; sections: Section[] } | null> {
  const document = await records.documents.get(id);
  if (!document) return null;
  const sections = await collab.rooms.use(id, (room) => readSections(room.doc));
  return { document, sections };
}

export const accessFor = (person: PersonRecord, document: DocumentRecord) => textAccess(person.role, document.phase);

export async function changePhase(
  records: Records,
  collab: CollabServer,
  id: string,
  phase: Phase,
  deadline: string | null | undefined,
): Promise<DocumentRecord | null> {
  const patch: Partial<DocumentRecord> = { phase, updatedAt: new Date().toISOString() };
  if (deadline !== undefined) patch.deadline = deadline;
  const updated = await records.documents.update(id, patch);
  if (updated) await collab.refreshDocument(id);
  return updated ?? null;
}
