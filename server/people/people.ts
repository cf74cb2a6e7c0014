/**
 * People: invitations and the bootstrap Secretariat account. Each person gets a sign-in token once
 * (in their invitation link); only its hash is kept.
 */
import type { Role, Stakeholder } from '../../shared/domain.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import { hashSecret, newId, newSecret } from './tokens.ts';

export interface NewPerson {
  name: string;
  email: string;
  role: Role;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
}

export async function invitePerson(records: Records, fields: NewPerson): Promise<{ person: PersonRecord; token: string }> {
  const token = newSecret();
  const person: PersonRecord = {
    id: newId(),
    ...fields,
    tokenHash: hashSecret(token),
    active: true,
    createdAt: new Date().toISOString(),
  };
  await records.people.insert(person);
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
    bootstrap: true,
  };
  await records.people.insert(person);
  return { person, token };
}
