/**
 * The report as a Word document fit to circulate: a portrait cover and summary (docxCover.ts), then
 * a landscape disposition table after the ISO/IEC commenting template (docxRows.ts), its header row
 * repeated on every page. Every page carries the document's reference, the report's date and "Page
 * X of Y". The docx package writes the document around the tables; the tables themselves are
 * written as markup by docxTables.ts, which is many times faster for thousands of comments.
 */
import { Document, Footer, Header, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, TabStopType, TextRun, type ISectionOptions } from 'docx';
import { coverAndSummary, PORTRAIT_WIDTH, tableSlot } from './docxCover.ts';
import { dispositionColumns, dispositionRow, TYPE_COLUMN } from './docxRows.ts';
import { wideEnoughForWords } from './docxWidths.ts';
import { fitRow } from './docxRowSplit.ts';
import { printable, sectionHeading, startsRightToLeft, threadNumber } from './labels.ts';
import { TableSlots } from './docxTables.ts';
import type { Report, ReportSection } from './types.ts';
import type { ReportWords } from './words.ts';

const MARGIN = 1000; // twips, about 1.8 cm
const HEADER_DISTANCE = 500; // from the edge of the page to the running head and foot
/** Landscape A4 less the margins. */
const LANDSCAPE_WIDTH = 16838 - 2 * MARGIN;

/** The paragraph style of table cells: 9 pt, tight; set once so every cell's runs stay small. */
const CELL_STYLE = 'DispositionCell';
const RUNNING_STYLE = 'RunningHeadFoot';

function sectionContent(w: ReportWords, report: Report, section: ReportSection, slots: TableSlots): Paragraph[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, bidirectional: startsRightToLeft(section.title), children: [new TextRun(printable(sectionHeading(section)))] });
  if (section.threads.length === 0) return [heading, new Paragraph({ children: [new TextRun({ text: w.noComments, italics: true })] })];
  const columns = dispositionColumns(w);
  // The Type column keeps its kinds' names whole ("Rédactionnelle").
  const widths = wideEnoughForWords(columns.map(([, width]) => width), columns.map(([title]) => title), columns.map((_c, i) => (i === TYPE_COLUMN ? Object.values(w.kinds) : undefined)));
  const rows = section.threads.flatMap((thread) => fitRow(dispositionRow(w, report, section, thread), widths, threadNumber(thread), w.continued));
  return [heading, tableSlot(slots, { widths, header: columns.map(([title]) => title), rows, cantSplit: true }), new Paragraph({})];
}

/**
 * The running head (reference and title at the left, date at the right) and foot ("Page X of Y" at
 * the right) of a section `width` twips wide. PAGE and NUMPAGES are fields Word fills in as it lays
 * the pages out.
 */
function headAndFoot(w: ReportWords, report: Report, width: number): Pick<ISectionOptions, 'headers' | 'footers'> {
  const { document } = report;
  const tabStops = [{ type: TabStopType.RIGHT, position: width }];
  const who = [document.reference, w.reportTitle].filter(Boolean).join(' · ');
  const head = new Paragraph({
    style: RUNNING_STYLE,
    tabStops,
    children: [new TextRun(printable(who)), new TextRun({ children: ['\t', w.day(report.generatedAt)] })],
  });
  const [page, of] = w.docx.pageOf;
  const foot = new Paragraph({
    style: RUNNING_STYLE,
    tabStops,
    children: [new TextRun(printable(document.title)), new TextRun({ children: ['\t', page, PageNumber.CURRENT, of, PageNumber.TOTAL_PAGES] })],
  });
  return { headers: { default: new Header({ children: [head] }) }, footers: { default: new Footer({ children: [foot] }) } };
}

export async function reportDocx(report: Report, w: ReportWords): Promise<Uint8Array> {
  const slots = new TableSlots();
  // It runs in the report worker (renderWorker.ts): nothing here needs to yield to an event loop.
  const portrait = coverAndSummary(w, report, slots);
  const landscape: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.docx.table.heading)] }),
    ...report.sections.flatMap((section) => sectionContent(w, report, section, slots)),
  ];
  const margin = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: HEADER_DISTANCE, footer: HEADER_DISTANCE };
  const sections: ISectionOptions[] = [
    { properties: { page: { margin, size: { orientation: PageOrientation.PORTRAIT } } }, ...headAndFoot(w, report, PORTRAIT_WIDTH), children: portrait },
    { properties: { page: { margin, size: { orientation: PageOrientation.LANDSCAPE } } }, ...headAndFoot(w, report, LANDSCAPE_WIDTH), children: landscape },
  ];
  const document = new Document({
    title: `${w.reportTitle}: ${printable(report.document.title)}`,
    creator: 'Accord',
    styles: {
      // The proofing language, which Word and screen readers take as the document's.
      default: { document: { run: { font: 'Arial', size: 20, language: { value: w.locale } } } },
      paragraphStyles: [
        { id: CELL_STYLE, name: 'Disposition cell', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { after: 40 } } },
        { id: RUNNING_STYLE, name: 'Running head and foot', basedOn: 'Normal', run: { size: 16, color: '555555' } },
      ],
    },
    sections,
  });
  return slots.fill(await Packer.toBuffer(document), CELL_STYLE);
}
