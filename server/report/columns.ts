/**
 * The report's rows as data: one row per thread, one column per fact of the record, shared by the
 * CSV and the XLSX so that both carry the same columns in the same order. Values keep their type
 * (text, count, date); each format writes them in its own way. The first columns are the contract's
 * fixed header (CONTRACT.md) and never move; new columns go at the end.
 */
import { authorLine, day, quoteNow, quoteOf, threadUrl } from './labels.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';

/** A cell: text, a count, or a day (a Date at midnight UTC); null when the record has nothing. */
export type CellValue = string | number | Date | null;

export interface Column {
  key: string;
  /** Column width in characters, for the spreadsheet. */
  width: number;
  value: (thread: ReportThread, section: ReportSection, report: Report) => CellValue;
}

/** The calendar day of an ISO time, as a Date at midnight UTC: spreadsheets show it as a date. */
const dayOf = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

const lastDisposition = (t: ReportThread) => t.dispositions.at(-1) ?? null;

/** Every reply as "Name (country, group), 12 March 2025: text", one after another. */
const repliesText = (t: ReportThread) => t.replies.map((r) => `${authorLine(r.author)}, ${day(r.createdAt)}: ${r.body}`).join('\n\n');

export const COLUMNS: readonly Column[] = [
  { key: 'ref', width: 10, value: (t) => t.ref },
  { key: 'section', width: 8, value: (_t, s) => s.number },
  { key: 'title', width: 24, value: (_t, s) => s.title },
  // The text as commented on; quote_now has the words there now when they differ.
  { key: 'quote', width: 40, value: (t) => quoteOf(t) },
  { key: 'kind', width: 10, value: (t) => t.kind },
  { key: 'comment', width: 60, value: (t) => t.body },
  { key: 'proposed_change', width: 40, value: (t) => t.proposedText ?? '' },
  { key: 'author', width: 20, value: (t) => t.author.name },
  { key: 'organisation', width: 20, value: (t) => t.author.organisation },
  { key: 'country', width: 8, value: (t) => t.author.country },
  { key: 'stakeholder', width: 14, value: (t) => t.author.stakeholder },
  { key: 'endorsements', width: 8, value: (t) => t.endorsements.length },
  { key: 'status', width: 14, value: (t) => t.status },
  { key: 'response', width: 40, value: (t) => t.response ?? '' },
  // After the contract's header: the rest of the record.
  { key: 'link', width: 30, value: (t, _s, r) => threadUrl(r, t) },
  { key: 'quote_now', width: 40, value: (t) => quoteNow(t) ?? '' },
  { key: 'applied_on', width: 12, value: (t) => dayOf(t.applied?.at) },
  { key: 'applied_by', width: 20, value: (t) => t.applied?.by ?? '' },
  { key: 'received_on', width: 12, value: (t) => dayOf(t.received?.at) },
  { key: 'entered_by', width: 20, value: (t) => t.received?.enteredBy ?? '' },
  { key: 'created_on', width: 12, value: (t) => dayOf(t.createdAt) },
  { key: 'updated_on', width: 12, value: (t) => dayOf(t.updatedAt) },
  { key: 'answered_on', width: 12, value: (t) => dayOf(lastDisposition(t)?.at) },
  { key: 'answered_by', width: 20, value: (t) => lastDisposition(t)?.by ?? '' },
  { key: 'applied', width: 8, value: (t) => (t.applied ? 'yes' : 'no') },
  { key: 'author_reaction', width: 18, value: (t) => t.authorReaction?.reaction ?? '' },
  { key: 'author_statement', width: 40, value: (t) => t.authorReaction?.statement ?? '' },
  { key: 'reaction_on', width: 12, value: (t) => dayOf(t.authorReaction?.at) },
  { key: 'endorsed_by', width: 30, value: (t) => t.endorsedBy.join('; ') },
  { key: 'supported_by', width: 14, value: (t) => t.supportedBy.join(', ') },
  { key: 'replies', width: 8, value: (t) => t.replies.length },
  { key: 'reply_texts', width: 60, value: (t) => repliesText(t) },
  { key: 'sort_key', width: 12, value: (t) => t.sortKey },
];

export const COLUMN_KEYS: readonly string[] = COLUMNS.map((c) => c.key);

/** Every thread of the report with its section, in document order. */
export function reportRows(report: Report): CellValue[][] {
  return report.sections.flatMap((section) => section.threads.map((t) => COLUMNS.map((c) => c.value(t, section, report))));
}
