/**
 * Wording shared by the file formats, so the CSV, Markdown, DOCX and PDF editions of one report say
 * the same things in the same words, in the language of the words given (words.ts).
 */
import type { Thread, ThreadAuthor } from '../../shared/api.ts';
import { THREAD_STATUSES, type ThreadKind, type ThreadStatus } from '../../shared/domain.ts';
import { UNKNOWN_COUNTRY } from './summary.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';
import type { ReportWords } from './words.ts';

/** Comment types as the ISO/IEC commenting template abbreviates them, the same in every language. */
export const ISO_TYPE: Record<ThreadKind, string> = { general: 'ge', technical: 'te', editorial: 'ed', question: 'q' };

/** The comment's permanent reference ("DE-007"), given when it was received; never renumbered. */
export function threadNumber(thread: Thread): string {
  return thread.ref;
}

/** The address that opens the document at the comment: absolute when the report knows the server's. */
export function threadUrl(report: Report, thread: Thread): string {
  return `${report.document.origin ?? ''}${thread.link}`;
}

/** The address as a file can link to it: only a whole one (a viewer has no site to find a path on), else null. */
export function threadLinkTarget(report: Report, thread: Thread): string | null {
  const url = threadUrl(report, thread);
  return /^https?:\/\//i.test(url) ? url : null;
}

export function sectionHeading(section: Pick<ReportSection, 'number' | 'title'>): string {
  return section.number ? `${section.number} ${section.title}` : section.title;
}

/** The quote the comment is about: the words as commented on, whatever became of them since. */
export function quoteOf(thread: Thread): string {
  return thread.originalQuote || thread.quote;
}

/** The words there now, when they differ from those commented on (null when the same, or gone). */
export function quoteNow(thread: Thread): string | null {
  if (!thread.anchor || thread.orphaned || !thread.originalQuote || thread.quote === thread.originalQuote) return null;
  return thread.quote;
}

/** "(text since removed)" and the like, shown next to the quote where it helps. */
export function quoteNote(w: ReportWords, thread: Thread): string | null {
  if (thread.orphaned) return w.quote.removed;
  if (!thread.anchor) return w.quote.wholeSection;
  const now = quoteNow(thread);
  return now === null ? null : w.quote.now(now);
}

/** "Applied on 12 March 2025 by Ana Ruiz", for a proposed wording put into the text. */
export function appliedLine(w: ReportWords, thread: Thread): string | null {
  return thread.applied ? w.applied(w.day(thread.applied.at), thread.applied.by) : null;
}

/** For a comment the Secretariat entered for its author: "Received by e-mail on …, entered by …". */
export function receivedLine(w: ReportWords, thread: Thread): string | null {
  return thread.received ? w.received(w.day(thread.received.at), thread.received.enteredBy) : null;
}

export function authorLine(w: ReportWords, author: ThreadAuthor): string {
  const where = [author.organisation, author.country, w.stakeholder(author.stakeholder)].filter((part) => part.trim() !== '');
  return where.length ? `${author.name} (${where.join(', ')})` : author.name;
}

export function reactionLine(w: ReportWords, thread: Thread): string | null {
  const reaction = thread.authorReaction;
  if (!reaction) return null;
  const said = w.reactions[reaction.reaction];
  return reaction.statement ? colon(w, said, reaction.statement) : said;
}

/** "Proposed wording applied on 12 March 2025 by Ana Ruiz." */
export function appliedWordingLine(w: ReportWords, thread: Thread): string | null {
  return thread.applied ? w.appliedWording(w.day(thread.applied.at), thread.applied.by) : null;
}

/** The reason given, or null when there is none or it only repeats the decision ("Accepted."). */
export function reasonOf(w: ReportWords, thread: Thread): string | null {
  const bare = (text: string) => text.trim().replace(/[\s.!:;]+$/u, '').toLowerCase();
  const reason = thread.response?.trim();
  return reason && bare(reason) !== bare(w.status(thread.status)) ? reason : null;
}

/** "Accepted: the reason" with the language's punctuation (French puts a space before the colon). */
export const colon = (w: ReportWords, label: string, text: string) => `${label}${w.language === 'fr' ? ' : ' : ': '}${text}`;

/** The working group's answer in one block: status, reasoning, the author's reaction. */
export function observations(w: ReportWords, thread: Thread): string[] {
  const reason = reasonOf(w, thread);
  const lines = [reason ? colon(w, w.status(thread.status), reason) : w.status(thread.status)];
  const applied = appliedWordingLine(w, thread);
  if (applied) lines.push(applied);
  const reaction = reactionLine(w, thread);
  if (reaction) lines.push(reaction);
  return lines;
}

export const kindLabel = (w: ReportWords, kind: ThreadKind) => `${ISO_TYPE[kind]} (${w.kind(kind)})`;

/** The lines under the title: the document's details, phase, dates, version, what the report leaves out. */
export function metadataLines(w: ReportWords, report: Report): string[] {
  const { document } = report;
  const m = w.metadata;
  const lines: string[] = [];
  if (document.reference) lines.push(colon(w, m.reference, document.reference));
  if (document.workingGroup) lines.push(colon(w, m.workingGroup, document.workingGroup));
  if (document.description) lines.push(document.description);
  lines.push(colon(w, m.phase, w.phase(document.phase)));
  if (document.deadline) lines.push(colon(w, m.deadline, w.day(document.deadline)));
  if (document.adoptedAt) lines.push(colon(w, m.adopted, w.day(document.adoptedAt)));
  if (document.version) lines.push(colon(w, m.version, document.version));
  lines.push(m.generated(w.day(report.generatedAt), report.generatedAt.slice(11, 16)));
  return [...lines, ...scopeLines(w, report)];
}

