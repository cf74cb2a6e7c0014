/**
 * The portrait part of the Word edition: a cover that says what was commented on (reference, title,
 * version), when the report was made and what it leaves out, then the summary tables the Secretariat
 * circulates with it. Countries, types, groups and dispositions are shown by name, never by code.
 */
import { AlignmentType, HeadingLevel, Paragraph, TextRun } from 'docx';
import { THREAD_KINDS, THREAD_STATUSES, STAKEHOLDERS } from '../../shared/domain.ts';
import { printable, scopeLines, sectionHeading } from './labels.ts';
import type { CellLines, TableSpec } from './docxTables.ts';
import { wideEnoughForWords } from './docxWidths.ts';
import type { TableSlots } from './docxTables.ts';
import type { Report } from './types.ts';
import type { ReportWords } from './words.ts';

/** Portrait A4 less 1000-twip margins. */
export const PORTRAIT_WIDTH = 9906;


/** A paragraph the table writer replaces with the table (docxTables.ts). */
export const tableSlot = (slots: TableSlots, table: TableSpec) =>
  new Paragraph({ children: [new TextRun(slots.add({ ...table, widths: wideEnoughForWords(table.widths, table.header) }))] });

/** The cover's facts as label and value, the version commented on always among them. */
function coverFacts(w: ReportWords, report: Report): Array<[string, string]> {
  const { document } = report;
  const W = w.docx;
  const facts: Array<[string, string]> = [];
  if (document.reference) facts.push([W.cover.reference, document.reference]);
  facts.push([W.cover.version, document.version || W.cover.noVersion]);
  facts.push([W.cover.date, w.day(report.generatedAt)]);
  if (document.workingGroup) facts.push([W.cover.workingGroup, document.workingGroup]);
  facts.push([W.cover.phase, w.phase(document.phase)]);
  if (document.deadline) facts.push([W.cover.deadline, w.day(document.deadline)]);
  if (document.adoptedAt) facts.push([W.cover.adopted, w.day(document.adoptedAt)]);
  return facts;
}

function cover(w: ReportWords, report: Report): Paragraph[] {
  const { document, summary } = report;
  const facts = coverFacts(w, report);
  const notes = [...(document.description ? [document.description] : []), ...scopeLines(w, report)];
  const totals = summary.threads === 0 ? w.docx.cover.noComments : w.docx.cover.totals(w.number(summary.threads), w.number(summary.respondents.length), w.number(summary.countries.length));
  return [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: printable(document.reference || ''), bold: true, size: 24 })] }),
    new Paragraph({ spacing: { before: 2400 }, alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun(w.reportTitle)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: printable(document.title), size: 32, bold: true })] }),
    ...facts.map(
      ([label, value]) =>
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 80 }, children: [new TextRun({ text: w.language === 'fr' ? `${label} : ` : `${label}: `, bold: true }), new TextRun(printable(value))] }),
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 200 }, children: [new TextRun({ text: totals, bold: true })] }),
    ...notes.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: printable(line), italics: true })] })),
  ];
}

/** Countries by name, as a reader looks for them; "Country not given" last. */
const byName = <T extends { country: string }>(w: ReportWords, rows: readonly T[]): T[] =>
  rows.toSorted((a, b) => Number(a.country === 'unknown') - Number(b.country === 'unknown') || w.country(a.country).localeCompare(w.country(b.country), w.locale));

/** The summary's words: the tables' shared ones and the Word edition's own. */
const summaryWords = (w: ReportWords) => ({ ...w.tables, ...w.docx.summary });

