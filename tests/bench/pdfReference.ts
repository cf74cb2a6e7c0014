/**
 * The reference the PDF report is timed against, in the same run: the same words, written by pdfkit
 * as plain lines (one text() per line of each field, no wrapping, no table, no tags), with the same
 * embedded font. What the report costs beyond it is its layout, tables, tags and bookmarks.
 */
import PDFKitDocument from 'pdfkit';
import { drawable, FONTS } from '../../server/report/pdfText.ts';
import type { Report } from '../../server/report/types.ts';

export async function plainLinesPdf(report: Report): Promise<Buffer> {
  const doc = new PDFKitDocument({ size: 'A4', layout: 'landscape', margin: 36 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.registerFont('regular', FONTS.regular);
  doc.font('regular').fontSize(7.5);
  const bottom = doc.page.height - doc.page.margins.bottom;
  let y = doc.page.margins.top;
  const line = (text: string) => {
    if (y + 9 > bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.text(text, 36, y, { lineBreak: false });
    y += 9;
  };
  for (const section of report.sections) {
    line(`${section.number} ${section.title}`);
    for (const thread of section.threads) {
      const fields = [thread.ref, thread.author.country, thread.author.organisation, thread.author.name, thread.kind, thread.originalQuote, thread.body, thread.proposedText ?? '', ...thread.replies.map((r) => `${r.author.name}: ${r.body}`), thread.status, thread.response ?? ''];
      for (const field of fields) for (const text of drawable(field).split('\n')) line(text);
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
