/**
 * Who takes part in a document: the Secretariat adds a person, changes their role on the document,
 * or takes them out. Taking someone out holds at once: their open sockets and live-event streams on
 * the document end. What they wrote stays, attributed to them.
 */
import type { MemberRole } from '../../shared/domain.ts';
import type { DocumentRecord, MembershipRecord, PersonRecord, Records } from '../storage/records.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { DocumentEvents } from '../documents/events.ts';
import { errors } from '../errors.ts';

export interface MemberDeps {
  records: Records;
  audit: AuditLog;
  events: DocumentEvents;
  /** Tells the person's open sockets to re-check their rights (and close when they have none). */
  rightsChanged(personId: string): Promise<void>;
}

export interface Membership {
  person: PersonRecord;
  role: MemberRole;
}

const actorOf = (actor: PersonRecord) => ({ actorId: actor.id, actorName: actor.name });

/** Archived documents are left out when someone joins "every document" (the flag may be missing). */
export const isArchived = (document: DocumentRecord): boolean => Boolean((document as DocumentRecord & { archived?: boolean }).archived);

export async function listMembers(records: Records, documentId: string): Promise<Membership[]> {
  const [memberships, people] = await Promise.all([records.memberships.forDocument(documentId), records.people.list()]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return memberships
    .flatMap((m) => {
      const person = byId.get(m.personId);
      return person ? [{ person, role: m.role }] : [];
    })
    .toSorted((a, b) => a.person.name.localeCompare(b.person.name));
}

async function personToAdd(records: Records, personId: string): Promise<PersonRecord> {
  const person = await records.people.get(personId);
  if (!person) throw errors.notFound('person');
  if (person.role === 'secretariat') {
    throw errors.conflict('secretariat_everywhere', `${person.name} is in the Secretariat, which takes part in every document.`).saying('error.people.secretariatEverywhere', { name: person.name });
  }
  return person;
}

/** Adds the person to the document, or changes their role on it. */
export async function setMember(deps: MemberDeps, actor: PersonRecord, documentId: string, personId: string, role: MemberRole): Promise<Membership> {
  const person = await personToAdd(deps.records, personId);
  const before = await deps.records.memberships.get(documentId, personId);
  if (before?.role === role) return { person, role };
  await deps.records.memberships.set({ documentId, personId, role, addedAt: before?.addedAt ?? new Date().toISOString() });
  await deps.audit.record({
    ...actorOf(actor),
    action: before ? 'member.role' : 'member.add',
    target: documentId,
    detail: { personId, name: person.name, role, ...(before ? { from: before.role } : {}) },
  });
  if (before) await deps.rightsChanged(personId);
  return { person, role };
}

/** Takes the person out of the document, at once. */
export async function removeMember(deps: MemberDeps, actor: PersonRecord, documentId: string, personId: string): Promise<void> {
  const person = await deps.records.people.get(personId);
  if (!person || !(await deps.records.memberships.remove(documentId, personId))) throw errors.notFound('member');
  await deps.audit.record({ ...actorOf(actor), action: 'member.remove', target: documentId, detail: { personId, name: person.name } });
  deps.events.endAccess(documentId, personId);
  await deps.rightsChanged(personId);
}

/**
 * The memberships of a person being invited: in `documentIds` when given (each must exist), else in
 * every document that is not archived. The Secretariat takes part in all and needs none.
 */
export async function invitationMemberships(
  records: Records,
  personId: string,
  role: PersonRecord['role'],
  documentIds: string[] | undefined,
  at: string,
): Promise<MembershipRecord[]> {
  const documents = await records.documents.list();
  let chosen: DocumentRecord[];
  if (documentIds) {
    const byId = new Map(documents.map((d) => [d.id, d]));
    const unknown = documentIds.filter((id) => !byId.has(id));
    if (unknown.length) throw errors.invalidInput(`documents: no such document: ${unknown.join(', ')}`).saying('error.people.unknownDocuments', { documents: unknown.join(', ') });
    chosen = [...new Set(documentIds)].map((id) => byId.get(id)!);
  } else {
    chosen = documents.filter((d) => !isArchived(d));
  }
  if (role === 'secretariat') return [];
  return chosen.map((d) => ({ documentId: d.id, personId, role, addedAt: at }));
}
