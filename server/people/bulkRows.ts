/**
 * The rules for one row of a bulk invitation, judged against the whole list and the people already
 * invited. Lists come from spreadsheets kept in English or French, so a role, a stakeholder group, a
 * country or a language may be written as its code or its name in either language. Pure: reads and
 * writes nothing.
 */
import { z } from 'zod';
import type { BulkColumn, BulkProblemCode, BulkRow, BulkRowVerdict } from '../../shared/bulkInvite.ts';
import { COUNTRIES, isCountryCode } from '../../shared/countries.ts';
import type { Role, Stakeholder } from '../../shared/domain.ts';
import { MAX_NAME_CHARS } from '../../shared/limits.ts';
import type { Language } from '../../shared/notifications.ts';
import { translate } from '../i18n.ts';
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
    const problem = (field: BulkColumn, code: BulkProblemCode, values: Record<string, string | number> = {}) =>
      problems.push({ field, code, values, message: translate('en', `bulkProblem.${code}`, values) });

    const name = cells.name.trim();
    if (!name) problem('name', 'nameMissing');
    else if (name.length > MAX_NAME_CHARS) problem('name', 'nameTooLong', { max: MAX_NAME_CHARS });

    const email = cells.email.trim();
    const key = email.toLowerCase();
    if (!email) problem('email', 'emailMissing');
    else if (email.length > MAX_NAME_CHARS || !Email.safeParse(email).success) problem('email', 'emailInvalid', { email });
    else if (existing.has(key)) problem('email', 'emailTaken', { holder: existing.get(key) ?? '' });
    else if (firstRowOf.has(key)) problem('email', 'emailRepeated', { row: firstRowOf.get(key) ?? 0 });
    else firstRowOf.set(key, row);

    const country = countryOf(cells.country);
    if (!cells.country.trim()) problem('country', 'countryMissing');
    else if (!country) problem('country', 'countryUnknown', { value: cells.country.trim() });

    const organisation = cells.organisation.trim();
    if (organisation.length > MAX_NAME_CHARS) problem('organisation', 'organisationTooLong', { max: MAX_NAME_CHARS });

    const stakeholder = STAKEHOLDER_WORDS.get(fold(cells.stakeholder));
    if (!cells.stakeholder.trim()) problem('stakeholder', 'stakeholderMissing');
    else if (!stakeholder) problem('stakeholder', 'stakeholderUnknown', { value: cells.stakeholder.trim() });

    const role = cells.role.trim() ? ROLE_WORDS.get(fold(cells.role)) : defaultRole;
    if (!role) problem('role', 'roleUnknown', { value: cells.role.trim() });

    const language = cells.language.trim() ? LANGUAGE_WORDS.get(fold(cells.language)) : 'en';
    if (!language) problem('language', 'languageUnknown', { value: cells.language.trim() });

    const verdict: BulkRowVerdict = {
      row,
      person: { name, email, role: role ?? null, country: country ?? cells.country.trim(), organisation, stakeholder: stakeholder ?? cells.stakeholder.trim(), language: language ?? cells.language.trim() },
      problems,
    };
    const ok = problems.length === 0 && role && country && stakeholder && language;
    return { verdict, person: ok ? { name, email, role, country, organisation, stakeholder, language } : null };
  });
}
