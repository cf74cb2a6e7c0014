/** Documents: reading one with its live sections, and moving it between phases. */
import { textAccessOn } from '../../shared/access.ts';
import type { Phase } from '../../shared/domain.ts';
import type { Section } from '../../shared/sections.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { CollabServer } from '../collab/collabServer.ts';
import { readSections } from './text.ts';
import { moveDeadline } from './deadline.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { DocumentEvents } from './events.ts';
import { presentDocumentSummary } from './present.ts';
import { authorize } from '../rights.ts';
import { takeAutomaticVersion, type VersionDeps } from '../versions/versions.ts';
import { phaseChangeVersion } from '../../shared/versionNames.ts';
import { withMail, type Notifier } from '../mail/notifier.ts';

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

export const accessFor = (person: PersonRecord, document: DocumentRecord) => textAccessOn(person.role, document);

export interface PhaseDeps extends VersionDeps {
  records: Records;
  collab: CollabServer;
  audit: AuditLog;
  events: DocumentEvents;
  notifier?: Notifier;
}

/** Moves a document to a phase; open sockets whose rights change are told at once. */
export async function changePhase(
  deps: PhaseDeps,
  actor: PersonRecord,
  id: string,
  phase: Phase,
  deadline: string | null | undefined,
): Promise<DocumentRecord | null> {
  const before = await deps.records.documents.get(id);
  if (!before) return null;
  // An archived document keeps its phase until it is brought back.
  authorize(actor, 'document.phase', before);
  if (phase === before.phase && deadline !== undefined) return moveDeadline(deps, actor, before, deadline);
  const at = new Date().toISOString();
  const patch: Partial<DocumentRecord> = { phase, updatedAt: at };
  if (deadline !== undefined) patch.deadline = deadline;
  if (phase === 'adopted' && before.phase !== 'adopted') Object.assign(patch, { adoptedAt: at, adoptedBy: actor.id });
  if (phase !== 'adopted') Object.assign(patch, { adoptedAt: null, adoptedBy: null });
  if (phase === 'consultation' && !before.consultationOpenedAt) patch.consultationOpenedAt = at;
  // The phase's e-mail is held before anything of the change is stored, and released once the phase
  // is (mail/held.ts); working it out before the writes stop keeps that pause short.
  const mail = await deps.notifier?.phaseChanging(before, { ...before, ...patch });
  // The text as it stood when the phase began, so every stage can be compared later. Writes stop
  // first, at once and for every socket (on every process), so that no edit lands between the version
  // and the new phase: the version and the text frozen in the new phase are the same.
  const release = phase !== before.phase ? await deps.collab.holdWritesEverywhere(id) : null;
  let updated: DocumentRecord | undefined;
  try {
    updated = await withMail(mail, async () => {
      if (release) await takeAutomaticVersion(deps, id, { kind: phaseChangeVersion(before.phase, phase) });
      return deps.records.documents.update(id, patch);
    });
  } finally {
    release?.(updated ? phase : null);
  }
  if (!updated) return null;
  await deps.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: 'document.phase',
    target: id,
    detail: { from: before.phase, to: phase, deadline: updated.deadline },
  });
  await deps.collab.refreshDocument(id);
  deps.events.publish(id, { type: 'document', document: presentDocumentSummary(updated) });
  return updated;
}
