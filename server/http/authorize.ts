/** The role matrix applied to one document: a 403 that says why, in the users' words. */
import { allowed, type Action } from '../../shared/access.ts';
import { PHASE_LABELS, ROLE_LABELS } from '../../shared/domain.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import { errors } from './errors.ts';

export function authorize(person: PersonRecord, action: Action, document: DocumentRecord): void {
  if (allowed(person.role, action, document.phase)) return;
  throw errors.forbidden(`${ROLE_LABELS[person.role]}s cannot do this while the document is in ${PHASE_LABELS[document.phase].toLowerCase()}.`);
}
