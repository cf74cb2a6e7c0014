/**
 * What the PDF's tables say: the disposition table's cells for each comment, and the summary's
 * tables (countries, country × disposition, respondents, sections), as paragraphs the layout draws.
 */
import { THREAD_STATUSES } from '../../shared/domain.ts';
import { appliedLine, quoteNote, quoteNow, quoteOf, reactionLine, reasonOf, receivedLine, sectionHeading, threadLinkTarget, threadNumber } from './labels.ts';
import type { FontName, LinkTarget, Para } from './pdfLayout.ts';
import type { Column, TableSpec } from './pdfTable.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';
import type { ReportWords } from './words.ts';

const GREY = '#505050';
const LINK = '#0563C1';
/** The comment table's text size, in points: nine columns across a landscape A4 page. */
export const CELL_SIZE = 7.5;

/** Column widths in points, 770 in all (landscape A4 less 36 pt margins); the comment's own columns widest. */
const WIDTHS = [50, 92, 44, 50, 98, 120, 98, 110, 108];
/** The Type column keeps its kinds' names whole ("Rédactionnelle"). */
const TYPE_COLUMN = 3;
export const dispositionColumns = (w: ReportWords): Column[] =>
  w.pdf.columns.map((title, i) => ({ title, width: WIDTHS[i]!, ...(i === TYPE_COLUMN ? { unbroken: Object.values(w.kinds) } : {}) }));

/**
 * Every paragraph of the comment table in one shape, every field given: built in five shapes (and
 * ten with the summary's), they made the layout read each one by V8's slowest path.
 */
const cell = (text: string, font: FontName, color: string, once = false, link?: LinkTarget): Para => ({ text, size: CELL_SIZE, font, color, link, once });
const plain = (text: string): Para => cell(text, 'regular', 'black');
const note = (text: string): Para => cell(text, 'regular', GREY);
const strong = (text: string): Para => cell(text, 'bold', 'black');
/** A comment's own words, which no other row repeats. */
const own = (text: string): Para => cell(text, 'regular', 'black', true);

function member(w: ReportWords, report: Report, thread: ReportThread): Para[] {
  const { author } = thread;
  const paras = [strong(w.country(author.country)), plain(w.stakeholder(author.stakeholder))];
  if (author.organisation.trim()) paras.push(plain(author.organisation));
  if (!report.options.anonymous && author.name.trim()) paras.push(plain(author.name));
  if (thread.supportedBy.length) paras.push(note(w.people.supportedBy(w.list(thread.supportedBy.map(w.country)))));
  else if (thread.endorsements.length) paras.push(note(w.people.endorsedByPeople(w.number(thread.endorsements.length))));
  const received = receivedLine(w, thread);
  if (received) paras.push(note(received));
  return paras;
}

/** Quotation marks of the language: “…” in English, « … » in French. */
const inQuotes = (w: ReportWords, text: string) => (w.language === 'fr' ? `« ${text} »` : `“${text}”`);

function quoted(w: ReportWords, thread: ReportThread): Para[] {
  const paras: Para[] = [];
  const quote = quoteOf(thread);
  if (quote) paras.push(plain(inQuotes(w, quote)));
  const now = quoteNow(thread);
  if (now !== null) paras.push(strong(w.pdf.textNow), plain(inQuotes(w, now)));
  else {
    const said = quoteNote(w, thread);
    if (said) paras.push(note(said));
  }
  return paras;
}

function proposed(w: ReportWords, thread: ReportThread): Para[] {
  const paras: Para[] = thread.proposedText ? [own(thread.proposedText)] : [];
  const applied = appliedLine(w, thread);
  if (applied) paras.push(note(applied));
  return paras;
}

function replies(w: ReportWords, thread: ReportThread): Para[] {
  return thread.replies.flatMap((reply) => {
    // The working group and the Secretariat answer as bodies (speaksFor, from the records); in the
    // anonymised edition the author is already the body, so no name follows it.
    const group = reply.speaksFor !== null;
    const body = reply.speaksFor === 'secretariat' ? w.people.secretariat : w.people.workingGroup;
    const named = reply.author.name.trim() && reply.author.name !== body;
    const who = group ? (named ? `${body} (${reply.author.name})` : body) : reply.author.name;
    return [cell(`${who}, ${w.day(reply.createdAt)}${w.language === 'fr' ? ' :' : ':'}`, group ? 'bold' : 'regular', group ? 'black' : GREY), own(reply.body)];
  });
}

/** The decision and, on its own, the reason: never "Accepted: Accepted." (reasonOf). */
function observations(w: ReportWords, thread: ReportThread): Para[] {
  const paras = [strong(w.status(thread.status))];
  const reason = reasonOf(w, thread);
  if (reason) paras.push(plain(reason));
  const reaction = reactionLine(w, thread);
  if (reaction) paras.push(note(reaction));
  return paras;
}

/**
 * The comment's reference, a link that opens the document at the comment when the report knows the
 * server's address (a PDF viewer cannot follow an address without one).
 */
function reference(w: ReportWords, report: Report, thread: ReportThread): Para {
  const ref = threadNumber(thread);
  const url = threadLinkTarget(report, thread);
  // In the colour of links (Word's, as in the Word file): a reader sees it can be followed.
  return url ? cell(ref, 'bold', LINK, true, { url, alt: w.pdf.openComment(ref) }) : cell(ref, 'bold', 'black', true);
}

