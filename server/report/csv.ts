/**
 * The report as CSV: one row per thread. The columns start with the contract's fixed header; the
 * columns after it give the link to the comment and what became of the commented words. Replies
 * have no column and are left out; the working group's answer is the `response` column.
 */
import { toCsv } from './spreadsheetCsv.ts';
import { quoteNow, quoteOf, threadUrl } from './labels.ts';
import type { Report } from './types.ts';

export const CSV_HEADER = [
  'ref',
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
  'link',
  'quote_now',
  'applied_on',
  'applied_by',
  'received_on',
  'entered_by',
] as const;

export function reportCsv(report: Report): string {
  const rows = report.sections.flatMap((section) =>
    section.threads.map((t) => [
      t.ref,
      section.number,
      section.title,
      // The text as commented on; quote_now has the words there now when they differ.
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
      threadUrl(report, t),
      quoteNow(t) ?? '',
      t.applied?.at.slice(0, 10) ?? '',
      t.applied?.by ?? '',
      t.received?.at.slice(0, 10) ?? '',
      t.received?.enteredBy ?? '',
    ]),
  );
  return toCsv(CSV_HEADER, rows);
}
