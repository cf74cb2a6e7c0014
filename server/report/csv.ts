/**
 * The report as CSV: one row per thread, the columns fixed by the contract. Replies have no column
 * and are left out; the working group's answer is the `response` column.
 */
import { toCsv } from './spreadsheetCsv.ts';
import { quoteOf } from './labels.ts';
import type { Report } from './types.ts';

export const CSV_HEADER = [
  'section',
  'title',
  'quote',
  'kind',
  'comment',
  'proposed_change',
  'author',
  'organisation',
  'country',
  'stakeholder',
  'endorsements',
  'status',
  'response',
] as const;

export function reportCsv(report: Report): string {
  const rows = report.sections.flatMap((section) =>
    section.threads.map((t) => [
      section.number,
      section.title,
      quoteOf(t),
      t.kind,
      t.body,
      t.proposedText ?? '',
      t.author.name,
      t.author.organisation,
      t.author.country,
      t.author.stakeholder,
      String(t.endorsements.length),
      t.status,
      t.response ?? '',
    ]),
  );
  return toCsv(CSV_HEADER, rows);
}
