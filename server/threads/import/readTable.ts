/**
 * A filled-in comment table, .xlsx or .docx, read into rows: the one entry point of the parser. It
 * knows nothing of documents or people; placing the rows (placeRows.ts) does.
 */
import { MAX_COMMENT_TABLE_ROWS } from '../../../shared/limits.ts';
import { layoutOf, type ColumnField } from './columns.ts';
import { checkZip, tableKindOf, tableRefusal } from './tableFile.ts';
import { readWordTables, type Grid } from './wordTables.ts';
import { readWorkbookTables } from './workbookTables.ts';

export interface TableRow {
  /** The row in the file: the spreadsheet's row number, or the row of the Word table(s), header included. */
  line: number;
  memberBody: string;
  /** The template's "Line number" column, kept as the table gave it. */
  lineNumber: string;
  clause: string;
  paragraph: string;
  type: string;
  comment: string;
  proposedChange: string;
  authorName: string;
  authorEmail: string;
  organisation: string;
}

export interface CommentTable {
  rows: TableRow[];
  ignoredColumns: string[];
}

type RowField = Exclude<keyof TableRow, 'line'>;
const FIELDS: Array<[RowField, ColumnField]> = [
  ['memberBody', 'memberBody'],
  ['lineNumber', 'line'],
  ['clause', 'clause'],
  ['paragraph', 'paragraph'],
  ['type', 'type'],
  ['comment', 'comment'],
  ['proposedChange', 'proposedChange'],
  ['authorName', 'authorName'],
  ['authorEmail', 'authorEmail'],
  ['organisation', 'organisation'],
];

/** The rows under the header of every grid that has one; a Word file's tables are read as one. */
function rowsOf(grids: Grid[]): CommentTable | null {
  const rows: TableRow[] = [];
  const ignored = new Set<string>();
  let found = false;
  let offset = 0;
  for (const grid of grids) {
    const layout = layoutOf(grid);
    if (!layout) continue;
    found = true;
    layout.ignored.forEach((name) => ignored.add(name));
    const header = grid[layout.headerAt]!.cells.join('\t');
    for (const { line, cells } of grid.slice(layout.headerAt + 1)) {
      // A row that repeats the header (Word repeats it on each page when asked) is no comment.
      if (cells.join('\t') === header) continue;
      const row = { line: line + offset } as TableRow;
      for (const [field, column] of FIELDS) {
        const index = layout.columns[column];
        row[field] = index === undefined ? '' : (cells[index] ?? '').trim();
      }
      // Nothing to comment with: an empty row, or a footnote under the table ("¹ MB = Member body …").
      if (!row.comment && !row.proposedChange && !row.clause && !row.paragraph && !row.type) continue;
      rows.push(row);
    }
    offset += grid.length;
  }
  return found ? { rows, ignoredColumns: [...ignored] } : null;
}

export async function readCommentTable(fileName: string, bytes: Uint8Array): Promise<CommentTable> {
  const kind = tableKindOf(fileName, bytes);
  checkZip(fileName, bytes, kind);
  const grids = kind === 'xlsx' ? await readWorkbookTables(fileName, bytes, MAX_COMMENT_TABLE_ROWS) : readWordTables(fileName, bytes);
  // In a workbook, the first sheet with a comment table (the template's second sheet lists sections).
  const table = kind === 'xlsx' ? grids.map((grid) => rowsOf([grid])).find((t) => t !== null) : rowsOf(grids);
  if (!table) throw tableRefusal.noTable(fileName);
  if (table.rows.length > MAX_COMMENT_TABLE_ROWS) throw tableRefusal.tooManyRows(MAX_COMMENT_TABLE_ROWS);
  return table;
}
