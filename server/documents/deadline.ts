/**
 * Moving a running phase's deadline (the current phase sent with a new deadline): no phase change,
 * no version, one audit row. A deadline already past is refused: it would close the consultation at
 * once, which is a phase change's job, not a deadline's.
 */
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import { errors } from '../errors.ts';
import { presentDocumentSummary } from './present.ts';
import type { PhaseDeps } from './documents.ts';
import { withMail } from '../mail/notifier.ts';

export async function moveDeadline(deps: PhaseDeps, actor: PersonRecord, before: DocumentRecord, deadline: string | null, now = new Date()): Promise<DocumentRecord | null> {
  if (deadline !== null && Date.parse(deadline) <= now.getTime()) {
    throw errors.invalidInput('deadline: the new deadline must be in the future').saying('error.documents.deadlineInPast');
  }
  const patch = { deadline, updatedAt: now.toISOString() };
  // Its e-mail (the notice, the reminders that are no longer due) is held before the change is stored.
  const updated = await withMail(deps.notifier?.phaseChanging(before, { ...before, ...patch }), () => deps.records.documents.update(before.id, patch));
  if (!updated) return null;
  await deps.audit.record({
    actorId: actor.id,
    actorName: actor.name,
    action: 'document.deadline',
    target: before.id,
    detail: { phase: before.phase, from: before.deadline, to: deadline },
  });
  deps.events.publish(before.id, { type: 'document', document: presentDocumentSummary(updated) });
  return updated;
}
