/**
 * The filters of the comments panel, as plain data, and the one function that applies them. Kept
 * apart from the components so the list, the counts and the outline badges agree.
 */
import type { Thread } from '../../shared/api.ts';
import type { Stakeholder, ThreadKind, ThreadStatus } from '../../shared/domain.ts';
import { currentLanguage } from '../i18n/intl.ts';
import { countryName } from './format.ts';
import type { PlacedThread } from './types.ts';

export interface ThreadFilters {
  sectionId: string;
  kind: ThreadKind | '';
  status: ThreadStatus | 'answered' | '';
  stakeholder: Stakeholder | '';
  country: string;
  authorId: string;
  mine: boolean;
  unanswered: boolean;
  unassigned: boolean;
  assignedToMe: boolean;
  search: string;
}

export const NO_FILTERS: ThreadFilters = {
  sectionId: '',
  kind: '',
  status: '',
  stakeholder: '',
  country: '',
  authorId: '',
  mine: false,
  unanswered: false,
  unassigned: false,
  assignedToMe: false,
  search: '',
};

export function activeFilterCount(filters: ThreadFilters): number {
  return (Object.keys(NO_FILTERS) as Array<keyof ThreadFilters>).filter((key) => filters[key] !== NO_FILTERS[key]).length;
}

const words = (thread: Thread, quote: string) =>
  [quote, thread.body, thread.proposedText ?? '', thread.response ?? '', thread.author.name, thread.author.organisation, ...thread.replies.map((r) => r.body)]
    .join('\n')
    .toLocaleLowerCase('en');

export function matches(placed: PlacedThread, filters: ThreadFilters, personId: string): boolean {
  const { thread } = placed;
  if (filters.sectionId && placed.sectionId !== filters.sectionId) return false;
  if (filters.kind && thread.kind !== filters.kind) return false;
  if (filters.status === 'answered' ? thread.status === 'open' : filters.status && thread.status !== filters.status) return false;
  if (filters.stakeholder && thread.author.stakeholder !== filters.stakeholder) return false;
  if (filters.country && thread.author.country !== filters.country) return false;
  if (filters.authorId && thread.author.id !== filters.authorId) return false;
  if (filters.mine && thread.author.id !== personId) return false;
  if (filters.unanswered && thread.status !== 'open') return false;
  if (filters.unassigned && thread.assigneeId !== null) return false;
  if (filters.assignedToMe && thread.assigneeId !== personId) return false;
  const search = filters.search.trim().toLocaleLowerCase('en');
  if (search && !words(thread, placed.quote).includes(search)) return false;
  return true;
}

/** The countries and authors that occur, for the filter menus, sorted by name. */
export function filterChoices(threads: readonly Thread[]) {
  const countries = new Map<string, string>();
  const authors = new Map<string, string>();
  for (const thread of threads) {
    if (thread.author.country) countries.set(thread.author.country, countryName(thread.author.country));
    if (thread.author.id) authors.set(thread.author.id, thread.author.name);
  }
  const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], currentLanguage());
  return { countries: [...countries].toSorted(byName), authors: [...authors].toSorted(byName) };
}
