/** The role matrix applied to one document: a 403 that says why, in the users' words. */
import { allowedOn, type Action } from '../../shared/access.ts';
import { PHASE_LABELS, ROLE_LABELS } from '../../shared/domain.ts';
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import { errors } from './errors.ts';

export function authorize(person: PersonRecord, action: Action, document: DocumentRecord): void {
  if (allowedOn(person.role, action, document)) return;
  if (document.archived) throw errors.forbidden('This document is archived: it can be read and exported, but no longer changed or commented on.');
  throw errors.forbidden(`${ROLE_LABELS[person.role]}s cannot do this while the document is in ${PHASE_LABELS[document.phase].toLowerCase()}.`);
}
