/**
 * What the PDF's tables say: the disposition table's cells for each comment, and the summary's
 * tables (countries, country × disposition, respondents, sections), as paragraphs the layout draws.
 */
import { countryName } from '../../shared/countryNames.ts';
import { STAKEHOLDER_LABELS, THREAD_KIND_LABELS, THREAD_STATUSES, THREAD_STATUS_LABELS } from '../../shared/domain.ts';
import { appliedLine, day, quoteNote, quoteNow, quoteOf, reactionLine, receivedLine, threadNumber } from './labels.ts';
import type { Para } from './pdfLayout.ts';
import type { Column, TableSpec } from './pdfTable.ts';
import { decisionAndReason, PDF_WORDS } from './pdfWords.ts';
import type { Report, ReportSection, ReportThread } from './types.ts';

const GREY = '#505050';
/** The comment table's text size, in points: nine columns across a landscape A4 page. */
export const CELL_SIZE = 7.5;

/** Column widths in points, 770 in all (landscape A4 less 36 pt margins); the comment's own columns widest. */
const WIDTHS = [50, 92, 44, 50, 98, 120, 98, 110, 108];
export const DISPOSITION_COLUMNS: Column[] = PDF_WORDS.columns.map((title, i) => ({ title, width: WIDTHS[i]! }));

const names = new Map<string, string>();
/** A country's English name, looked up once per code (Intl.DisplayNames is slow to ask 10,000 times). */
function country(code: string): string {
  let name = names.get(code);
  if (name === undefined) names.set(code, (name = countryName(code, 'en')));
  return name;
}

const plain = (text: string): Para => ({ text, size: CELL_SIZE });
const note = (text: string): Para => ({ text, size: CELL_SIZE, color: GREY });
const strong = (text: string): Para => ({ text, size: CELL_SIZE, font: 'bold' });

function member(report: Report, thread: ReportThread): Para[] {
  const { author } = thread;
  const paras = [strong(country(author.country)), plain(STAKEHOLDER_LABELS[author.stakeholder])];
  if (author.organisation.trim()) paras.push(plain(author.organisation));
  if (!report.options.anonymous && author.name.trim()) paras.push(plain(author.name));
  if (thread.supportedBy.length) paras.push(note(PDF_WORDS.supportedBy(thread.supportedBy.map(country))));
  else if (thread.endorsements.length) paras.push(note(PDF_WORDS.endorsedBy(thread.endorsements.length)));
  const received = receivedLine(thread);
  if (received) paras.push(note(received));
  return paras;
}

function quoted(thread: ReportThread): Para[] {
  const paras: Para[] = [];
  const quote = quoteOf(thread);
  if (quote) paras.push(plain(`“${quote}”`));
  const now = quoteNow(thread);
  if (now !== null) paras.push(strong(PDF_WORDS.textNow), plain(`“${now}”`));
  else {
    const said = quoteNote(thread);
    if (said) paras.push(note(said));
  }
  return paras;
}

function proposed(thread: ReportThread): Para[] {
  const paras: Para[] = thread.proposedText ? [plain(thread.proposedText)] : [];
  const applied = appliedLine(thread);
  if (applied) paras.push(note(applied));
  return paras;
}

function replies(thread: ReportThread): Para[] {
  return thread.replies.flatMap((reply) => {
    // The working group and the Secretariat answer as bodies (speaksFor, from the records); in the
    // anonymised edition the author is already the body, so no name follows it.
    const group = reply.speaksFor !== null;
    const body = reply.speaksFor === 'secretariat' ? PDF_WORDS.secretariatReply : PDF_WORDS.workingGroupReply;
    const named = reply.author.name.trim() && reply.author.name !== body;
    const who = group ? (named ? `${body} (${reply.author.name})` : body) : reply.author.name;
    return [{ text: `${who}, ${day(reply.createdAt)}:`, size: CELL_SIZE, font: group ? 'bold' : 'regular', color: group ? 'black' : GREY } satisfies Para, plain(reply.body)];
  });
}

function observations(thread: ReportThread): Para[] {
  const { decision, reason } = decisionAndReason(thread);
  const paras = [strong(decision)];
  if (reason) paras.push(plain(reason));
  const reaction = reactionLine(thread);
  if (reaction) paras.push(note(reaction));
  return paras;
}

/** One comment's row: the ISO template's columns, with the replies beside the comment. */
export function dispositionRow(report: Report, section: ReportSection, thread: ReportThread): Para[][] {
  return [
    [strong(threadNumber(thread))],
    member(report, thread),
    [plain(section.number || PDF_WORDS.removedSection)],
    [plain(THREAD_KIND_LABELS[thread.kind])],
    quoted(thread),
    [plain(thread.body)],
    proposed(thread),
    replies(thread),
    observations(thread),
  ];
}

