/**
 * The report as a PDF fit to circulate (pdfkit): a portrait cover with the document's details and
 * the summary's tables, then the comments in landscape, one disposition table per section in the
 * ISO/IEC commenting template's columns. Every page carries the reference, the date and "Page X of
 * Y"; sections are bookmarked; the file is tagged (PDF/UA): structure tree, language, title shown.
 *
 * It runs in the report worker (renderWorker.ts): nothing here needs to yield to an event loop.
 */
import PDFKitDocument from 'pdfkit';
import { taggedPdfOptions } from './pdfTagged.ts';
import { metadataLines, sectionHeading, totalsLine } from './labels.ts';
import { CELL_SIZE, continuedCell, dispositionColumns, dispositionRow, summaryTables } from './pdfContent.ts';
import { Typesetter, type Doc } from './pdfLayout.ts';
import { Flow, type StructElement } from './pdfTable.ts';
import { batchOutput } from './pdfOutput.ts';
import { packObjects } from './pdfObjectStreams.ts';
import type { Report } from './types.ts';
import type { ReportWords } from './words.ts';

const GREY = '#505050';
const PORTRAIT = { size: 'A4', layout: 'portrait', margins: { top: 64, bottom: 56, left: 56, right: 56 } } as const;
const LANDSCAPE = { size: 'A4', layout: 'landscape', margins: { top: 50, bottom: 44, left: 36, right: 36 } } as const;
/** Room kept under a heading for the first lines of what follows it. */
const KEEP = 60;

function cover(w: ReportWords, flow: Flow, root: StructElement, report: Report): void {
  const { doc } = flow;
  doc.outline.addItem(report.document.title);
  flow.y = flow.top + 40;
  flow.paragraphs(root, 'P', [{ text: w.reportTitle, size: 13, color: GREY }], { after: 4 });
  flow.paragraphs(root, 'H1', [{ text: report.document.title, font: 'bold', size: 22 }], { after: 10 });
  flow.paragraphs(
    root,
    'P',
    metadataLines(w, report).map((text) => ({ text, size: 10, color: GREY })),
    { after: 18 },
  );
  flow.paragraphs(root, 'H2', [{ text: w.tables.summary, font: 'bold', size: 15 }], { keep: KEEP, after: 4 });
  doc.outline.addItem(w.tables.summary);
  flow.paragraphs(root, 'P', [{ text: totalsLine(w, report), size: 10 }], { after: 8 });
  for (const { title, table } of summaryTables(w, report, flow.width)) {
    flow.paragraphs(root, 'H3', [{ text: title, font: 'bold', size: 11 }], { keep: KEEP, after: 3 });
    flow.table(root, table);
    flow.gap(12);
  }
}

function comments(w: ReportWords, flow: Flow, root: StructElement, report: Report): void {
  const { doc } = flow;
  const filtered = Boolean(report.options.sections || report.options.stakeholders || report.options.statuses);
  // A filtered report shows only the sections that have something to show.
  const sections = filtered ? report.sections.filter((s) => s.threads.length > 0) : report.sections;
  flow.newPage();
  flow.paragraphs(root, 'H2', [{ text: w.pdf.comments, font: 'bold', size: 15 }], { keep: KEEP, after: 6 });
  const outline = doc.outline.addItem(w.pdf.comments, { expanded: true });
  if (sections.length === 0) flow.paragraphs(root, 'P', [{ text: w.noComments, size: 10, color: GREY }]);
  for (const section of sections) {
    flow.gap(10);
    flow.paragraphs(root, 'H3', [{ text: sectionHeading(section), font: 'bold', size: 12 }], { keep: KEEP, after: 4 });
    outline.addItem(sectionHeading(section));
    if (section.threads.length === 0) {
      flow.paragraphs(root, 'P', [{ text: w.noComments, size: 9, color: GREY }]);
      continue;
    }
    flow.table(root, {
      columns: dispositionColumns(w),
      size: CELL_SIZE,
      rows: section.threads.map((thread) => dispositionRow(w, report, section, thread)),
      continued: (row) => continuedCell(w, row),
    });
  }
}

/** The running header (reference or title, and date) and footer ("Page 3 of 12"), once the pages are counted. */
function runningHeads(w: ReportWords, doc: Doc, ts: Typesetter, report: Report): void {
  const { start, count } = doc.bufferedPageRange();
  const left = `${report.document.reference || report.document.title} · ${w.reportTitle}`;
  const date = w.day(report.generatedAt);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    ts.forget();
    const { margins, width, height } = doc.page;
    const inner = width - margins.left - margins.right;
    const dateLine = ts.wrap({ text: date, size: 8, color: GREY }, inner)[0]!;
    const headLine = ts.wrap({ text: left, size: 8, color: GREY }, inner - dateLine.width - 12)[0]!;
    const pageLine = ts.wrap({ text: w.pdf.pageOf(w.number(i + 1), w.number(count)), size: 8, color: GREY }, inner)[0]!;
    doc.markContent('Artifact', { type: 'Pagination' });
    ts.draw(headLine, margins.left, margins.top - 28);
    ts.draw(dateLine, margins.left, margins.top - 28, 'right', inner);
    ts.draw(pageLine, margins.left, height - margins.bottom + 14, 'center', inner);
    doc.endMarkedContent();
  }
}

export async function reportPdf(report: Report, w: ReportWords): Promise<Buffer> {
  const info = { Title: `${w.reportTitle}: ${report.document.title}`, Creator: 'Accord', CreationDate: new Date(report.generatedAt) };
  const doc = new PDFKitDocument(taggedPdfOptions(w.locale, info, { autoFirstPage: false }));
  batchOutput(doc);
  packObjects(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let layout: typeof PORTRAIT | typeof LANDSCAPE = PORTRAIT;
  doc.addPage(layout);
  const ts = new Typesetter(doc);
  const flow = new Flow(ts, () => doc.addPage(layout));
  flow.y = flow.top;
  const root = doc.struct('Document');
  doc.addStructure(root);
  cover(w, flow, root, report);
  layout = LANDSCAPE;
  comments(w, flow, root, report);
  root.end();
  runningHeads(w, doc, ts, report);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
