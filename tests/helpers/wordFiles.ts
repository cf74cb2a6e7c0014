/**
 * Word files for import tests and the bench, written with the `docx` package: a small draft with
 * every kind of content the import keeps (and a few it cannot), and a long one of a given size.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ImageRun,
  InsertedTextRun,
  PageNumber,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** Title "Training guidelines"; sections 1 Introduction, 1.1 Scope, 2 Principles; a footnote in 1. */
export async function smallWordDraft(): Promise<Buffer> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Adopted at the 2021 seminar.')] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Training guidelines')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Introduction')] }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Bold words', bold: true }),
              new TextRun(' and '),
              new TextRun({ text: 'italic words', italics: true }),
              new FootnoteReferenceRun(1),
              new TextRun(' then <script>alert("x")</script> as text.'),
            ],
          }),
          new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun('a link')] })] }),
          new Paragraph({ text: 'First point', bullet: { level: 0 } }),
          new Paragraph({ text: 'Second point', bullet: { level: 0 } }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Scope')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Module I')] }), new TableCell({ children: [new Paragraph('July')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Module II')] }), new TableCell({ children: [new Paragraph('October')] })] }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Principles')] }),
          new Paragraph('The last paragraph.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const WORDS = (
  'the working group reviews each comment and answers every participant with reasons in the consolidated report ' +
  'member states should ensure that people who use drugs have access to treatment services without discrimination ' +
  'stigma remains a barrier to health care prevention harm reduction and social reintegration across the region ' +
  'training modules for police prosecutors judges health workers and civil society organisations were held in july and october'
).split(' ');

/** The same sequence of words every time (a multiplicative hash of the position), varied enough not to compress to nothing. */
function wordAt(seed: number): string {
  const n = (Math.imul(seed + 1, 2654435761) >>> 0) % WORDS.length;
  return WORDS[n]!;
}

/** A long draft: `headings` sections (a third of them subsections) sharing `words` words of text. */
export async function longWordDraft(headings: number, words: number): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('A long draft')] })];
  const perSection = Math.ceil(words / headings);
  let w = 0;
  for (let h = 0; h < headings; h++) {
    children.push(new Paragraph({ heading: h % 3 === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1, children: [new TextRun(`Section heading ${h + 1}`)] }));
    for (let written = 0; written < perSection; ) {
      const length = Math.min(60, perSection - written);
      const text = Array.from({ length }, (_, i) => wordAt(w + i)).join(' ');
      w += length;
      written += length;
      children.push(new Paragraph({ children: [new TextRun(text.slice(0, 20)), new TextRun({ text: text.slice(20), bold: written % 120 === 0 })] }));
    }
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Headings made by outline level (custom styles "Chapter" at level 1 and "Part" at level 2, not
 * Word's Heading styles), and what the import cannot keep: an image, two tracked changes, a Word
 * comment and a page-number field.
 */
export async function wordDraftWithExtras(): Promise<Buffer> {
  const date = '2021-07-01T00:00:00Z';
  const doc = new Document({
    styles: {
      paragraphStyles: [
        { id: 'Chapter', name: 'Chapter', basedOn: 'Normal', paragraph: { outlineLevel: 0 } },
        { id: 'Part', name: 'Part', basedOn: 'Normal', paragraph: { outlineLevel: 1 } },
      ],
    },
    comments: { children: [{ id: 0, author: 'Rapporteur', date: new Date(date), children: [new Paragraph('Check this.')] }] },
    sections: [
      {
        children: [
          new Paragraph({ style: 'Chapter', children: [new TextRun('Chapter one')] }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 10, height: 10 } })] }),
          new Paragraph({
            children: [new InsertedTextRun({ text: 'inserted words', id: 1, author: 'A', date }), new DeletedTextRun({ text: 'deleted words', id: 2, author: 'A', date })],
          }),
          new Paragraph({ style: 'Part', children: [new TextRun('Part A')] }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('commented words'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
          new Paragraph({ children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
