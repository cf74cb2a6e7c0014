/**
 * Who a document's messages go to: its active members whose role on that document is one of
 * `roles`, and, where `secretariat` is among them, the Secretariat (which takes part in every
 * document). This is the one place that decides it.
 */
import type { Role } from '../../shared/domain.ts';
import type { PersonRecord, Records } from '../storage/records.ts';

export async function recipientsOf(records: Records, documentId: string, roles: readonly Role[]): Promise<PersonRecord[]> {
  const people = new Map((await records.people.list()).filter((p) => p.active).map((p) => [p.id, p]));
  const members = (await records.memberships.forDocument(documentId)).filter((m) => roles.includes(m.role));
  const chosen: PersonRecord[] = members.flatMap((m) => {
    const person = people.get(m.personId);
    // A member's role on this document is what counts, not the role they were first invited with.
    return person ? [{ ...person, role: m.role }] : [];
  });
  if (roles.includes('secretariat')) chosen.push(...[...people.values()].filter((p) => p.role === 'secretariat'));
  return chosen;
}
