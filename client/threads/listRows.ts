/** The rows of the comments list: a header per section, then its threads, filtered; and the counts per section. */
import type { Section } from '../../shared/sections.ts';
import { matches, type ThreadFilters } from './filters.ts';
import type { PlacedThread } from './types.ts';

export type ListRow =
  | { type: 'section'; key: string; sectionId: string; section: Section | undefined; count: number }
  | { type: 'thread'; key: string; placed: PlacedThread; position: number };

export interface ListRows {
  rows: ListRow[];
  /** The filtered threads, in order. */
  threads: PlacedThread[];
}

export function buildRows(placed: readonly PlacedThread[], filters: ThreadFilters, personId: string, sections: readonly Section[]): ListRows {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const threads = placed.filter((p) => matches(p, filters, personId));
  const rows: ListRow[] = [];
  let header: Extract<ListRow, { type: 'section' }> | null = null;
  threads.forEach((p, index) => {
    if (header?.sectionId !== p.sectionId) {
      header = { type: 'section', key: `s:${p.sectionId}`, sectionId: p.sectionId, section: byId.get(p.sectionId), count: 0 };
      rows.push(header);
    }
    header.count++;
    rows.push({ type: 'thread', key: `t:${p.thread.id}`, placed: p, position: index + 1 });
  });
  return { rows, threads };
}

/** Comments per section (unfiltered), for the outline. */
export function countBySection(placed: readonly PlacedThread[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of placed) counts.set(p.sectionId, (counts.get(p.sectionId) ?? 0) + 1);
  return counts;
}
