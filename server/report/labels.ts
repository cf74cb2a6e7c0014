/**
 * Wording shared by the file formats, so the CSV, Markdown, DOCX and PDF editions of one report say
 * the same things in the same words.
 */
import type { Thread, ThreadAuthor } from '../../shared/api.ts';
import { PHASE_LABELS, STAKEHOLDER_LABELS, THREAD_KIND_LABELS, THREAD_STATUS_LABELS, THREAD_STATUSES, type ThreadKind, type ThreadStatus } from '../../shared/domain.ts';
import { countryName } from '../../shared/countryNames.ts';
import { UNKNOWN_COUNTRY } from './summary.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';

/** Comment types as the ISO/IEC commenting template abbreviates them. */
export const ISO_TYPE: Record<ThreadKind, string> = { general: 'ge', technical: 'te', editorial: 'ed', question: 'q' };

export const REPORT_TITLE = 'Disposition of comments';

/** The comment's permanent reference ("DE-007"), given when it was received; never renumbered. */
export function threadNumber(thread: Thread): string {
  return thread.ref;
}

/** The address that opens the document at the comment: absolute when the report knows the server's. */
export function threadUrl(report: Report, thread: Thread): string {
  return `${report.document.origin ?? ''}${thread.link}`;
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
export function quoteNote(thread: Thread): string | null {
  if (thread.orphaned) return 'The commented text has since been removed.';
  if (!thread.anchor) return 'Comment on the whole section.';
  const now = quoteNow(thread);
  return now === null ? null : `Text now: “${now}”`;
}

/** "Applied on 12 March 2025 by Ana Ruiz", for a proposed wording put into the text. */
export function appliedLine(thread: Thread): string | null {
  return thread.applied ? `Applied on ${day(thread.applied.at)} by ${thread.applied.by}.` : null;
}

/** For a comment the Secretariat entered for its author: "Received by e-mail on …, entered by …". */
export function receivedLine(thread: Thread): string | null {
  return thread.received ? `Received by e-mail on ${day(thread.received.at)}, entered by ${thread.received.enteredBy}.` : null;
}

/** Who commented, most telling first: country, stakeholder group, organisation, name. */
export function memberParts(author: ThreadAuthor): string[] {
  return [author.country, STAKEHOLDER_LABELS[author.stakeholder], author.organisation, author.name].filter((part) => part.trim() !== '');
}

export function authorLine(author: ThreadAuthor): string {
  const where = [author.organisation, author.country, STAKEHOLDER_LABELS[author.stakeholder]].filter((part) => part.trim() !== '');
  return where.length ? `${author.name} (${where.join(', ')})` : author.name;
}

export function reactionLine(thread: Thread): string | null {
  const reaction = thread.authorReaction;
  if (!reaction) return null;
  const said = reaction.reaction === 'accepts' ? 'Author accepts' : 'Author maintains objection';
  return reaction.statement ? `${said}: ${reaction.statement}` : said;
}

/** "Proposed wording applied on 12 March 2025 by Ana Ruiz." */
export function appliedWordingLine(thread: Thread): string | null {
  const applied = appliedLine(thread);
  return applied && `Proposed wording ${applied.charAt(0).toLowerCase()}${applied.slice(1)}`;
}

/** The reason given, or null when there is none or it only repeats the decision ("Accepted."). */
export function reasonOf(thread: Thread): string | null {
  const bare = (text: string) => text.trim().replace(/[\s.!:;]+$/u, '').toLowerCase();
  const reason = thread.response?.trim();
  return reason && bare(reason) !== bare(THREAD_STATUS_LABELS[thread.status]) ? reason : null;
}

/** The working group's answer in one block: status, reasoning, the author's reaction. */
export function observations(thread: Thread): string[] {
  const reason = reasonOf(thread);
  const lines = [THREAD_STATUS_LABELS[thread.status] + (reason ? `: ${reason}` : '')];
  const applied = appliedWordingLine(thread);
  if (applied) lines.push(applied);
  const reaction = reactionLine(thread);
  if (reaction) lines.push(reaction);
  return lines;
}

export const kindLabel = (kind: ThreadKind) => `${ISO_TYPE[kind]} (${THREAD_KIND_LABELS[kind]})`;

// One formatter for the process: toLocaleDateString builds a new one per call, a third of the time of a big report.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 March 2025": dates as the group writes them, in UTC so every edition agrees. */
export function day(iso: string): string {
  return DAY.format(new Date(iso));
}

/** The lines under the title: the document's details, phase, dates, version, what the report leaves out. */
export function metadataLines(report: Report): string[] {
  const { document } = report;
  const lines: string[] = [];
  if (document.reference) lines.push(`Reference: ${document.reference}`);
  if (document.workingGroup) lines.push(`Working group: ${document.workingGroup}`);
  if (document.description) lines.push(document.description);
  lines.push(`Phase: ${PHASE_LABELS[document.phase]}`);
  if (document.deadline) lines.push(`Consultation deadline: ${day(document.deadline)}`);
  if (document.adoptedAt) lines.push(`Adopted: ${day(document.adoptedAt)}`);
  if (document.version) lines.push(`Version: ${document.version}`);
  lines.push(`Generated: ${day(report.generatedAt)} (${report.generatedAt.slice(11, 16)} UTC)`);
  return [...lines, ...scopeLines(report)];
}

/** What the report leaves out, and how it names people: "Only sections 1, 2", "Replies not included". */
export function scopeLines({ options, sections }: Report): string[] {
  const lines: string[] = [];
  const filters: string[] = [];
  if (options.sections) filters.push(`sections ${sections.map((s) => s.number || s.title).join(', ')}`);
  if (options.stakeholders) filters.push(`stakeholder groups ${options.stakeholders.map((s) => STAKEHOLDER_LABELS[s]).join(', ')}`);
  if (options.statuses) filters.push(`statuses ${options.statuses.map((s) => THREAD_STATUS_LABELS[s]).join(', ')}`);
  if (filters.length) lines.push(`Only ${filters.join('; ')}`);
  if (!options.replies) lines.push('Replies not included');
  if (options.anonymous) lines.push('Anonymous edition: commenters are identified by country and stakeholder group only');
  return lines;
}

/** The summary as labelled rows, for the formats that draw tables. */
export function summaryTables(report: Report): Array<{ title: string; header: [string, string]; rows: Array<[string, string]> }> {
  const { summary } = report;
  const rows = <K extends string>(counts: Record<K, number>, label: (key: K) => string): Array<[string, string]> =>
    (Object.entries(counts) as Array<[K, number]>).map(([key, n]) => [label(key), String(n)]);
  return [
    { title: 'By stakeholder group', header: ['Stakeholder group', 'Comments'], rows: rows(summary.byStakeholder, (k) => STAKEHOLDER_LABELS[k]) },
    { title: 'By country', header: ['Country', 'Comments'], rows: rows(summary.byCountry, countryLabel) },
    { title: 'By type', header: ['Type', 'Comments'], rows: rows(summary.byKind, (k) => kindLabel(k)) },
    { title: 'By status', header: ['Status', 'Comments'], rows: rows(summary.byStatus, (k) => THREAD_STATUS_LABELS[k]) },
  ];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const totalsLine = ({ summary }: Report) =>
  `${count(summary.threads, 'comment', 'comments')}, ${count(summary.replies, 'reply', 'replies')}, ${count(summary.endorsements, 'endorsement', 'endorsements')}`;

/** Per-section counts as rows: section, comments, government, civil society, international, other. */
export function sectionRows(report: Report): string[][] {
  return report.summary.bySection.map((s) => [
    s.number ? `${s.number} ${s.title}` : s.title,
    String(s.threads),
    String(s.byStakeholder.government),
    String(s.byStakeholder['civil-society']),
    String(s.byStakeholder.international),
    String(s.byStakeholder.other),
  ]);
}

export const SECTION_ROWS_HEADER = ['Section', 'Comments', 'Government', 'Civil society', 'International', 'Other'];

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

// --- Who answered, and what a secretary counts (data helper: CSV, Markdown, XLSX) ---

/** The bodies that answer as one; the anonymised edition names them instead of their members. */
export const WORKING_GROUP = 'Working group';
export const SECRETARIAT = 'Secretariat';

/** A commenter of the anonymised edition: "Participant from DE". */
export const participantName = (country: string) => (country ? `Participant from ${country}` : 'Participant');

/** "Supported by DE, FR": the countries of those who endorsed, rather than a bare count. */
export function supportLine(thread: ReportThread): string | null {
  if (thread.supportedBy.length) return `Supported by ${thread.supportedBy.join(', ')}`;
  return thread.endorsements.length ? `Endorsed by ${count(thread.endorsements.length, 'person', 'people')}` : null;
}

/** "Germany (DE)"; the unknown country by its label alone. */
export const countryLabel = (code: string) => (code === UNKNOWN_COUNTRY || !code ? countryName(code) : `${countryName(code)} (${code})`);

export interface LabelledTable {
  title: string;
  header: string[];
  rows: string[][];
  /** The columns from this one on hold counts. */
  firstCount: number;
}

/** The XLSX sheet of one row per comment; the other sheets are named after their tables. */
export const COMMENTS_SHEET = 'Comments';

/** The tables a secretary reports: countries, country × disposition, status per section, respondents. */
export function secretaryTables(report: Report): LabelledTable[] {
  const { summary } = report;
  const statusHeader = THREAD_STATUSES.map((s) => THREAD_STATUS_LABELS[s]);
  const statusCells = (byStatus: Record<ThreadStatus, number>) => THREAD_STATUSES.map((s) => String(byStatus[s]));
  return [
    {
      title: 'Respondents by country',
      firstCount: 1,
      header: ['Country', 'Respondents', 'Organisations', 'Comments'],
      rows: summary.countries.map((c) => [countryLabel(c.country), String(c.respondents), report.options.anonymous ? '–' : String(c.organisations), String(c.comments)]),
    },
    {
      title: 'Dispositions by country',
      firstCount: 1,
      header: ['Country', ...statusHeader, 'Total'],
      rows: summary.countries.map((c) => [countryLabel(c.country), ...statusCells(c.byStatus), String(c.comments)]),
    },
    {
      title: 'Dispositions by section',
      firstCount: 1,
      header: ['Section', ...statusHeader, 'Total'],
      rows: summary.bySection.map((s) => [s.number ? `${s.number} ${s.title}` : s.title, ...statusCells(s.byStatus), String(s.threads)]),
    },
    {
      title: 'Respondents',
      firstCount: 4,
      header: ['Name', 'Organisation', 'Country', 'Stakeholder group', 'Comments'],
      rows: summary.respondents.map((r) => [r.name ?? participantName(r.country === UNKNOWN_COUNTRY ? '' : r.country), r.organisation ?? '', countryLabel(r.country), STAKEHOLDER_LABELS[r.stakeholder], String(r.comments)]),
    },
  ];
}
