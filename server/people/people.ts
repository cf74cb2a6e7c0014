/**
 * People: invitations, changes, deactivation, and the bootstrap Secretariat account. Each person gets
 * a sign-in token in their invitation link; only its hash is kept, so a lost link is replaced with a
 * new one (which ends the old), never shown again.
 */
import type { Role, Stakeholder } from '../../shared/domain.ts';
import type { Language } from '../../shared/notifications.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import type { AuditLog } from '../storage/auditLog.ts';
import type { SessionService } from './sessions.ts';
import { hashSecret, newId, newSecret } from './tokens.ts';
import { invitationMemberships } from './members.ts';
import { withMail, type PendingMail } from '../mail/notifier.ts';

export interface NewPerson {
  name: string;
  email: string;
  role: Role;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
  language?: Language;
}

export type PersonChange = Partial<NewPerson> & { active?: boolean };

export interface PeopleDeps {
  records: Records;
  audit: AuditLog;
  sessions: SessionService;
  /** Tells open sockets of the person to re-check their rights. */
  rightsChanged(personId: string): Promise<void>;
}

export class PersonConflict extends Error {}

const actorOf = (actor: PersonRecord) => ({ actorId: actor.id, actorName: actor.name });

/** The address belongs to someone else's account; names them, for the refusal's words. */
export class EmailTaken extends Error {
  constructor(
    readonly holder: string,
    readonly email: string,
  ) {
    super(`${holder} already has an account with ${email}. Give them a new sign-in link instead.`);
  }
}

/** One account per email address: a second invitation to the same person is a mistake. */
async function refuseTakenEmail(deps: PeopleDeps, email: string, exceptId?: string): Promise<void> {
  const wanted = email.trim().toLowerCase();
  const taken = (await deps.records.people.list()).find((p) => p.id !== exceptId && p.email.trim().toLowerCase() === wanted);
  if (taken) throw new EmailTaken(taken.name, email);
}

/**
 * Invites a person into `documents` (each must exist), or without them into every document that is
 * not archived; the person and their memberships are stored in one write, or nothing is. `invitation`,
 * when given, holds the e-mail carrying the sign-in link before the person is stored (the link's
 * token exists only here), so that the person and their invitation are stored together.
 */
export async function invitePerson(
  deps: PeopleDeps,
  actor: PersonRecord,
  fields: NewPerson,
  documents?: string[],
  invitation?: (person: PersonRecord, token: string) => Promise<PendingMail>,
): Promise<{ person: PersonRecord; token: string }> {
  const id = newId();
  const createdAt = new Date().toISOString();
  const memberships = await invitationMemberships(deps.records, id, fields.role, documents, createdAt);
  await refuseTakenEmail(deps, fields.email);
  const token = newSecret();
  const person: PersonRecord = { id, ...fields, tokenHash: hashSecret(token), active: true, createdAt, firstSignInAt: null };
  await withMail(invitation?.(person, token), () => deps.records.people.insert(person, memberships).then(() => true));
  await deps.audit.record({ ...actorOf(actor), action: 'person.invite', target: person.id, detail: { name: person.name, role: person.role } });
  return { person, token };
}

export async function changePerson(deps: PeopleDeps, actor: PersonRecord, id: string, change: PersonChange): Promise<PersonRecord | null> {
  const before = await deps.records.people.get(id);
  if (!before) return null;
  if (change.email !== undefined) await refuseTakenEmail(deps, change.email, id);
  if (id === actor.id && (change.active === false || (change.role && change.role !== before.role))) {
    throw new PersonConflict('You cannot deactivate yourself or change your own role; ask another Secretariat member.');
  }
  // A new role holds on every document the person takes part in; one document's role is changed on
  // its members instead (members.ts).
  const memberRole = change.role && change.role !== 'secretariat' && change.role !== before.role ? change.role : undefined;
  const after = await deps.records.people.update(id, change, memberRole);
  if (!after) return null;
  const changed = Object.fromEntries(
    Object.entries(change).filter(([key, value]) => before[key as keyof PersonRecord] !== value),
  );
  if (Object.keys(changed).length === 0) return after;
  const action = change.active === false && before.active ? 'person.deactivate' : change.active && !before.active ? 'person.reactivate' : 'person.update';
  await deps.audit.record({ ...actorOf(actor), action, target: id, detail: changed });
  if (!after.active) await deps.sessions.endAllFor(id);
  else if (change.role && change.role !== before.role) await deps.rightsChanged(id);
  return after;
}

/** A new invitation link; the old one stops working. */
export async function renewInvitation(deps: PeopleDeps, actor: PersonRecord, id: string): Promise<{ person: PersonRecord; token: string } | null> {
  const token = newSecret();
  const person = await deps.records.people.update(id, { tokenHash: hashSecret(token) });
  if (!person) return null;
  await deps.audit.record({ ...actorOf(actor), action: 'person.renew-link', target: id, detail: {} });
  return { person, token };
}

/**
 * Makes sure the first Secretariat account exists. Returns its token when it is known: always with
 * ADMIN_TOKEN (which becomes its token), otherwise only when the account was just created.
 */
export async function ensureBootstrapAccount(records: Records, adminToken: string | undefined): Promise<{ person: PersonRecord; token: string | null }> {
  const existing = await records.people.findBootstrap();
  if (existing) {
    if (adminToken && existing.tokenHash !== hashSecret(adminToken)) {
      const updated = await records.people.update(existing.id, { tokenHash: hashSecret(adminToken) });
      return { person: updated ?? existing, token: adminToken };
    }
    return { person: existing, token: adminToken ?? null };
  }
  const token = adminToken ?? newSecret();
  const person: PersonRecord = {
    id: newId(),
    name: 'Secretariat',
    email: 'secretariat@example.org',
    role: 'secretariat',
    country: 'FR',
    organisation: 'Secretariat',
    stakeholder: 'international',
    tokenHash: hashSecret(token),
    active: true,
    createdAt: new Date().toISOString(),
    firstSignInAt: null,
    bootstrap: true,
  };
  await records.people.insert(person);
  return { person, token };
}
