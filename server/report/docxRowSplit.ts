/**
 * Long comments in the Word table. Rows are kept whole on a page (w:cantSplit), so a row Word cuts
 * at a page break never leaves its second half without a reference. A row too tall for one page is
 * cut here instead, into rows that each fit, every one starting with the comment's reference marked
 * "(continued)". Heights are estimated from the number of characters, erring long: a reader loses
 * nothing when a cut comes early, but a part taller than a page would be cut by Word after all.
 */
import type { CellLines, Line, Run } from './docxTables.ts';

/** A character of 9-point Arial is about 85 twips wide on average; rounded up so that estimates err long. */
const CHAR_TWIPS = 95;
/** Word's default cell margins, left and right. */
const CELL_PADDING = 216;
/** Each paragraph's space after (40 twips) as a fraction of a 9-point line. */
const PARAGRAPH_SPACING = 0.2;
/**
 * Lines of 9-point text in one part of a row: a landscape A4 page between 1000-twip margins holds
 * about 44 under the repeated header row; the rest is margin for the estimate's error.
 */
export const ROW_LINES = 38;
/**
 * Lines in the first part of a row that is cut: about a third of a page. A part starts on the page
 * where the row before it ends only if it fits in what is left there, so a first part as tall as a
 * page would leave the rest of that page blank; a short one leaves at most its own height.
 */
export const FIRST_PART_LINES = 12;

type Paragraph = Run | { runs: Run[] };

const textOf = (p: Paragraph) => ('runs' in p ? p.runs.map((r) => r.text).join('') : p.text);

function linesOf(text: string, chars: number): number {
  let lines = PARAGRAPH_SPACING;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(part.length / chars));
  return lines;
}

/**
 * At least as many lines as linesOf() would count for the cell, without making its paragraphs:
 * nearly every row fits a page, and this check runs for each of thousands of rows.
 */
function mostLines(cell: CellLines, chars: number): number {
  let lines = 0;
  for (const line of cell) {
    const text = typeof line === 'string' ? line : 'runs' in line ? textOf(line) : line.text;
    lines += text.length / chars + 1 + PARAGRAPH_SPACING;
    for (const end of ['\n', '\r']) for (let at = text.indexOf(end); at !== -1; at = text.indexOf(end, at + 1)) lines += 1 + PARAGRAPH_SPACING;
  }
  return lines;
}

/** The cell's paragraphs, one per line of text, as paragraphsXml() will write them. */
function paragraphsOf(cell: CellLines): Paragraph[] {
  return cell.flatMap((line: string | Line): Paragraph[] => {
    if (typeof line === 'string') return line.split(/\r\n?|\n/).map((text) => ({ text }));
    if ('runs' in line) return [line];
    return line.text.split(/\r\n?|\n/).map((text) => ({ ...line, text }));
  });
}

/** A paragraph longer than a part cut between words into pieces that each fit. */
function piecesOf(p: Paragraph, chars: number, limit: number): Paragraph[] {
  if ('runs' in p || linesOf(p.text, chars) <= limit) return [p];
  const most = Math.max(chars, Math.floor((limit - 1) * chars));
  const pieces: Paragraph[] = [];
  let rest = p.text;
  while (rest.length > most) {
    const space = rest.lastIndexOf(' ', most);
    const cut = space > most / 2 ? space + 1 : most;
    pieces.push({ ...p, text: rest.slice(0, cut) });
    rest = rest.slice(cut);
  }
  pieces.push({ ...p, text: rest });
  return pieces;
}

/** The cell's paragraphs in parts of at most `first` lines, then at most `limit` lines each. */
function partsOf(cell: CellLines, chars: number, first: number, limit: number): Paragraph[][] {
  const parts: Paragraph[][] = [[]];
  let used = 0;
  for (const paragraph of paragraphsOf(cell)) {
    for (const piece of piecesOf(paragraph, chars, parts.length === 1 ? first : limit)) {
      const lines = linesOf(textOf(piece), chars);
      if (used > 0 && used + lines > (parts.length === 1 ? first : limit)) {
        parts.push([]);
        used = 0;
      }
      parts.at(-1)!.push(piece);
      used += lines;
    }
  }
  return parts;
}

/**
 * The row as it goes into the table: itself when it fits a page, else its parts. The first cell is
 * the reference; later parts repeat it with `continued` under it.
 */
export function fitRow(cells: readonly CellLines[], widths: readonly number[], ref: string, continued: string, limit = ROW_LINES, first = FIRST_PART_LINES): Array<readonly CellLines[]> {
  const chars = widths.map((w) => Math.max(8, Math.floor((w - CELL_PADDING) / CHAR_TWIPS)));
  if (cells.every((cell, i) => mostLines(cell, chars[i]!) <= limit)) return [cells];
  const parts = cells.map((cell, i) => (i === 0 ? [] : partsOf(cell, chars[i]!, first, limit)));
  const count = Math.max(...parts.map((p) => p.length));
  const rows: Array<readonly CellLines[]> = [];
  for (let k = 0; k < count; k++) {
    rows.push(cells.map((cell, i) => (i === 0 ? (k === 0 ? cell : [{ text: ref, bold: true }, { text: continued, italics: true }]) : (parts[i]![k] ?? []))));
  }
  return rows;
}