function summaryTables(w: ReportWords, report: Report): Array<{ title: string; table: TableSpec }> {
  const { options } = report;
  const S = summaryWords(w);
  const W = w;
  const text = (value: string | number): CellLines => [typeof value === 'number' ? w.number(value) : value];
  const bold = (value: string | number): CellLines => [{ text: typeof value === 'number' ? w.number(value) : value, bold: true }];
  const statusHeader = () => THREAD_STATUSES.map((s) => w.status(s));
  const summary = { ...report.summary, countries: byName(w, report.summary.countries) };
  const counts = <K extends string>(keys: readonly K[], of: Record<K, number>, label: (key: K) => string, header: string): TableSpec => ({
    widths: [4000, 1400],
    header: [header, S.comments],
    rows: [...keys.map((k) => [text(label(k)), text(of[k])]), [bold(S.total), bold(summary.threads)]],
  });
  const statusWidths = [2406, ...THREAD_STATUSES.map(() => 1150), 1000];
  const byStatusRow = (label: string, byStatus: Record<string, number>, total: number) => [text(label), ...THREAD_STATUSES.map((s) => text(byStatus[s] ?? 0)), bold(total)];
  const tables = [
    { title: S.byStatus, table: counts(THREAD_STATUSES, summary.byStatus, W.status, S.status) },
    { title: S.byKind, table: counts(THREAD_KINDS, summary.byKind, W.kind, S.kind) },
    { title: S.byStakeholder, table: counts(STAKEHOLDERS, summary.byStakeholder, W.stakeholder, S.stakeholder) },
    {
      title: S.countries,
      table: options.anonymous
        ? { widths: [4000, 1400, 1400], header: [S.country, S.respondentsColumn, S.comments], rows: summary.countries.map((c) => [text(W.country(c.country)), text(c.respondents), text(c.comments)]) }
        : {
            widths: [4000, 1400, 1600, 1400],
            header: [S.country, S.respondentsColumn, S.organisations, S.comments],
            rows: summary.countries.map((c) => [text(W.country(c.country)), text(c.respondents), text(c.organisations), text(c.comments)]),
          },
    },
    {
      title: S.dispositionsByCountry,
      table: {
        widths: statusWidths,
        header: [S.country, ...statusHeader(), S.total],
        rows: [...summary.countries.map((c) => byStatusRow(W.country(c.country), c.byStatus, c.comments)), [bold(S.total), ...THREAD_STATUSES.map((s) => bold(summary.byStatus[s])), bold(summary.threads)]],
      },
    },
    {
      title: S.dispositionsBySection,
      table: { widths: statusWidths, header: [S.section, ...statusHeader(), S.total], rows: summary.bySection.map((s) => byStatusRow(sectionHeading(s), s.byStatus, s.threads)) },
    },
  ];
  return tables.map(({ title, table }) => ({ title, table: { ...table, cantSplit: true } }));
}

/** Everyone who commented; in the anonymised edition only how many, by country and group. */
function respondentsTable(w: ReportWords, report: Report): { title: string; table: TableSpec } {
  const S = summaryWords(w);
  const W = w;
  const text = (value: string | number): CellLines => [typeof value === 'number' ? w.number(value) : value];
  const respondents = byName(w, report.summary.respondents);
  if (!report.options.anonymous) {
    return {
      title: S.respondents,
      table: {
        widths: [2500, 2600, 1900, 1806, 1100],
        header: [S.name, S.organisation, S.country, S.stakeholder, S.comments],
        rows: respondents.map((r) => [text(r.name ?? ''), text(r.organisation ?? ''), text(W.country(r.country)), text(W.stakeholder(r.stakeholder)), text(r.comments)]),
        cantSplit: true,
      },
    };
  }
  const groups = new Map<string, { country: string; stakeholder: (typeof respondents)[number]['stakeholder']; people: number; comments: number }>();
  for (const r of respondents) {
    const key = `${r.country}\u0000${r.stakeholder}`;
    const group = groups.get(key) ?? { country: r.country, stakeholder: r.stakeholder, people: 0, comments: 0 };
    group.people++;
    group.comments += r.comments;
    groups.set(key, group);
  }
  return {
    title: S.respondentsAnonymous,
    table: {
      widths: [3400, 3106, 1700, 1700],
      header: [S.country, S.stakeholder, S.respondentsColumn, S.comments],
      rows: [...groups.values()].map((g) => [text(W.country(g.country)), text(W.stakeholder(g.stakeholder)), text(g.people), text(g.comments)]),
      cantSplit: true,
    },
  };
}

/** The cover, then the summary from a new page, all in the portrait section. */
export function coverAndSummary(w: ReportWords, report: Report, slots: TableSlots): Paragraph[] {
  const heading = (title: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, spacing: { before: 240, after: 80 }, children: [new TextRun(title)] });
  return [
    ...cover(w, report),
    new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: [new TextRun(w.docx.summary.heading)] }),
    ...[...summaryTables(w, report), respondentsTable(w, report)].flatMap(({ title, table }) => [heading(title), tableSlot(slots, table)]),
  ];
}
