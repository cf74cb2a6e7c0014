/**
 * The portrait part of the Word edition: a cover that says what was commented on (reference, title,
 * version), when the report was made and what it leaves out, then the summary tables the Secretariat
 * circulates with it. Countries, types, groups and dispositions are shown by name, never by code.
 */
import { AlignmentType, HeadingLevel, Paragraph, TextRun } from 'docx';
import { THREAD_KINDS, THREAD_STATUSES, STAKEHOLDERS, PHASE_LABELS } from '../../shared/domain.ts';
import { DOCX_WORDS as W } from './docxWords.ts';
import { day, printable, scopeLines, REPORT_TITLE, sectionHeading } from './labels.ts';
import type { CellLines, TableSpec } from './docxTables.ts';
import type { TableSlots } from './docxTables.ts';
import type { Report } from './types.ts';

/** Portrait A4 less 1000-twip margins. */
export const PORTRAIT_WIDTH = 9906;

const S = W.summary;
const text = (value: string | number): CellLines => [String(value)];
const bold = (value: string | number): CellLines => [{ text: String(value), bold: true }];

/** A paragraph the table writer replaces with the table (docxTables.ts). */
export const tableSlot = (slots: TableSlots, table: TableSpec) => new Paragraph({ children: [new TextRun(slots.add(table))] });

/** The cover's facts as label and value, the version commented on always among them. */
function coverFacts(report: Report): Array<[string, string]> {
  const { document } = report;
  const facts: Array<[string, string]> = [];
  if (document.reference) facts.push([W.cover.reference, document.reference]);
  facts.push([W.cover.version, document.version || W.cover.noVersion]);
  facts.push([W.cover.date, day(report.generatedAt)]);
  if (document.workingGroup) facts.push([W.cover.workingGroup, document.workingGroup]);
  facts.push([W.cover.phase, PHASE_LABELS[document.phase]]);
  if (document.deadline) facts.push([W.cover.deadline, day(document.deadline)]);
  if (document.adoptedAt) facts.push([W.cover.adopted, day(document.adoptedAt)]);
  return facts;
}

function cover(report: Report): Paragraph[] {
  const { document, summary } = report;
  const facts = coverFacts(report);
  const notes = [...(document.description ? [document.description] : []), ...scopeLines(report)];
  return [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: printable(document.reference || ''), bold: true, size: 24 })] }),
    new Paragraph({ spacing: { before: 2400 }, alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun(REPORT_TITLE)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: printable(document.title), size: 32, bold: true })] }),
    ...facts.map(
      ([label, value]) =>
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 80 }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(printable(value))] }),
    ),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400, after: 200 }, children: [new TextRun({ text: W.cover.totals(summary.threads, summary.respondents.length, summary.countries.length), bold: true })] }),
    ...notes.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: printable(line), italics: true })] })),
  ];
}

const statusHeader = () => THREAD_STATUSES.map((s) => W.status(s));

/** Countries by name, as a reader looks for them; "Country not given" last. */
const byName = <T extends { country: string }>(rows: readonly T[]): T[] =>
  rows.toSorted((a, b) => Number(a.country === 'unknown') - Number(b.country === 'unknown') || W.country(a.country).localeCompare(W.country(b.country)));

function summaryTables(report: Report): Array<{ title: string; table: TableSpec }> {
  const { options } = report;
  const summary = { ...report.summary, countries: byName(report.summary.countries) };
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
            header: [S.country, S.respondentsColumn, S.organisationsColumn, S.comments],
            rows: summary.countries.map((c) => [text(W.country(c.country)), text(c.respondents), text(c.organisations), text(c.comments)]),
          },
    },
    {
      title: S.countryByStatus,
      table: {
        widths: statusWidths,
        header: [S.country, ...statusHeader(), S.total],
        rows: [...summary.countries.map((c) => byStatusRow(W.country(c.country), c.byStatus, c.comments)), [bold(S.total), ...THREAD_STATUSES.map((s) => bold(summary.byStatus[s])), bold(summary.threads)]],
      },
    },
    {
      title: S.bySection,
      table: { widths: statusWidths, header: [S.section, ...statusHeader(), S.total], rows: summary.bySection.map((s) => byStatusRow(sectionHeading(s), s.byStatus, s.threads)) },
    },
  ];
  return tables.map(({ title, table }) => ({ title, table: { ...table, cantSplit: true } }));
}

/** Everyone who commented; in the anonymised edition only how many, by country and group. */
function respondentsTable(report: Report): { title: string; table: TableSpec } {
  const respondents = byName(report.summary.respondents);
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
export function coverAndSummary(report: Report, slots: TableSlots): Paragraph[] {
  const heading = (title: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, spacing: { before: 240, after: 80 }, children: [new TextRun(title)] });
  return [
    ...cover(report),
    new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: [new TextRun(S.heading)] }),
    ...[...summaryTables(report), respondentsTable(report)].flatMap(({ title, table }) => [heading(title), tableSlot(slots, table)]),
  ];
}
