/**
 * CSV as Excel reads it: UTF-8 with a byte-order mark (so accents survive), CRLF line ends, every
 * field quoted. A field that starts like a formula is prefixed with an apostrophe so a spreadsheet
 * never runs what a user typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header.join(','), ...rows.map((row) => row.map(field).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