/** What the report leaves out, and how it names people: "Only sections 1, 2", "Replies not included". */
export function scopeLines(w: ReportWords, { options, sections }: Report): string[] {
  const lines: string[] = [];
  const filters: string[] = [];
  if (options.sections) filters.push(w.scope.sections(sections.map((s) => s.number || s.title).join(', ')));
  if (options.stakeholders) filters.push(w.scope.stakeholders(options.stakeholders.map(w.stakeholder).join(', ')));
  if (options.statuses) filters.push(w.scope.statuses(options.statuses.map(w.status).join(', ')));
  if (filters.length) lines.push(w.scope.only(filters.join(w.scope.separator)));
  if (!options.replies) lines.push(w.scope.noReplies);
  if (options.anonymous) lines.push(w.scope.anonymous);
  return lines;
}

/** The summary as labelled rows, for the formats that draw tables. */
export function summaryTables(w: ReportWords, report: Report): Array<{ title: string; header: [string, string]; rows: Array<[string, string]> }> {
  const { summary } = report;
  const t = w.tables;
  const rows = <K extends string>(counts: Record<K, number>, label: (key: K) => string): Array<[string, string]> =>
    (Object.entries(counts) as Array<[K, number]>).map(([key, n]) => [label(key), w.number(n)]);
  return [
    { title: t.byStakeholder, header: [t.stakeholder, t.comments], rows: rows(summary.byStakeholder, w.stakeholder) },
    { title: t.byCountry, header: [t.country, t.comments], rows: rows(summary.byCountry, (k) => countryLabel(w, k)) },
    { title: t.byKind, header: [t.kind, t.comments], rows: rows(summary.byKind, (k) => kindLabel(w, k)) },
    { title: t.byStatus, header: [t.status, t.comments], rows: rows(summary.byStatus, w.status) },
  ];
}

export const totalsLine = (w: ReportWords, { summary }: Report) => w.totals(w.number(summary.threads), w.number(summary.replies), w.number(summary.endorsements));

/** Per-section counts as rows: section, comments, government, civil society, international, other. */
export function sectionRows(w: ReportWords, report: Report): string[][] {
  return report.summary.bySection.map((s) => [
    sectionHeading(s),
    w.number(s.threads),
    w.number(s.byStakeholder.government),
    w.number(s.byStakeholder['civil-society']),
    w.number(s.byStakeholder.international),
    w.number(s.byStakeholder.other),
  ]);
}

export const sectionRowsHeader = ({ tables: t }: ReportWords) => [t.section, t.comments, t.government, t.civilSociety, t.international, t.other];

/**
 * Text that XML (DOCX) and the PDF writer can carry: control characters and unpaired surrogates,
 * which the JSON API lets through, would make Word refuse the whole file.
 */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''));
}

/** Whether the text reads right to left: its first letter is Hebrew, Arabic, Syriac, Thaana or N'Ko. */
export function startsRightToLeft(text: string): boolean {
  const first = /[\p{L}]/u.exec(text);
  return first !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(first[0]);
}

/** "Supported by DE and FR": the countries of those who endorsed, rather than a bare count. */
export function supportLine(w: ReportWords, thread: ReportThread): string | null {
  if (thread.supportedBy.length) return w.people.supportedBy(w.list(thread.supportedBy));
  return thread.endorsements.length ? w.people.endorsedByPeople(w.number(thread.endorsements.length)) : null;
}

/** "Germany (DE)"; the unknown country by its label alone. */
export const countryLabel = (w: ReportWords, code: string) => (code === UNKNOWN_COUNTRY || !code ? w.country(code) : `${w.country(code)} (${code})`);

export interface LabelledTable {
  title: string;
  header: string[];
  /** Counts as numbers, for the spreadsheet to keep as numbers; the text formats write them with words.number. */
  rows: Array<Array<string | number>>;
  /** The columns from this one on hold counts. */
  firstCount: number;
}

/** The tables a secretary reports: countries, country × disposition, status per section, respondents. */
export function secretaryTables(w: ReportWords, report: Report): LabelledTable[] {
  const { summary } = report;
  const t = w.tables;
  const n = (count: number) => count;
  const statusHeader = THREAD_STATUSES.map(w.status);
  const statusCells = (byStatus: Record<ThreadStatus, number>) => THREAD_STATUSES.map((s) => n(byStatus[s]));
  const participant = (country: string) => (country && country !== UNKNOWN_COUNTRY ? w.people.participantFrom(country) : w.people.participant);
  return [
    {
      title: t.respondentsByCountry,
      firstCount: 1,
      header: [t.country, t.respondentsColumn, t.organisations, t.comments],
      rows: summary.countries.map((c) => [countryLabel(w, c.country), n(c.respondents), report.options.anonymous ? '–' : n(c.organisations), n(c.comments)]),
    },
    {
      title: t.dispositionsByCountry,
      firstCount: 1,
      header: [t.country, ...statusHeader, t.total],
      rows: summary.countries.map((c) => [countryLabel(w, c.country), ...statusCells(c.byStatus), n(c.comments)]),
    },
    {
      title: t.dispositionsBySection,
      firstCount: 1,
      header: [t.section, ...statusHeader, t.total],
      rows: summary.bySection.map((s) => [sectionHeading(s), ...statusCells(s.byStatus), n(s.threads)]),
    },
    {
      title: t.respondents,
      firstCount: 4,
      header: [t.name, t.organisation, t.country, t.stakeholder, t.comments],
      rows: summary.respondents.map((r) => [r.name ?? participant(r.country), r.organisation ?? '', countryLabel(w, r.country), w.stakeholder(r.stakeholder), n(r.comments)]),
    },
  ];
}
