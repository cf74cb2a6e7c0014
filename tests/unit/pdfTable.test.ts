/** The PDF's tables on the page: a header is never left at the foot of a page without its first row. */
import PDFKitDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { Typesetter } from '../../server/report/pdfLayout.ts';
import { Flow } from '../../server/report/pdfTable.ts';

const PAGE = { size: 'A4', margins: { top: 50, bottom: 50, left: 50, right: 50 } } as const;

function pagesFor(roomLeft: number, rows: string[][]): number {
  const doc = new PDFKitDocument({ autoFirstPage: false, bufferPages: true, tagged: true });
  doc.addPage(PAGE);
  const flow = new Flow(new Typesetter(doc), () => doc.addPage(PAGE));
  const root = doc.struct('Document');
  doc.addStructure(root);
  flow.y = flow.bottom - roomLeft;
  flow.table(root, {
    columns: [
      { title: 'Country', width: 200 },
      { title: 'Comments', width: 100, align: 'right' },
    ],
    size: 8,
    rows: rows.map((row) => row.map((text) => [{ text, size: 8 }])),
  });
  root.end();
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return pages;
}

describe('a table near the foot of a page', () => {
  // At 8 points a line is 9.6 points high and a cell has 3 points of padding above and below: the
  // header and a one-line row take 31.2 points, four lines of a row 44.4 with the header.
  it('keeps a short first row under its header where both fit', () => {
    expect(pagesFor(35, [['Germany', '3']])).toBe(1);
  });

  it('moves the header with its first row to the next page where they do not fit together', () => {
    expect(pagesFor(25, [['Germany', '3']])).toBe(2);
  });
});