export const continuedCell = (row: readonly (readonly Para[])[]): Para[] => [note(`${row[0]?.[0]?.text ?? ''} ${PDF_WORDS.continued}`)];

/** A summary table: text columns then counts, right-aligned, spread over `width` points. */
function summaryTable(width: number, header: readonly string[], textColumns: number, rows: string[][]): TableSpec {
  // Counts need room for a status's name in two lines; the rest goes to the text.
  const countWidth = Math.min(70, (width - (textColumns === 1 ? 130 : 90) * textColumns) / Math.max(1, header.length - textColumns));
  const textWidth = (width - countWidth * (header.length - textColumns)) / textColumns;
  const columns = header.map((title, i) => (i < textColumns ? { title, width: textWidth } : { title, width: countWidth, align: 'right' as const }));
  return { columns, size: 8, rows: rows.map((r) => r.map((text) => [{ text, size: 8 }])) };
}

/** The summary's tables, each with its title; in a filtered report, rows with nothing to count are left out. */
export function summaryTables(report: Report, width: number): Array<{ title: string; table: TableSpec }> {
  const { summary, options } = report;
  const filtered = Boolean(options.sections || options.stakeholders || options.statuses);
  const keep = (n: number) => !filtered || n > 0;
  const statusNames = THREAD_STATUSES.map((s) => THREAD_STATUS_LABELS[s]);
  const counts = <K extends string>(record: Record<K, number>, name: (key: K) => string) =>
    (Object.entries(record) as Array<[K, number]>).filter(([, n]) => keep(n)).map(([key, n]) => [name(key), String(n)]);
  const { tables: words } = PDF_WORDS;
  const tables: Array<{ title: string; table: TableSpec }> = [
    { title: words.stakeholders.title, table: summaryTable(width * 0.6, words.stakeholders.header, 1, counts(summary.byStakeholder, (k) => STAKEHOLDER_LABELS[k])) },
    { title: words.types.title, table: summaryTable(width * 0.6, words.types.header, 1, counts(summary.byKind, (k) => THREAD_KIND_LABELS[k])) },
    { title: words.statuses.title, table: summaryTable(width * 0.6, words.statuses.header, 1, counts(summary.byStatus, (k) => THREAD_STATUS_LABELS[k])) },
  ];
  const countries = summary.countries.filter((c) => keep(c.comments));
  tables.push({
    title: words.countries.title,
    table: summaryTable(width, words.countries.header, 1, countries.map((c) => [countryName(c.country, 'en'), String(c.respondents), String(c.organisations), String(c.comments)])),
  });
  tables.push({
    title: words.countryDispositions.title,
    table: summaryTable(width, [words.countryDispositions.first, ...statusNames], 1, countries.map((c) => [countryName(c.country, 'en'), ...THREAD_STATUSES.map((s) => String(c.byStatus[s]))])),
  });
  const sections = summary.bySection.filter((s) => keep(s.threads));
  tables.push({
    title: words.sections.title,
    table: summaryTable(width, [words.sections.first, words.sections.total, ...statusNames], 1, sections.map((s) => [s.number ? `${s.number} ${s.title}` : s.title, String(s.threads), ...THREAD_STATUSES.map((k) => String(s.byStatus[k]))])),
  });
  tables.push(respondentsTable(report, width));
  return tables;
}

/** Everyone who commented; in the anonymised edition, how many people per country and stakeholder group. */
function respondentsTable(report: Report, width: number): { title: string; table: TableSpec } {
  const { respondents } = report.summary;
  const { tables: words } = PDF_WORDS;
  if (!report.options.anonymous) {
    const rows = respondents.map((r) => [r.name ?? '', r.organisation ?? '', countryName(r.country, 'en'), STAKEHOLDER_LABELS[r.stakeholder], String(r.comments)]);
    return { title: words.respondents.title, table: summaryTable(width, words.respondents.header, 4, rows) };
  }
  const groups = new Map<string, { country: string; stakeholder: string; people: number; comments: number }>();
  for (const r of respondents) {
    const key = `${r.country}\u0000${r.stakeholder}`;
    const group = groups.get(key) ?? { country: countryName(r.country, 'en'), stakeholder: STAKEHOLDER_LABELS[r.stakeholder], people: 0, comments: 0 };
    group.people += 1;
    group.comments += r.comments;
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .toSorted((a, b) => a.country.localeCompare(b.country, 'en') || a.stakeholder.localeCompare(b.stakeholder, 'en'))
    .map((g) => [g.country, g.stakeholder, String(g.people), String(g.comments)]);
  return { title: words.respondentsAnonymous.title, table: summaryTable(width, words.respondentsAnonymous.header, 2, rows) };
}
