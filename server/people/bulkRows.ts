/**
 * The rules for one row of a bulk invitation, judged against the whole list and the people already
 * invited. Lists come from spreadsheets kept in English or French, so a role, a stakeholder group, a
 * country or a language may be written as its code or its name in either language. Pure: reads and
 * writes nothing.
 */
import { z } from 'zod';
import type { BulkColumn, BulkRow, BulkRowVerdict } from '../../shared/bulkInvite.ts';
import { COUNTRIES, isCountryCode } from '../../shared/countries.ts';
import type { Role, Stakeholder } from '../../shared/domain.ts';
import { MAX_NAME_CHARS } from '../../shared/limits.ts';
import type { Language } from '../../shared/notifications.ts';
import type { NewPerson } from './people.ts';

/** Case, accents, hyphens and extra spaces do not matter: "Société civile" is "societe civile". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

const words = <T extends string>(table: Record<T, string[]>): Map<string, T> =>
  new Map(Object.entries<string[]>(table).flatMap(([value, names]) => [value, ...names].map((name) => [fold(name), value as T] as const)));

const ROLE_WORDS = words<Role>({
  secretariat: ['Secretariat', 'Secrétariat'],
  'working-group': ['Working group', 'Groupe de travail'],
  participant: ['Participant', 'Participante'],
  reviewer: ['Permanent Correspondent', 'Correspondant permanent', 'Correspondante permanente'],
});
const STAKEHOLDER_WORDS = words<Stakeholder>({
  government: ['Government', 'Gouvernement'],
  'civil-society': ['Civil society', 'Société civile', 'NGO', 'ONG'],
  international: ['International organisation', 'International organization', 'Organisation internationale', 'Internationale'],
  other: ['Autre'],
});
const LANGUAGE_WORDS = words<Language>({ en: ['English', 'Anglais'], fr: ['French', 'Français'] });
const COUNTRY_NAMES = new Map(COUNTRIES.map((c) => [fold(c.name), c.code]));

const Email = z.string().email();

export interface JudgedRow {
  verdict: BulkRowVerdict;
  /** The person to create, when the row has no problem. */
  person: NewPerson | null;
}

function countryOf(cell: string): string | null {
  const code = cell.trim().toUpperCase();
  if (isCountryCode(code)) return code;
  return COUNTRY_NAMES.get(fold(cell)) ?? null;
}

/**
 * Judges every row. `existing` maps the folded e-mail addresses already invited to their holder's
 * name. A row repeating an earlier row's address is refused; the earlier one is kept.
 */
export function judgeRows(rows: readonly BulkRow[], defaultRole: Role, existing: ReadonlyMap<string, string>): JudgedRow[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((cells, index) => {
    const row = index + 1;
    const problems: BulkRowVerdict['problems'] = [];
    const problem = (field: BulkColumn, message: string) => problems.push({ field, message });

    const name = cells.name.trim();
    if (!name) problem('name', 'The name is missing.');
    else if (name.length > MAX_NAME_CHARS) problem('name', `The name is longer than ${MAX_NAME_CHARS} characters.`);

    const email = cells.email.trim();
    const key = email.toLowerCase();
    if (!email) problem('email', 'The e-mail address is missing.');
    else if (email.length > MAX_NAME_CHARS || !Email.safeParse(email).success) problem('email', `“${email}” is not an e-mail address.`);
    else if (existing.has(key)) problem('email', `${existing.get(key)} already has an account with this address.`);
    else if (firstRowOf.has(key)) problem('email', `The same address is on row ${firstRowOf.get(key)}.`);
    else firstRowOf.set(key, row);

    const country = countryOf(cells.country);
    if (!cells.country.trim()) problem('country', 'The country is missing.');
    else if (!country) problem('country', `“${cells.country.trim()}” is not a country code (ISO 3166-1, such as FR or BE).`);

    const organisation = cells.organisation.trim();
    if (organisation.length > MAX_NAME_CHARS) problem('organisation', `The organisation is longer than ${MAX_NAME_CHARS} characters.`);

    const stakeholder = STAKEHOLDER_WORDS.get(fold(cells.stakeholder));
    if (!cells.stakeholder.trim()) problem('stakeholder', 'The stakeholder group is missing (government, civil society, international organisation or other).');
    else if (!stakeholder) problem('stakeholder', `“${cells.stakeholder.trim()}” is not a stakeholder group (government, civil society, international organisation or other).`);

    const role = cells.role.trim() ? ROLE_WORDS.get(fold(cells.role)) : defaultRole;
    if (!role) problem('role', `“${cells.role.trim()}” is not a role (participant, working group, Permanent Correspondent or Secretariat).`);

    const language = cells.language.trim() ? LANGUAGE_WORDS.get(fold(cells.language)) : 'en';
    if (!language) problem('language', `“${cells.language.trim()}” is not a language Accord writes in (en or fr).`);

    const verdict: BulkRowVerdict = {
      row,
      person: { name, email, role: role ?? null, country: country ?? cells.country.trim(), organisation, stakeholder: stakeholder ?? cells.stakeholder.trim(), language: language ?? cells.language.trim() },
      problems,
    };
    const ok = problems.length === 0 && role && country && stakeholder && language;
    return { verdict, person: ok ? { name, email, role, country, organisation, stakeholder, language } : null };
  });
}