/** One comment's row: the ISO template's columns, with the replies beside the comment. */
export function dispositionRow(w: ReportWords, report: Report, section: ReportSection, thread: ReportThread): Para[][] {
  return [
    [reference(w, report, thread)],
    member(w, report, thread),
    [plain(section.number || w.pdf.removedSection)],
    [plain(w.kind(thread.kind))],
    quoted(w, thread),
    [own(thread.body)],
    proposed(w, thread),
    replies(w, thread),
    observations(w, thread),
  ];
}

export const continuedCell = (w: ReportWords, row: readonly (readonly Para[])[]): Para[] => [note(`${row[0]?.[0]?.text ?? ''} ${w.continued}`)];

/** A summary table: text columns then counts, right-aligned, spread over `width` points. */
function summaryTable(width: number, header: readonly string[], textColumns: number, rows: string[][]): TableSpec {
  // Counts need room for a status's name in two lines; the rest goes to the text.
  const countWidth = Math.min(70, (width - (textColumns === 1 ? 130 : 90) * textColumns) / Math.max(1, header.length - textColumns));
  const textWidth = (width - countWidth * (header.length - textColumns)) / textColumns;
  const columns = header.map((title, i) => (i < textColumns ? { title, width: textWidth } : { title, width: countWidth, align: 'right' as const }));
  return { columns, size: 8, rows: rows.map((r) => r.map((text) => [{ text, size: 8 }])) };
}

/** The summary's tables, each with its title; in a filtered report, rows with nothing to count are left out. */
export function summaryTables(w: ReportWords, report: Report, width: number): Array<{ title: string; table: TableSpec }> {
  const { summary, options } = report;
  const t = w.tables;
  const n = w.number;
  const filtered = Boolean(options.sections || options.stakeholders || options.statuses);
  const keep = (count: number) => !filtered || count > 0;
  const statusNames = THREAD_STATUSES.map(w.status);
  const counts = <K extends string>(record: Record<K, number>, name: (key: K) => string) =>
    (Object.entries(record) as Array<[K, number]>).filter(([, count]) => keep(count)).map(([key, count]) => [name(key), n(count)]);
  const tables: Array<{ title: string; table: TableSpec }> = [
    { title: t.byStakeholder, table: summaryTable(width * 0.6, [t.stakeholder, t.comments], 1, counts(summary.byStakeholder, w.stakeholder)) },
    { title: t.byKind, table: summaryTable(width * 0.6, [t.kind, t.comments], 1, counts(summary.byKind, w.kind)) },
    { title: t.byStatus, table: summaryTable(width * 0.6, [t.status, t.comments], 1, counts(summary.byStatus, w.status)) },
  ];
  const countries = summary.countries.filter((c) => keep(c.comments));
  tables.push({
    title: t.commentsByCountry,
    table: summaryTable(width, [t.country, t.respondentsColumn, t.organisations, t.comments], 1, countries.map((c) => [w.country(c.country), n(c.respondents), n(c.organisations), n(c.comments)])),
  });
  tables.push({
    title: t.dispositionsByCountry,
    table: summaryTable(width, [t.country, ...statusNames], 1, countries.map((c) => [w.country(c.country), ...THREAD_STATUSES.map((s) => n(c.byStatus[s]))])),
  });
  const sections = summary.bySection.filter((s) => keep(s.threads));
  tables.push({
    title: t.dispositionsBySection,
    table: summaryTable(width, [t.section, t.comments, ...statusNames], 1, sections.map((s) => [sectionHeading(s), n(s.threads), ...THREAD_STATUSES.map((k) => n(s.byStatus[k]))])),
  });
  tables.push(respondentsTable(w, report, width));
  return tables;
}

/** Everyone who commented; in the anonymised edition, how many people per country and stakeholder group. */
function respondentsTable(w: ReportWords, report: Report, width: number): { title: string; table: TableSpec } {
  const { respondents } = report.summary;
  const t = w.tables;
  if (!report.options.anonymous) {
    const rows = respondents.map((r) => [r.name ?? '', r.organisation ?? '', w.country(r.country), w.stakeholder(r.stakeholder), w.number(r.comments)]);
    return { title: t.respondents, table: summaryTable(width, [t.name, t.organisation, t.country, t.stakeholder, t.comments], 4, rows) };
  }
  const groups = new Map<string, { country: string; stakeholder: string; people: number; comments: number }>();
  for (const r of respondents) {
    const key = `${r.country}\u0000${r.stakeholder}`;
    const group = groups.get(key) ?? { country: w.country(r.country), stakeholder: w.stakeholder(r.stakeholder), people: 0, comments: 0 };
    group.people += 1;
    group.comments += r.comments;
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .toSorted((a, b) => a.country.localeCompare(b.country, w.locale) || a.stakeholder.localeCompare(b.stakeholder, w.locale))
    .map((g) => [g.country, g.stakeholder, w.number(g.people), w.number(g.comments)]);
  return { title: t.respondentsAnonymous, table: summaryTable(width, [t.country, t.stakeholder, t.respondentsColumn, t.comments], 2, rows) };
}
