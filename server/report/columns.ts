/**
 * The report's rows as data: one row per thread, one column per fact of the record, shared by the
 * CSV and the XLSX so that both carry the same columns in the same order. Values keep their type
 * (text, count, date); each format writes them in its own way. The first columns are the contract's
 * fixed header (CONTRACT.md) and never move, in every language; new columns go at the end.
 *
 * The header is the same in every language: it names the data, and scripts read it. The values of
 * kind, status, stakeholder and author_reaction are words of the chosen language, except in English,
 * whose values stay the codes they have always been (scripts read those too); the codes of all four
 * are in the *_code columns at the end whatever the language.
 */
import { authorLine, quoteNow, quoteOf, threadUrl } from './labels.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';
import type { ReportWords } from './words.ts';

/** A cell: text, a count, or a day (a Date at midnight UTC); null when the record has nothing. */
export type CellValue = string | number | Date | null;

export interface Column {
  key: string;
  /** Column width in characters, for the spreadsheet. */
  width: number;
  value: (thread: ReportThread, section: ReportSection, report: Report, w: ReportWords) => CellValue;
}

/** The calendar day of an ISO time, as a Date at midnight UTC: spreadsheets show it as a date. */
const dayOf = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

const lastDisposition = (t: ReportThread) => t.dispositions.at(-1) ?? null;

/** Every reply as "Name (country, group), 12 March 2025: text", one after another. */
const repliesText = (t: ReportThread, w: ReportWords) => t.replies.map((r) => `${authorLine(w, r.author)}, ${w.day(r.createdAt)}: ${r.body}`).join('\n\n');

/** A code in English, its word in other languages (see above). */
const word = <K extends string>(w: ReportWords, code: K, words: Record<K, string>) => (w.language === 'en' ? code : words[code]);

export const COLUMNS: readonly Column[] = [
  { key: 'ref', width: 10, value: (t) => t.ref },
  { key: 'section', width: 8, value: (_t, s) => s.number },
  { key: 'title', width: 24, value: (_t, s) => s.title },
  // The text as commented on; quote_now has the words there now when they differ.
  { key: 'quote', width: 40, value: (t) => quoteOf(t) },
  { key: 'kind', width: 10, value: (t, _s, _r, w) => word(w, t.kind, w.kinds) },
  { key: 'comment', width: 60, value: (t) => t.body },
  { key: 'proposed_change', width: 40, value: (t) => t.proposedText ?? '' },
  { key: 'author', width: 20, value: (t) => t.author.name },
  { key: 'organisation', width: 20, value: (t) => t.author.organisation },
  { key: 'country', width: 8, value: (t) => t.author.country },
  { key: 'stakeholder', width: 14, value: (t, _s, _r, w) => word(w, t.author.stakeholder, w.stakeholders) },
  { key: 'endorsements', width: 8, value: (t) => t.endorsements.length },
  { key: 'status', width: 14, value: (t, _s, _r, w) => word(w, t.status, w.statuses) },
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
  { key: 'applied', width: 8, value: (t, _s, _r, w) => (t.applied ? w.yes : w.no) },
  { key: 'author_reaction', width: 18, value: (t, _s, _r, w) => (t.authorReaction ? word(w, t.authorReaction.reaction, w.reactions) : '') },
  { key: 'author_statement', width: 40, value: (t) => t.authorReaction?.statement ?? '' },
  { key: 'reaction_on', width: 12, value: (t) => dayOf(t.authorReaction?.at) },
  { key: 'endorsed_by', width: 30, value: (t) => t.endorsedBy.join('; ') },
  { key: 'supported_by', width: 14, value: (t) => t.supportedBy.join(', ') },
  { key: 'replies', width: 8, value: (t) => t.replies.length },
  { key: 'reply_texts', width: 60, value: (t, _s, _r, w) => repliesText(t, w) },
  { key: 'sort_key', width: 12, value: (t) => t.sortKey },
  // The codes of the columns whose values are words in French (and any language after it).
  { key: 'kind_code', width: 10, value: (t) => t.kind },
  { key: 'status_code', width: 14, value: (t) => t.status },
  { key: 'stakeholder_code', width: 14, value: (t) => t.author.stakeholder },
  { key: 'author_reaction_code', width: 14, value: (t) => t.authorReaction?.reaction ?? '' },
];

export const COLUMN_KEYS: readonly string[] = COLUMNS.map((c) => c.key);

/** Every thread of the report with its section, in document order. */
export function reportRows(report: Report, w: ReportWords): CellValue[][] {
  return report.sections.flatMap((section) => section.threads.map((t) => COLUMNS.map((c) => c.value(t, section, report, w))));
}
