/**
 * Filled-in comment tables for the import tests, built here with the libraries a Secretariat's
 * correspondents would use: an .xlsx written with exceljs, a .docx table written with `docx`.
 */
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export const ISO_HEADER = ['MB/NC', 'Line number', 'Clause/Subclause', 'Paragraph/Figure/Table', 'Type of comment', 'Comments', 'Proposed change', 'Observations of the secretariat'];

/** A workbook whose first sheet holds `rows` under `header`, starting on `startRow` (titles above). */
export async function xlsxTable(header: string[], rows: string[][], options: { startRow?: number; sheetsBefore?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (let i = 0; i < (options.sheetsBefore ?? 0); i++) workbook.addWorksheet(`Notes ${i + 1}`).addRow(['Read me first']);
  const sheet = workbook.addWorksheet('Comments');
  const start = options.startRow ?? 1;
  if (start > 1) sheet.getCell(1, 1).value = 'Template for comments and secretariat observations';
  sheet.getRow(start).values = header;
  rows.forEach((cells, i) => {
    sheet.getRow(start + 1 + i).values = cells;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cell = (text: string) => new TableCell({ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) });

/** A Word file with a title, a small table of document facts, then the comment table. */
export async function docxTable(header: string[], rows: string[][]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Comments on the draft guidance'),
          new Table({ rows: [new TableRow({ children: [cell('Date'), cell('2025-05-04')] }), new TableRow({ children: [cell('Document'), cell('Draft guidance')] })] }),
          new Paragraph(''),
          new Table({ rows: [header, ...rows].map((cells) => new TableRow({ children: cells.map(cell) })) }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
