/** Which people the list shows: by role, stakeholder group, country, active or not, and words in name, email or organisation. */
import type { Role, Stakeholder } from '../../shared/domain.ts';
import { countryName } from './countries.ts';
import type { ManagedPerson } from './peopleApi.ts';

export interface PeopleFilter {
  text: string;
  role: Role | '';
  stakeholder: Stakeholder | '';
  country: string;
  status: 'all' | 'active' | 'inactive';
}

export const NO_FILTER: PeopleFilter = { text: '', role: '', stakeholder: '', country: '', status: 'all' };

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
    if (!words.length) return true;
    const haystack = fold(`${p.name} ${p.email} ${p.organisation} ${countryName(p.country)}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** Alphabetical by name, so a person is found where one expects them. */
export function byName(a: ManagedPerson, b: ManagedPerson): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
}
