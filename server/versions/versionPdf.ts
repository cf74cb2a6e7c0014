/**
 * A version of the text as a PDF fit to circulate, as the consolidated report is: tagged (PDF/UA:
 * structure tree of headings and paragraphs, language, title shown), a bookmark per section, and
 * "Page X of Y" on every page as an artifact a screen reader skips. The text handling is the
 * report's (pdfText.ts), so every script the report can show, this can show too.
 */
import type { ReportWords } from '../report/words.ts';
import { taggedPdfOptions } from '../report/pdfTagged.ts';
import type { VersionForExport } from './exportFiles.ts';

// pdfkit and the fonts weigh much in memory: loaded when a file is first asked for.
const pdfLibrary = async () => ({
  PDFKitDocument: (await import('pdfkit')).default,
  ...(await import('../report/pdfText.ts')),
  ...(await import('../report/pdfObjectStreams.ts')),
});

const HEADING_TAGS = ['H2', 'H3', 'H4', 'H5', 'H6'] as const;
const GREY = '#555555';

export async function versionAsPdf(v: VersionForExport, w: ReportWords, subtitle: string): Promise<Buffer> {
  const { PDFKitDocument, drawable, FONTS, runs, packObjects } = await pdfLibrary();
  const info = { Title: drawable(v.title), Subject: drawable(subtitle), Creator: 'Accord', CreationDate: new Date(v.createdAt) };
  const doc = new PDFKitDocument(taggedPdfOptions(w.locale, info, { size: 'A4', margin: 56 }));
  packObjects(doc);
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  /** One structure element per line of text, each line drawn in its pieces (bidi runs). */
  const write = (tag: string, text: string, font: 'regular' | 'bold', size: number, gap = 0.4) => {
    doc.font(font).fontSize(size);
    for (const line of drawable(text).split('\n')) {
      if (!line.trim()) continue;
      const parts = runs(line);
      root.add(
        doc.struct(tag, {}, () => {
          doc.x = doc.page.margins.left;
          parts.forEach((part, i) => doc.text(part, { continued: i < parts.length - 1 }));
        }),
      );
      doc.moveDown(gap);
    }
  };

  write('H1', v.title, 'bold', 18);
  write('P', subtitle, 'regular', 10, 1);
  write('P', v.preamble, 'regular', 11);
  const outline: Array<{ level: number; item: PDFKit.PDFOutline }> = [];
  for (const section of v.sections) {
    doc.moveDown(0.5);
    // A heading never ends a page: start it on the next one when its first lines would not fit.
    if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const heading = `${section.number} ${section.title}`;
    while (outline.length && outline.at(-1)!.level >= section.level) outline.pop();
    const parent = outline.at(-1)?.item ?? doc.outline;
    outline.push({ level: section.level, item: parent.addItem(drawable(heading)) });
    write(HEADING_TAGS[Math.min(HEADING_TAGS.length - 1, section.level - 1)]!, heading, 'bold', section.level === 1 ? 14 : 12);
    write('P', section.text, 'regular', 11);
  }
  root.end();

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    doc.markContent('Artifact', { type: 'Pagination' });
    // Below the bottom margin: pdfkit would otherwise start a new page for it.
    const bottom = margins.bottom;
    margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(GREY).text(drawable(w.pdf.pageOf(w.number(i + 1), w.number(count))), margins.left, height - bottom + 20, {
      width: width - margins.left - margins.right,
      align: 'center',
      lineBreak: false,
    });
    margins.bottom = bottom;
    doc.fillColor('black');
    doc.endMarkedContent();
  }
  doc.end();
  return done;
}
