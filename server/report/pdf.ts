/**
 * The report as a PDF (pdfkit): title, summary, then each section with its comments in reading
 * order. Text goes through drawable() and runs() (pdfText.ts) so every script the embedded font
 * knows is shown, and the rest is marked rather than garbled. Yields between sections.
 */
import PDFKitDocument from 'pdfkit';
import type { Thread } from '../../shared/api.ts';
import { THREAD_STATUS_LABELS } from '../../shared/domain.ts';
import { authorLine, day, kindLabel, metadataLines, observations, quoteNote, quoteOf, receivedLine, REPORT_TITLE, sectionHeading, SECTION_ROWS_HEADER, sectionRows, summaryTables, threadNumber, threadUrl, totalsLine } from './labels.ts';
import { drawable, FONTS, runs } from './pdfText.ts';
import type { Report } from './types.ts';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const YIELD_EVERY = 10;
const GREY = '#555555';
const RULE = '#BBBBBB';

type Doc = PDFKit.PDFDocument;

interface Style {
  font?: 'regular' | 'bold';
  size?: number;
  color?: string;
  indent?: number;
  gap?: number;
}

/** A paragraph per line of text, each line cut into direction runs shaped one by one. */
function write(doc: Doc, text: string, style: Style = {}): void {
  const { font = 'regular', size = 10, color = 'black', indent = 0, gap = 2 } = style;
  doc.font(font).fontSize(size).fillColor(color);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - indent;
  for (const line of drawable(text).replace(/\r\n?/g, '\n').split('\n')) {
    const parts = runs(line);
    if (parts.length === 0) parts.push(' ');
    doc.x = doc.page.margins.left + indent;
    parts.forEach((part, i) => doc.text(part, { width, continued: i < parts.length - 1 }));
  }
  doc.moveDown(gap / 10);
}

/** Rows of cells at fixed column offsets; a row that would not fit starts a new page. */
function table(doc: Doc, header: readonly string[], rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): void {
  const left = doc.page.margins.left;
  const row = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(9).fillColor('black');
    const heights = cells.map((c, i) => doc.heightOfString(drawable(c), { width: widths[i]! - 4 }));
    const height = Math.max(...heights);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(drawable(c), x, y, { width: widths[i]! - 4, align: i === 0 ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height + 2;
  };
  row(header, 'bold');
  rows.forEach((r) => row(r, 'regular'));
  doc.moveDown(0.5);
}

function rule(doc: Doc): void {
  const y = doc.y + 2;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).strokeColor(RULE).lineWidth(0.5).stroke();
  doc.y = y + 6;
}

function writeThread(doc: Doc, report: Report, thread: Thread): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  write(doc, `${threadNumber(thread)} · ${kindLabel(thread.kind)} · ${THREAD_STATUS_LABELS[thread.status]}`, { font: 'bold', size: 10 });
  write(doc, threadUrl(report, thread), { color: GREY, size: 8 });
  const quote = quoteOf(thread);
  if (quote) {
    write(doc, 'Text as commented on', { font: 'bold', size: 9 });
    write(doc, `“${quote}”`, { color: GREY, indent: 12 });
  }
  const note = quoteNote(thread);
  if (note) write(doc, note, { color: GREY, indent: 12, size: 8 });
  write(doc, 'Comment', { font: 'bold', size: 9 });
  write(doc, thread.body);
  if (thread.proposedText) {
    write(doc, 'Proposed change', { font: 'bold', size: 9 });
    write(doc, thread.proposedText);
  }
  const endorsed = thread.endorsements.length ? ` · endorsed by ${thread.endorsements.length}` : '';
  write(doc, `By ${authorLine(thread.author)} · ${day(thread.createdAt)}${endorsed}`, { color: GREY, size: 9 });
  const received = receivedLine(thread);
  if (received) write(doc, received, { color: GREY, size: 9 });
  for (const reply of thread.replies) {
    write(doc, `Reply from ${authorLine(reply.author)}, ${day(reply.createdAt)}`, { font: 'bold', size: 9, indent: 12 });
    write(doc, reply.body, { indent: 12 });
  }
  write(doc, 'Observations of the working group', { font: 'bold', size: 9 });
  write(doc, observations(thread).join('\n'), { gap: 4 });
  rule(doc);
}

function writeTitleAndSummary(doc: Doc, report: Report): void {
  write(doc, REPORT_TITLE, { size: 12, color: GREY });
  write(doc, report.document.title, { font: 'bold', size: 20, gap: 6 });
  for (const line of metadataLines(report)) write(doc, line, { size: 10, color: GREY });
  doc.moveDown();
  write(doc, 'Summary', { font: 'bold', size: 15, gap: 4 });
  write(doc, totalsLine(report), { gap: 6 });
  for (const t of summaryTables(report)) {
    write(doc, t.title, { font: 'bold', size: 11 });
    table(doc, t.header, t.rows, [260, 80]);
  }
  write(doc, 'By section', { font: 'bold', size: 11 });
  table(doc, SECTION_ROWS_HEADER, sectionRows(report), [170, 60, 70, 60, 78, 45]);
}

/** "Page 3 of 12" at the foot of every page, once the number of pages is known. */
function numberPages(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(GREY);
    doc.text(`Page ${i + 1} of ${count}`, doc.page.margins.left, doc.page.height - bottom / 2, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

export async function reportPdf(report: Report): Promise<Buffer> {
  const doc = new PDFKitDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `${REPORT_TITLE}: ${report.document.title}`, Creator: 'Accord', CreationDate: new Date(report.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  writeTitleAndSummary(doc, report);
  for (const section of report.sections) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
    doc.moveDown();
    write(doc, sectionHeading(section), { font: 'bold', size: 14, gap: 4 });
    if (section.threads.length === 0) write(doc, 'No comments.', { color: GREY });
    for (const [i, thread] of section.threads.entries()) {
      writeThread(doc, report, thread);
      // Laying out text is the slow part: let other requests through every few threads.
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    }
    await yieldToEventLoop();
  }
  numberPages(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
