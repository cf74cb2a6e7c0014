/**
 * The sheets of an Excel workbook (exceljs), each as rows of cell texts. What a cell shows is what is
 * kept: a formula's last result, a hyperlink's text, rich text joined. Row numbers are the sheet's,
 * so a problem names the row the Secretariat sees in Excel.
 */
import type ExcelJS from 'exceljs';
import { tableRefusal } from './tableFile.ts';
import type { Grid } from './wordTables.ts';

/** The text a cell shows; a whole number stored as a number keeps no ".0", a date its ISO day. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result instanceof Date ? value.result.toISOString().slice(0, 10) : value.result);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readWorkbookTables(fileName: string, bytes: Uint8Array, maxRows: number): Promise<Grid[]> {
  // Loaded when a workbook is read (in the import worker), never with the server.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    // exceljs's own Buffer type predates Node's generic one.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw tableRefusal.unreadable(fileName, 'xlsx');
  }
  return workbook.worksheets.map((sheet) => {
    const grid: Grid = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      // Far more rows than allowed: stop reading (the count is checked once the header is known).
      if (grid.length > maxRows + 20) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell).trim();
      });
      grid.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    });
    return grid;
  });
}
