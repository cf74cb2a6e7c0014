/**
 * The report as a Word document: a title page, the summary, then for each section a landscape
 * disposition table after the ISO/IEC commenting template, its header row repeated on every page.
 * The docx package writes the document around the tables; the tables themselves are written as
 * markup by docxTables.ts, which is many times faster for thousands of comments.
 */
import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, TextRun, type ISectionOptions } from 'docx';
import type { Thread } from '../../shared/api.ts';
import { STAKEHOLDER_LABELS } from '../../shared/domain.ts';
import { ISO_TYPE, metadataLines, observations, printable, quoteNote, quoteOf, receivedLine, REPORT_TITLE, sectionHeading, SECTION_ROWS_HEADER, sectionRows, startsRightToLeft, summaryTables, threadNumber, threadUrl, totalsLine, day } from './labels.ts';
import { TableSlots, type CellLines, type Line, type TableSpec } from './docxTables.ts';
import type { Report, ReportSection } from './types.ts';

const MARGIN = 1000; // twips, about 1.8 cm
/** Landscape A4 less the margins, shared out as the ISO template does: the comment columns widest. */
const COLUMNS: Array<[string, number]> = [
  ['No.', 800],
  ['Member/organisation', 2000],
  ['Section', 1000],
  ['Type', 750],
  ['Quoted text', 2600],
  ['Comment', 2900],
  ['Proposed change', 2400],
  ['Observations of the working group', 2388],
];

/** The paragraph style of table cells: 9 pt, tight; set once so every cell's runs stay small. */
const CELL_STYLE = 'DispositionCell';

/** A paragraph that docxTables.ts replaces with the table. */
const tableSlot = (slots: TableSlots, table: TableSpec) => new Paragraph({ children: [new TextRun(slots.add(table))] });

function memberLines(thread: Thread, anonymous: boolean): string[] {
  const { author } = thread;
  const lines = [author.country, STAKEHOLDER_LABELS[author.stakeholder], author.organisation, anonymous ? '' : author.name].filter((l) => l.trim());
  if (thread.endorsements.length) lines.push(`Endorsed by ${thread.endorsements.length}`);
  const received = receivedLine(thread);
  if (received) lines.push(received);
  return lines;
}

function commentLines(report: Report, thread: Thread): Line[] {
  const lines: Line[] = [{ text: thread.body }];
  for (const reply of thread.replies) {
    lines.push({ text: `Reply from ${reply.author.name}, ${day(reply.createdAt)}:`, italics: true }, { text: reply.body });
  }
  lines.push({ text: `Link: ${threadUrl(report, thread)}`, italics: true });
  return lines;
}

function dispositionRow(report: Report, section: ReportSection, thread: Thread): CellLines[] {
  const note = quoteNote(thread);
  const quote = quoteOf(thread);
  return [
    [threadNumber(thread)],
    memberLines(thread, report.options.anonymous),
    [section.number || 'removed'],
    [ISO_TYPE[thread.kind]],
    [...(quote ? [quote] : []), ...(note ? [{ text: note, italics: true }] : [])],
    commentLines(report, thread),
    [thread.proposedText ?? ''],
    observations(thread),
  ];
}

function sectionContent(report: Report, section: ReportSection, slots: TableSlots): Paragraph[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, bidirectional: startsRightToLeft(section.title), children: [new TextRun(printable(sectionHeading(section)))] });
  if (section.threads.length === 0) return [heading, new Paragraph({ children: [new TextRun({ text: 'No comments.', italics: true })] })];
  const rows = section.threads.map((thread) => dispositionRow(report, section, thread));
  return [heading, tableSlot(slots, { widths: COLUMNS.map(([, w]) => w), header: COLUMNS.map(([title]) => title), rows }), new Paragraph({})];
}

function titleAndSummary(report: Report, slots: TableSlots): Paragraph[] {
  const title = printable(report.document.title);
  return [
    new Paragraph({ spacing: { before: 2400 }, alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun(REPORT_TITLE)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: title, size: 32, bold: true })] }),
    ...metadataLines(report).map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] })),
    new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
    new Paragraph({ children: [new TextRun(totalsLine(report))] }),
    ...summaryTables(report).flatMap((t) => [
      new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t.title)] }),
      tableSlot(slots, { widths: [3600, 1400], header: t.header, rows: t.rows.map((r) => r.map((text) => [text])) }),
    ]),
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('By section')] }),
    tableSlot(slots, { widths: [3000, 1300, 1500, 1500, 1700, 900], header: SECTION_ROWS_HEADER, rows: sectionRows(report).map((r) => r.map((text) => [text])) }),
  ];
}

export async function reportDocx(report: Report): Promise<Uint8Array> {
  const slots = new TableSlots();
  const summary = titleAndSummary(report, slots);
  // It runs in the report worker (renderWorker.ts): nothing here needs to yield to an event loop.
  const dispositions: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Comments and observations')] }),
    ...report.sections.flatMap((section) => sectionContent(report, section, slots)),
  ];
  const margin = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
  const sections: ISectionOptions[] = [
    { properties: { page: { margin } }, children: summary },
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
  return slots.fill(await Packer.toBuffer(document), CELL_STYLE);
}
