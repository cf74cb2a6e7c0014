/**
 * The report as CSV: one row per thread, the columns of columns.ts. They start with the contract's
 * fixed header; the rest of the record follows (dates, replies, the author's reaction, who endorsed,
 * a key that sorts rows back into document order).
 */
import { COLUMN_KEYS, reportRows } from './columns.ts';
import { toCsv } from './spreadsheetCsv.ts';
import type { Report } from './types.ts';
import type { ReportWords } from './words.ts';

export const CSV_HEADER = COLUMN_KEYS;

export function reportCsv(report: Report, w: ReportWords): string {
  return toCsv(CSV_HEADER, reportRows(report, w));
}
