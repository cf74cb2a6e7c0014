/**
 * The report as a Word document (docx package): a title page, the summary, then for each section a
 * landscape disposition table after the ISO/IEC commenting template, its header row repeated on
 * every page. Builds one section at a time and yields in between, so a long report never holds
 * the event loop for long.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Thread } from '../../shared/api.ts';
import { STAKEHOLDER_LABELS } from '../../shared/domain.ts';
import { ISO_TYPE, metadataLines, observations, printable, quoteNote, quoteOf, REPORT_TITLE, sectionHeading, SECTION_ROWS_HEADER, sectionRows, startsRightToLeft, summaryTables, threadNumber, totalsLine, day } from './labels.ts';
import type { Report, ReportSection } from './types.ts';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const MARGIN = 1000; // twips, about 1.8 cm
/** Landscape A4 less the margins, shared out as the ISO template does: the comment columns widest. */
const COLUMNS: Array<[string, number]> = [
  ['No.', 800],
  ['Member/organisation', 2000],
  ['Section', 1000],
  ['Type', 600],
  ['Quoted text', 2600],
  ['Comment', 2900],
  ['Proposed change', 2400],
  ['Observations of the working group', 2538],
];

interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

/** The paragraph style of table cells: 9 pt, tight; set once so every cell's runs stay small. */
const CELL_STYLE = 'DispositionCell';

/** One paragraph per line of text, right-to-left where the line is. */
function paragraphs(lines: ReadonlyArray<string | Line>, style?: string): Paragraph[] {
  const result: Paragraph[] = [];
  for (const line of lines) {
    const { text, bold, italics } = typeof line === 'string' ? { text: line } : line;
    for (const part of printable(text).replace(/\r\n?/g, '\n').split('\n')) {
      const run = bold || italics ? new TextRun({ text: part, bold, italics }) : new TextRun(part);
      result.push(new Paragraph({ style, bidirectional: startsRightToLeft(part) || undefined, children: [run] }));
    }
  }
  return result.length ? result : [new Paragraph({ style })];
}

function cell(lines: ReadonlyArray<string | Line>, width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } : undefined,
    children: paragraphs(header ? lines.map((l) => ({ text: typeof l === 'string' ? l : l.text, bold: true })) : lines, CELL_STYLE),
  });
}

function simpleTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): Table {
  const row = (cells: readonly string[], isHeader: boolean) =>
    new TableRow({ tableHeader: isHeader, children: cells.map((text, i) => cell([text], widths[i] ?? 1500, isHeader)) });
  return new Table({ columnWidths: [...widths], rows: [row(header, true), ...rows.map((r) => row(r, false))] });
}

function memberLines(thread: Thread, anonymous: boolean): string[] {
  const { author } = thread;
  const lines = [author.country, STAKEHOLDER_LABELS[author.stakeholder], author.organisation, anonymous ? '' : author.name].filter((l) => l.trim());
  if (thread.endorsements.length) lines.push(`Endorsed by ${thread.endorsements.length}`);
  return lines;
}

function commentLines(thread: Thread): Line[] {
  const lines: Line[] = [{ text: thread.body }];
  for (const reply of thread.replies) {
    lines.push({ text: `Reply from ${reply.author.name}, ${day(reply.createdAt)}:`, italics: true }, { text: reply.body });
  }
  return lines;
}

function dispositionRow(section: ReportSection, thread: Thread, index: number, anonymous: boolean): TableRow {
  const note = quoteNote(thread);
  const cells: Array<ReadonlyArray<string | Line>> = [
    [threadNumber(section, index)],
    memberLines(thread, anonymous),
    [section.number || 'removed'],
    [ISO_TYPE[thread.kind]],
    [quoteOf(thread), ...(note ? [{ text: note, italics: true }] : [])],
    commentLines(thread),
    [thread.proposedText ?? ''],
    observations(thread),
  ];
  return new TableRow({ children: cells.map((lines, i) => cell(lines, COLUMNS[i]![1])) });
}

function sectionContent(section: ReportSection, anonymous: boolean): Array<Paragraph | Table> {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, bidirectional: startsRightToLeft(section.title), children: [new TextRun(printable(sectionHeading(section)))] });
  if (section.threads.length === 0) return [heading, new Paragraph({ children: [new TextRun({ text: 'No comments.', italics: true })] })];
  const header = new TableRow({ tableHeader: true, children: COLUMNS.map(([title, width]) => cell([title], width, true)) });
  const rows = section.threads.map((thread, i) => dispositionRow(section, thread, i, anonymous));
  return [heading, new Table({ columnWidths: COLUMNS.map(([, w]) => w), rows: [header, ...rows] }), new Paragraph({})];
}

function titleAndSummary(report: Report): Array<Paragraph | Table> {
  const title = printable(report.document.title);
  return [
    new Paragraph({ spacing: { before: 2400 }, alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun(REPORT_TITLE)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: title, size: 32, bold: true })] }),
    ...metadataLines(report).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] })),
    new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
    new Paragraph({ children: [new TextRun(totalsLine(report))] }),
    ...summaryTables(report).flatMap((t) => [
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t.title)] }),
      simpleTable(t.header, t.rows, [3600, 1400]),
    ]),
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('By section')] }),
    simpleTable(SECTION_ROWS_HEADER, sectionRows(report), [3800, 1000, 1100, 1100, 1100, 900]),
  ];
}

export async function reportDocx(report: Report): Promise<Buffer> {
  const dispositions: Array<Paragraph | Table> = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Comments and observations')] })];
  for (const section of report.sections) {
    dispositions.push(...sectionContent(section, report.options.anonymous));
    await yieldToEventLoop();
  }
  const margin = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
  const sections: ISectionOptions[] = [
    { properties: { page: { margin } }, children: titleAndSummary(report) },
    { properties: { page: { margin, size: { orientation: PageOrientation.LANDSCAPE } } }, children: dispositions },
  ];
  const document = new Document({
    title: `${REPORT_TITLE}: ${printable(report.document.title)}`,
    creator: 'Accord',
    styles: {
      default: { document: { run: { font: 'Arial', size: 20 } } },
      paragraphStyles: [{ id: CELL_STYLE, name: 'Disposition cell', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40 } } }],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
