/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (so accents survive), CRLF line ends, every
 * field quoted. A text field that starts like a formula is prefixed with an apostrophe: a spreadsheet
 * opening a CSV guesses each field's type, and would run what a user typed. (The XLSX needs no such
 * guard: its cells carry their type, and text stays text.)
 */
import type { CellValue } from './columns.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

function text(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
}

const field = (value: CellValue) => `"${text(value).replaceAll('"', '""')}"`;

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): string {
  const lines = [header.join(','), ...rows.map((row) => row.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
