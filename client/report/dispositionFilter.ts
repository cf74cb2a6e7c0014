/** The filters over the disposition table, applied in the browser to the report already loaded. */
import type { Thread } from '../../shared/api.ts';
import type { Stakeholder, ThreadKind, ThreadStatus } from '../../shared/domain.ts';
import { countryName } from '../people/countries.ts';
import { fold } from '../people/peopleFilter.ts';
import type { ReportSection } from './reportApi.ts';

export interface DispositionFilter {
  section: string;
  kind: ThreadKind | '';
  status: ThreadStatus | '';
  stakeholder: Stakeholder | '';
  country: string;
  author: string;
  text: string;
}

export const NO_DISPOSITION_FILTER: DispositionFilter = { section: '', kind: '', status: '', stakeholder: '', country: '', author: '', text: '' };

export interface DispositionRow {
  /** Position in document order, from 1: the number people quote in meetings. */
  number: number;
  section: ReportSection;
  thread: Thread;
}

export function dispositionRows(sections: readonly ReportSection[]): DispositionRow[] {
  let number = 0;
  return sections.flatMap((section) => section.threads.map((thread) => ({ number: ++number, section, thread })));
}

function searchable({ thread: t, section }: DispositionRow): string {
  const replies = t.replies.map((r) => `${r.author.name} ${r.body}`).join(' ');
  return fold(
    [section.number, section.title, t.quote, t.body, t.proposedText ?? '', t.response ?? '', t.author.name, t.author.organisation, countryName(t.author.country), replies].join(' '),
  );
}

export function filterDispositions(rows: readonly DispositionRow[], f: DispositionFilter): DispositionRow[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    const t = row.thread;
    if (f.section && row.section.id !== f.section) return false;
    if (f.kind && t.kind !== f.kind) return false;
    if (f.status && t.status !== f.status) return false;
    if (f.stakeholder && t.author.stakeholder !== f.stakeholder) return false;
    if (f.country && (t.author.country || 'unknown') !== f.country) return false;
    if (f.author && t.author.id !== f.author) return false;
    if (!words.length) return true;
    const text = searchable(row);
    return words.every((word) => text.includes(word));
  });
}

/** The authors and countries present, for the filter menus, sorted by name. */
export function filterChoices(rows: readonly DispositionRow[]) {
  const authors = new Map<string, string>();
  const countries = new Set<string>();
  for (const { thread } of rows) {
    authors.set(thread.author.id, thread.author.name);
    countries.add(thread.author.country || 'unknown');
  }
  return {
    authors: [...authors].map(([id, name]) => ({ id, name })).toSorted((a, b) => a.name.localeCompare(b.name, 'en')),
    countries: [...countries].toSorted((a, b) => countryName(a).localeCompare(countryName(b), 'en')),
  };
}
