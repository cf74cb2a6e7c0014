/** Checks an invitation before it is sent, in the same terms as the server, and places the server's own field errors. */
import { ROLES, STAKEHOLDERS, type Role, type Stakeholder } from '../../shared/domain.ts';
import { MAX_NAME_CHARS } from '../../shared/limits.ts';
import { t } from '../i18n/intl.ts';
import { COUNTRIES } from './countries.ts';
import type { NewPerson } from './peopleApi.ts';

export type InviteFields = Record<Exclude<keyof NewPerson, 'language'>, string>;
export type InviteErrors = Partial<Record<keyof InviteFields, string>>;

export const EMPTY_INVITE: InviteFields = { name: '', email: '', role: '', country: '', organisation: '', stakeholder: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.code));

export function validateInvite(fields: InviteFields, existingEmails: ReadonlySet<string>): InviteErrors {
  const errors: InviteErrors = {};
  const name = fields.name.trim();
  const email = fields.email.trim().toLowerCase();
  if (!name) errors.name = t('invite.error.name');
  else if (name.length > MAX_NAME_CHARS) errors.name = t('invite.error.nameTooLong', { max: MAX_NAME_CHARS });
  if (!email) errors.email = t('invite.error.email');
  else if (!EMAIL.test(email)) errors.email = t('invite.error.emailShape');
  else if (existingEmails.has(email)) errors.email = t('invite.error.emailTaken');
  if (!ROLES.includes(fields.role as Role)) errors.role = t('invite.error.role');
  if (!COUNTRY_CODES.has(fields.country)) errors.country = t('invite.error.country');
  if (!STAKEHOLDERS.includes(fields.stakeholder as Stakeholder)) errors.stakeholder = t('invite.error.stakeholder');
  if (fields.organisation.trim().length > MAX_NAME_CHARS) errors.organisation = t('invite.error.organisationTooLong', { max: MAX_NAME_CHARS });
  return errors;
}

/** The server names the field first ("email: …"); such a message belongs beside that field. */
export function fieldOfServerMessage(message: string): { field: keyof InviteFields; message: string } | null {
  const match = /^(name|email|role|country|organisation|stakeholder): (.+)$/.exec(message);
  if (!match?.[1] || !match[2]) return null;
  return { field: match[1] as keyof InviteFields, message: match[2].charAt(0).toUpperCase() + match[2].slice(1) };
}

export function toNewPerson(fields: InviteFields): NewPerson {
  return {
    name: fields.name.trim(),
    email: fields.email.trim(),
    role: fields.role as Role,
    country: fields.country,
    organisation: fields.organisation.trim(),
    stakeholder: fields.stakeholder as Stakeholder,
  };
}
