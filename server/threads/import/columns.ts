/**
 * Which column holds what, judged by the header's words: the ISO commenting template's names
 * ("MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table", "Type of comment",
 * "Comments", "Proposed change", "Observations of the secretariat"), their French equivalents, and
 * the optional author columns of our template (name, e-mail, organisation).
 */
import type { Grid } from './wordTables.ts';

export type ColumnField = 'memberBody' | 'line' | 'clause' | 'paragraph' | 'type' | 'comment' | 'proposedChange' | 'authorName' | 'authorEmail' | 'organisation' | 'secretariat';

/** Lower case, no accents, no footnote marks or punctuation but the slash. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00b9\u00b2\u00b3\u2070-\u2079*]/g, '')
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

/** In this order: the first that matches decides ("Type of comment" is a type, not a comment). */
const RULES: Array<[ColumnField, RegExp]> = [
  ['secretariat', /secretariat/],
  ['memberBody', /^(mb|nc|mb\/nc|nc\/mb|om|cn|om\/cn|member body|national (body|committee)|organisme membre|comite national|country|pays|member state|etat membre)\b/],
  ['authorEmail', /\b(e ?mail|courriel|adresse electronique)\b/],
  ['line', /\b(line|ligne)\b/],
  ['clause', /\b(clause|subclause|article|section|chapter|chapitre)\b/],
  ['paragraph', /\b(paragraph|alinea|figure|table|tableau|quote|quoted text|citation|passage)\b/],
  ['type', /\btype\b/],
  ['proposedChange', /\b(proposed|proposal|proposition|modification|changement|suggested)\b/],
  ['comment', /\b(comment|comments|commentaire|commentaires|observation|observations)\b/],
  ['organisation', /\b(organisation|organization|organisme|institution)\b/],
  ['authorName', /\b(name|nom|author|auteur|submitted by|expert)\b/],
];

/** Longer than this, a cell is text, not a column's name. */
const MAX_HEADER_CHARS = 60;

export function fieldOf(header: string): ColumnField | null {
  const text = normaliseHeader(header);
  if (!text || text.length > MAX_HEADER_CHARS) return null;
  return RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

export interface TableLayout {
  /** Index of the header row in the grid. */
  headerAt: number;
  columns: Partial<Record<ColumnField, number>>;
  ignored: string[];
}

/** The header row among the first rows of a grid, or null when none looks like a comment table's. */
export function layoutOf(grid: Grid): TableLayout | null {
  for (let at = 0; at < Math.min(grid.length, 15); at++) {
    const columns: TableLayout['columns'] = {};
    const ignored: string[] = [];
    grid[at]!.cells.forEach((cell, index) => {
      const field = fieldOf(cell);
      if (field && columns[field] === undefined) columns[field] = index;
      else if (cell.trim() && field !== 'secretariat') ignored.push(cell.trim());
    });
    const hasAnchor = columns.clause !== undefined || columns.memberBody !== undefined || columns.type !== undefined;
    if (columns.comment !== undefined && hasAnchor) return { headerAt: at, columns, ignored };
  }
  return null;
}
