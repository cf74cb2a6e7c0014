/**
 * The report's tables written as WordprocessingML by hand, then put in place of marker paragraphs in
 * the file the docx package made. For 10,000 comments the docx package's object tree (some 80,000
 * cells) took most of 8 s, half of it collecting garbage; strings joined once take a fraction of that
 * (docs/benchmarks.md, scenario (d)). The markup is what the docx package itself writes for a table
 * with single borders, cell widths in twips, a shaded header row repeated on every page.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { printable, startsRightToLeft } from './labels.ts';

export interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export type CellLines = ReadonlyArray<string | Line>;

export interface TableSpec {
  /** Column widths in twips. */
  widths: readonly number[];
  header: readonly string[];
  rows: ReadonlyArray<readonly CellLines[]>;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="auto" w:w="100"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr>`;
const HEADER_SHADING = '<w:shd w:fill="D9E2F3" w:color="auto" w:val="clear"/>';

/** One paragraph per line of text, in the given paragraph style, right-to-left where the line is. */
function paragraphsXml(lines: CellLines, style: string, out: string[]): void {
  const start = out.length;
  for (const line of lines) {
    const { text, bold, italics } = typeof line === 'string' ? { text: line } : line;
    const props = (bold ? '<w:b/><w:bCs/>' : '') + (italics ? '<w:i/><w:iCs/>' : '');
    for (const part of printable(text).replace(/\r\n?/g, '\n').split('\n')) {
      out.push(
        `<w:p><w:pPr><w:pStyle w:val="${style}"/>${startsRightToLeft(part) ? '<w:bidi/>' : ''}</w:pPr><w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r></w:p>`,
      );
    }
  }
  // A cell must hold at least one paragraph.
  if (out.length === start) out.push(`<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>`);
}

export function tableXml(table: TableSpec, cellStyle: string): string {
  const out: string[] = ['<w:tbl>', TABLE_PROPERTIES, '<w:tblGrid>', ...table.widths.map((w) => `<w:gridCol w:w="${w}"/>`), '</w:tblGrid>'];
  const row = (cells: readonly CellLines[], header: boolean) => {
    out.push(header ? '<w:tr><w:trPr><w:tblHeader/></w:trPr>' : '<w:tr>');
    cells.forEach((lines, i) => {
      out.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${table.widths[i] ?? 1500}"/>${header ? HEADER_SHADING : ''}</w:tcPr>`);
      paragraphsXml(header ? lines.map((l) => ({ text: typeof l === 'string' ? l : l.text, bold: true })) : lines, cellStyle, out);
      out.push('</w:tc>');
    });
    out.push('</w:tr>');
  };
  row(
    table.header.map((title) => [title]),
    true,
  );
  for (const cells of table.rows) row(cells, false);
  out.push('</w:tbl>');
  return out.join('');
}

/**
 * Marker paragraphs for tables: the docx package writes the paragraph, fillTables() swaps it for the
 * table. The nonce keeps any text a person typed from ever being taken for a marker.
 */
export class TableSlots {
  private readonly nonce = crypto.randomUUID();
  private readonly tables: TableSpec[] = [];

  /** The text of the paragraph to put where this table goes. */
  add(table: TableSpec): string {
    this.tables.push(table);
    return `accord-table-${this.nonce}-${this.tables.length - 1}`;
  }

  /** The .docx with each marker paragraph of word/document.xml replaced by its table. */
  fill(docx: Uint8Array, cellStyle: string): Uint8Array {
    const files = unzipSync(docx);
    const name = 'word/document.xml';
    const xml = new TextDecoder().decode(files[name]);
    const pieces: string[] = [];
    let from = 0;
    this.tables.forEach((table, i) => {
      const at = xml.indexOf(`accord-table-${this.nonce}-${i}<`, from);
      if (at === -1) throw new Error(`the report's table ${i} has no place in the document`);
      const paragraphStart = xml.lastIndexOf('<w:p>', at);
      const paragraphEnd = xml.indexOf('</w:p>', at) + '</w:p>'.length;
      pieces.push(xml.slice(from, paragraphStart), tableXml(table, cellStyle));
      from = paragraphEnd;
    });
    pieces.push(xml.slice(from));
    const zippable: Zippable = { ...files, [name]: new TextEncoder().encode(pieces.join('')) };
    return zipSync(zippable, { level: 6 });
  }
}
