/**
 * The tables of a Word file, read from word/document.xml: each a list of rows of cell texts. Only the
 * text the reader sees is kept (deleted text of tracked changes, `w:delText`, is not); a table inside
 * a cell adds its text to that cell; a cell spanning columns is followed by empty cells so the
 * columns stay in line with the header.
 */
import { strFromU8, unzipSync } from 'fflate';
import { tableRefusal } from './tableFile.ts';

export type Grid = Array<{ line: number; cells: string[] }>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

export function readWordTables(fileName: string, bytes: Uint8Array): Grid[] {
  let xml: string;
  try {
    const parts = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' });
    xml = strFromU8(parts['word/document.xml']!);
  } catch {
    throw tableRefusal.unreadable(fileName, 'docx');
  }
  return tablesOf(xml);
}

/** Walks the tags once; `depth` counts the tables we are inside. */
export function tablesOf(xml: string): Grid[] {
  const tables: Grid[] = [];
  let depth = 0;
  let rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let span = 1;
  let inText = false;
  // Tab stops in a paragraph's properties (`w:tabs`) are `w:tab` elements too, but no text.
  let inTabStops = false;
  const tag = /<(\/?)(w:tbl|w:tr|w:tc|w:p|w:t|w:tabs|w:tab|w:br|w:cr|w:gridSpan)\b([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && cell) cell.push(decode(text));
      continue;
    }
    const opening = !closing;
    switch (name) {
      case 'w:tbl':
        if (opening) {
          depth++;
          if (depth === 1) rows = [];
        } else {
          if (depth === 1) tables.push(rows.map((cells, i) => ({ line: i + 1, cells })));
          depth = Math.max(0, depth - 1);
        }
        break;
      case 'w:tr':
        if (depth !== 1) break;
        if (opening) row = [];
        else if (row) {
          rows.push(row);
          row = null;
        }
        break;
      case 'w:tc':
        if (depth !== 1) break;
        if (opening) {
          cell = [];
          span = 1;
        } else if (cell && row) {
          row.push(cell.join('').replace(/\n+$/, '').trim());
          for (let i = 1; i < span; i++) row.push('');
          cell = null;
        }
        break;
      case 'w:gridSpan':
        if (depth === 1) span = Math.max(1, Math.min(50, Number(/w:val="(\d+)"/.exec(attributes ?? '')?.[1] ?? 1)));
        break;
      case 'w:p':
        // A paragraph ends with a line break, so several paragraphs in one cell stay apart.
        if (!opening && cell) cell.push('\n');
        break;
      case 'w:t':
        inText = opening && !selfClosing;
        break;
      case 'w:tabs':
        inTabStops = opening && !selfClosing;
        break;
      case 'w:tab':
        if (cell && !inTabStops) cell.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (cell) cell.push('\n');
        break;
    }
  }
  return tables;
}
