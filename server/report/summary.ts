/** The report's counts, always over exactly the threads it reports. */
import { STAKEHOLDERS, THREAD_KINDS, THREAD_STATUSES } from '../../shared/domain.ts';
import type { ReportSection, ReportSummary, SectionCount } from './types.ts';

/** Every key present, zero where nothing counts, so tables and charts never miss a row. */
function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export const UNKNOWN_COUNTRY = 'unknown';

function sectionCount(section: ReportSection): SectionCount {
  const byStakeholder = zeroes(STAKEHOLDERS);
  const byStatus = zeroes(THREAD_STATUSES);
  for (const t of section.threads) {
    byStakeholder[t.author.stakeholder]++;
    byStatus[t.status]++;
  }
  return { id: section.id, number: section.number, title: section.title, threads: section.threads.length, byStakeholder, byStatus };
}

/**
 * Counts the threads of the sections. Call it before the replies are left out: a report without
 * replies still says how many there were.
 */
export function summarise(sections: readonly ReportSection[]): ReportSummary {
  const byStatus = zeroes(THREAD_STATUSES);
  const byKind = zeroes(THREAD_KINDS);
  const byStakeholder = zeroes(STAKEHOLDERS);
  const countries = new Map<string, number>();
  let threads = 0;
  let replies = 0;
  let endorsements = 0;
  for (const section of sections) {
    for (const t of section.threads) {
      threads++;
      replies += t.replies.length;
      endorsements += t.endorsements.length;
      byStatus[t.status]++;
      byKind[t.kind]++;
      byStakeholder[t.author.stakeholder]++;
      const country = t.author.country || UNKNOWN_COUNTRY;
      countries.set(country, (countries.get(country) ?? 0) + 1);
    }
  }
  const byCountry = Object.fromEntries([...countries].toSorted(([a], [b]) => a.localeCompare(b)));
  return { threads, replies, endorsements, byStatus, byKind, byStakeholder, byCountry, bySection: sections.map(sectionCount) };
}
