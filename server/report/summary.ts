/** The report's counts, always over exactly the threads it reports. */
import { STAKEHOLDERS, THREAD_KINDS, THREAD_STATUSES } from '../../shared/domain.ts';
import type { Thread } from '../../shared/api.ts';
import type { CountryCount, Respondent } from '../../shared/report.ts';
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

interface CountryTally {
  people: Set<string>;
  organisations: Set<string>;
  comments: number;
  byStatus: Record<(typeof THREAD_STATUSES)[number], number>;
}

/** Codes in order, the unknown country last, so every table lists countries the same way. */
function byCode(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNKNOWN_COUNTRY) return 1;
  if (b === UNKNOWN_COUNTRY) return -1;
  return a.localeCompare(b);
}

/** The country table and the list of respondents; in the anonymised edition nobody is named. */
function whoCommented(threads: readonly Thread[], anonymous: boolean): { countries: CountryCount[]; respondents: Respondent[] } {
  const tallies = new Map<string, CountryTally>();
  const people = new Map<string, Respondent>();
  for (const t of threads) {
    const country = t.author.country || UNKNOWN_COUNTRY;
    let tally = tallies.get(country);
    if (!tally) tallies.set(country, (tally = { people: new Set(), organisations: new Set(), comments: 0, byStatus: zeroes(THREAD_STATUSES) }));
    tally.people.add(t.author.id);
    if (t.author.organisation.trim()) tally.organisations.add(t.author.organisation.trim().toLowerCase());
    tally.comments++;
    tally.byStatus[t.status]++;
    const known = people.get(t.author.id);
    if (known) known.comments++;
    else {
      people.set(t.author.id, {
        name: anonymous ? null : t.author.name,
        organisation: anonymous ? null : t.author.organisation,
        country,
        stakeholder: t.author.stakeholder,
        comments: 1,
      });
    }
  }
  const countries = [...tallies]
    .toSorted(([a], [b]) => byCode(a, b))
    .map(([country, tally]) => ({
      country,
      respondents: tally.people.size,
      organisations: anonymous ? 0 : tally.organisations.size,
      comments: tally.comments,
      byStatus: tally.byStatus,
    }));
  const respondents = [...people.values()].toSorted(
    (a, b) => byCode(a.country, b.country) || a.stakeholder.localeCompare(b.stakeholder) || (a.name ?? '').localeCompare(b.name ?? ''),
  );
  return { countries, respondents };
}

/**
 * Counts the threads of the sections. Call it before the replies are left out: a report without
 * replies still says how many there were.
 */
export function summarise(sections: readonly ReportSection[], anonymous = false): ReportSummary {
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
  const all = sections.flatMap((s) => s.threads);
  return { threads, replies, endorsements, byStatus, byKind, byStakeholder, byCountry, bySection: sections.map(sectionCount), ...whoCommented(all, anonymous) };
}
