/**
 * Which people the list shows and in what order: by role, stakeholder group, country, access and
 * sign-in, and words in name, email or organisation; by name or by when they were last seen.
 */
import type { Role, Stakeholder } from '../../shared/domain.ts';
import { formatDate } from '../components/dates.ts';
import { currentLanguage, t } from '../i18n/intl.ts';
import { countryName } from './countries.ts';
import type { ManagedPerson } from './peopleApi.ts';

export interface PeopleFilter {
  text: string;
  role: Role | '';
  stakeholder: Stakeholder | '';
  country: string;
  status: 'all' | 'active' | 'inactive' | 'never-signed-in';
  /** Not a filter: the order of the list. */
  order: PeopleOrder;
}

export type PeopleOrder = 'name' | 'last-seen';

export const NO_FILTER: PeopleFilter = { text: '', role: '', stakeholder: '', country: '', status: 'all', order: 'name' };

/** Whether anything but the order narrows the list. */
export const isFiltered = (filter: PeopleFilter): boolean => JSON.stringify({ ...filter, order: 'name' }) !== JSON.stringify(NO_FILTER);

/** "Invited, never signed in" or "Last seen 2 December 2026", in the interface language. */
export function signInStatus(person: ManagedPerson): string {
  return person.lastSeenAt ? t('people.lastSeen', { date: formatDate(person.lastSeenAt) }) : t('people.neverSignedIn');
}

/** Case and accents do not matter: "lucia" finds "Lucía". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export function filterPeople(people: readonly ManagedPerson[], filter: PeopleFilter): ManagedPerson[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return people.filter((p) => {
    if (filter.role && p.role !== filter.role) return false;
    if (filter.stakeholder && p.stakeholder !== filter.stakeholder) return false;
    if (filter.country && p.country !== filter.country) return false;
    if (filter.status === 'active' && !p.active) return false;
    if (filter.status === 'inactive' && p.active) return false;
    if (filter.status === 'never-signed-in' && (p.lastSeenAt || !p.active)) return false;
    if (!words.length) return true;
    const haystack = fold(`${p.name} ${p.email} ${p.organisation} ${countryName(p.country)}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Alphabetical by name, so a person is found where one expects them. */
export function byName(a: ManagedPerson, b: ManagedPerson): number {
  return a.name.localeCompare(b.name, currentLanguage(), { sensitivity: 'base' });
}

/** Most recently seen first; those never seen last, by name. */
export function byLastSeen(a: ManagedPerson, b: ManagedPerson): number {
  return (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? '') || byName(a, b);
}

export const sortPeople = (people: readonly ManagedPerson[], order: PeopleOrder): ManagedPerson[] => people.toSorted(order === 'last-seen' ? byLastSeen : byName);
