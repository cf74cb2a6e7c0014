/**
 * Whom a document's comments can be assigned to: its working-group members and the Secretariat,
 * active, by name. Anyone who may answer comments on the document may see this list, so that a
 * working-group member can hand a comment to a colleague, not only take it themselves.
 */
import type { PersonRecord } from '../storage/records.ts';
import { allowedInSomePhase } from '../../shared/access.ts';
import { errors } from '../errors.ts';
import { listMembers } from '../people/members.ts';
import type { ThreadDeps } from './common.ts';

export interface Assignee {
  id: string;
  name: string;
}

export async function assigneesOf(deps: ThreadDeps, actor: PersonRecord, documentId: string): Promise<Assignee[]> {
  if (!allowedInSomePhase(actor.role, 'thread.dispose')) throw errors.forbidden('Only those who answer comments can see whom comments can be assigned to.').saying('error.threads.assignees');
  const [members, people] = await Promise.all([listMembers(deps.records, documentId), deps.records.people.list()]);
  const chosen = [
    ...members.filter((m) => m.role === 'working-group' && m.person.active).map((m) => m.person),
    ...people.filter((p) => p.role === 'secretariat' && p.active),
  ];
  return chosen.map((p) => ({ id: p.id, name: p.name })).toSorted((a, b) => a.name.localeCompare(b.name, 'en'));
}
