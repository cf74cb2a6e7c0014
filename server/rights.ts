/**
 * Who may do what on a document: the role matrix (shared/access.ts) applied with the person's role
 * on that document. The Secretariat takes part in every document; anyone else only in the documents
 * they are a member of. For anyone else a document does not exist: the refusal is the very error an
 * unknown id gets, so that no answer tells a document's existence to someone outside it.
 */
import { allowedOn, type Action } from '../shared/access.ts';
import { PHASE_LABELS, ROLE_LABELS, type Role } from '../shared/domain.ts';
import type { DocumentRecord, PersonRecord, Records } from './storage/records.ts';
import { errors } from './errors.ts';

/**
 * A person as they act on one document: `role` is their role there. Every route that reaches a
 * document makes the signed-in person a Member of it before any command runs (http/authorize.ts);
 * authorize() reads only a Member's role, so no check can use a person's invitation role by mistake.
 */
export type Member = PersonRecord & { readonly documentId: string };

/** The person's role on the document, or null when they do not take part in it. */
export async function roleOn(records: Records, person: PersonRecord, documentId: string): Promise<Role | null> {
  if (person.role === 'secretariat') return 'secretariat';
  return (await records.memberships.get(documentId, person.id))?.role ?? null;
}

/** The document and the person as a member of it, or null when either is missing. */
export async function memberOrNull(records: Records, person: PersonRecord, documentId: string): Promise<{ document: DocumentRecord; member: Member } | null> {
  const [document, role] = await Promise.all([records.documents.get(documentId), roleOn(records, person, documentId)]);
  if (!document || !role) return null;
  return { document, member: { ...person, role, documentId } };
}

/** The document and the person as a member of it; not_found, the same for both, when either is missing. */
export async function documentFor(records: Records, person: PersonRecord, documentId: string): Promise<{ document: DocumentRecord; member: Member }> {
  const found = await memberOrNull(records, person, documentId);
  if (!found) throw errors.notFound('document');
  return found;
}

const isMember = (person: PersonRecord | Member): person is Member => 'documentId' in person && typeof person.documentId === 'string';

/** The role to check: the member's on this document; a person who is not one is a mistake of ours. */
function roleFor(person: PersonRecord | Member, document: DocumentRecord): Role {
  if (isMember(person)) {
    if (person.documentId !== document.id) throw errors.notFound('document');
    return person.role;
  }
  if (person.role === 'secretariat') return 'secretariat';
  // Every route that reaches a document makes the person a Member of it first (documentFor).
  throw new Error(`Rights on ${document.id} were checked without the person's membership`);
}

/** The role matrix on one document: a forbidden error that says why, in the users' words. */
export function authorize(person: PersonRecord | Member, action: Action, document: DocumentRecord): void {
  const role = roleFor(person, document);
  if (allowedOn(role, action, document)) return;
  if (document.archived) throw errors.forbidden('This document is archived: it can be read and exported, but no longer changed or commented on.').saying('error.rights.archived');
  throw errors
    .forbidden(`${ROLE_LABELS[role]}s cannot do this while the document is in ${PHASE_LABELS[document.phase].toLowerCase()}.`)
    // ICU select keys cannot hold a hyphen: working-group and final-review are spelt with _ there.
    .saying('error.rights.phase', { role: role.replace('-', '_'), phase: document.phase.replace('-', '_') });
}
