/**
 * The report as an Excel workbook: the sheet of comments with the CSV's columns (columns.ts), and one
 * sheet per table a secretary reports (labels.ts, secretaryTables). Cells carry their type: dates are
 * dates, counts are numbers, and everything else, section numbers such as "1.10" included, is text.
 * Text is stored as text, never as a formula, so nothing a user typed can run and nothing needs the
 * CSV's apostrophe guard. The link column's addresses are hyperlinks. The header row is frozen and filterable. The comment sheet's header is the
 * CSV's, the same in every language (its values and the other sheets are in the chosen language).
 */
import type { Worksheet } from 'exceljs';
import { COLUMNS, reportRows } from './columns.ts';
import { printable, secretaryTables } from './labels.ts';
import type { Report } from './types.ts';
import type { ReportWords } from './words.ts';

// exceljs weighs several MB: loaded with the first workbook (in the render worker).
const excel = async () => (await import('exceljs')).default;

function header(sheet: Worksheet, names: readonly string[], widths: readonly number[]): void {
  sheet.columns = names.map((name, i) => ({ header: name, width: widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: names.length } };
}

/** Excel refuses control characters in text and cuts a cell at 32,767 characters. */
const cellText = (text: string) => printable(text).slice(0, 32_767);

export async function reportXlsx(report: Report, w: ReportWords): Promise<Uint8Array> {
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Accord';
  workbook.title = `${report.document.title}: ${w.reportTitle}`;
  workbook.created = new Date(report.generatedAt);

  const comments = workbook.addWorksheet(w.tables.commentsSheet);
  header(comments, COLUMNS.map((c) => c.key), COLUMNS.map((c) => c.width));
  const linkColumn = COLUMNS.findIndex((c) => c.key === 'link');
  for (const values of reportRows(report, w)) {
    const row = comments.addRow(values.map((v) => (typeof v === 'string' ? cellText(v) : v)));
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    // The address that opens the document at the comment, as a link a click follows (when whole).
    const link = values[linkColumn];
    if (typeof link === 'string' && /^https?:\/\//i.test(link)) {
      const cell = row.getCell(linkColumn + 1);
      cell.value = { text: link, hyperlink: link };
      cell.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }

  for (const table of secretaryTables(w, report)) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31));
    header(sheet, table.header, table.header.map((_h, i) => (i < table.firstCount ? 30 : 12)));
    for (const cells of table.rows) {
      // Counts are numbers; a dash (organisations in the anonymised edition) is text.
      sheet.addRow(cells.map((cell) => (typeof cell === 'number' ? cell : cellText(cell))));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
