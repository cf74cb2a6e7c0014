/**
 * A version of the text as Word and PDF files: title, the version's name and date (and, for the
 * adopted text, the adoption stamp), the preamble, then each section with its number. Uses the same
 * text handling as the report, so every script the report can show, this can show too.
 */
import type { SectionText } from '../documents/text.ts';
import { printable } from '../report/labels.ts';
import type { ReportWords } from '../report/words.ts';

// docx, pdfkit and the fonts weigh ~26 MB in memory: loaded when a file is first asked for (the PDF
// is versionPdf.ts).
const docxLibrary = () => import('docx');

export interface VersionForExport {
  title: string;
  name: string;
  createdAt: string;
  preamble: string;
  sections: SectionText[];
  /** "Adopted on 3 March 2027", when the text is the adopted one. */
  stamp: string | null;
}

/** "Adopted on 3 March 2027 · Final text, 2 March 2027", in the words' language. */
export const versionSubtitle = (v: VersionForExport, w: ReportWords) => [v.stamp, `${v.name}, ${w.day(v.createdAt)}`].filter(Boolean).join(' · ');

export async function versionAsDocx(v: VersionForExport, w: ReportWords): Promise<Buffer> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await docxLibrary();
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
  const lines = (text: string) => text.split('\n').filter((l) => l.trim()).map((l) => new Paragraph({ children: [new TextRun(printable(l))] }));
  const children: InstanceType<typeof Paragraph>[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(printable(v.title))] }),
    new Paragraph({ children: [new TextRun({ text: printable(versionSubtitle(v, w)), italics: true })] }),
    ...lines(v.preamble),
  ];
  for (const section of v.sections) {
    const heading = headings[Math.min(headings.length - 1, section.level - 1)];
    children.push(new Paragraph({ heading, children: [new TextRun(printable(`${section.number} ${section.title}`))] }), ...lines(section.text));
  }
  const document = new Document({ title: printable(v.title), creator: 'Accord', styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: w.locale } } } } }, sections: [{ children }] });
  return Packer.toBuffer(document);
}

export async function versionAsPdf(v: VersionForExport, w: ReportWords): Promise<Buffer> {
  return (await import('./versionPdf.ts')).versionAsPdf(v, w, versionSubtitle(v, w));
}
