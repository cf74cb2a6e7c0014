/**
 * The report's tables written as WordprocessingML by hand, then put in place of marker paragraphs in
 * the file the docx package made. For 10,000 comments the docx package's object tree (some 80,000
 * cells) took most of 8 s, half of it collecting garbage; strings joined once take a fraction of that
 * (docs/benchmarks.md, scenario (d)). The markup is what the docx package itself writes for a table
 * with single borders, cell widths in twips, a shaded header row repeated on every page.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { printable, startsRightToLeft } from './labels.ts';

/** A tracked change: Word shows it struck through or underlined, with who made it and when. */
export interface Revision {
  kind: 'ins' | 'del';
  author: string;
  /** ISO date-time. */
  date: string;
}

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  change?: Revision;
  /** An address the run opens: written as a hyperlink (w:hyperlink) with its relationship. */
  link?: string;
}

/** One paragraph of a cell: plain text (a line break starts a new paragraph), or runs of their own. */
export type Line = Run | { runs: Run[] };

export type CellLines = ReadonlyArray<string | Line>;

export interface TableSpec {
  /** Column widths in twips. */
  widths: readonly number[];
  header: readonly string[];
  rows: ReadonlyArray<readonly CellLines[]>;
  /** Keep each row on one page: a row that would not fit moves whole to the next page. */
  cantSplit?: boolean;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const SPECIAL = /[&<>"']/;
const escapeXml = (text: string) => (SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text);
/** Characters that need printable() or that start a new paragraph; most lines of a report have none. */
const CONTROL = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u;
/** Right-to-left scripts: only text that holds one can start right to left. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const readsRightToLeft = (text: string) => RIGHT_TO_LEFT.test(text) && startsRightToLeft(text);

const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="auto" w:w="100"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr>`;
const HEADER_SHADING = '<w:shd w:fill="D9E2F3" w:color="auto" w:val="clear"/>';

/** Ids of tracked changes, unique in the document (the docx package writes none of its own); fill() starts them afresh. */
let revisionId = 1000;

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * The addresses the tables link to, one relationship each (a comment's reference and its "Link:"
 * line share one), added to word/_rels/document.xml.rels by TableSlots.fill().
 */
export class Hyperlinks {
  private readonly ids = new Map<string, string>();

  get count(): number {
    return this.ids.size;
  }

  id(url: string): string {
    let id = this.ids.get(url);
    if (!id) this.ids.set(url, (id = `rIdAccordLink${this.ids.size + 1}`));
    return id;
  }

  /** The relationships part with ours added. */
  addTo(rels: string): string {
    if (this.ids.size === 0) return rels;
    const at = rels.lastIndexOf('</Relationships>');
    if (at === -1) throw new Error('the document has no relationships to add links to');
    const ours = [...this.ids].map(([url, id]) => `<Relationship Id="${id}" Type="${HYPERLINK_TYPE}" Target="${escapeXml(url)}" TargetMode="External"/>`);
    return `${rels.slice(0, at)}${ours.join('')}${rels.slice(at)}`;
  }
}

/**
 * A run of `text` (the run's own by default) with the run's formatting and tracked change; a run
 * with a link, as a hyperlink (the docx package declares the `r:` namespace on the document).
 */
function runXml(run: Run, text = printable(run.text), links?: Hyperlinks): string {
  const linked = run.link !== undefined && links !== undefined;
  const props = (linked ? '<w:rStyle w:val="Hyperlink"/>' : '') + (run.bold ? '<w:b/><w:bCs/>' : '') + (run.italics ? '<w:i/><w:iCs/>' : '');
  const textTag = run.change?.kind === 'del' ? 'w:delText' : 'w:t';
  // Within a run a line break is a break, not a new paragraph: the runs of a line stay together.
  const body = text.includes('\n') || text.includes('\r')
    ? text.replace(/\r\n?/g, '\n').split('\n').map((part) => `<${textTag} xml:space="preserve">${escapeXml(part)}</${textTag}>`).join('<w:br/>')
    : `<${textTag} xml:space="preserve">${escapeXml(text)}</${textTag}>`;
  const xml = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${body}</w:r>`;
  if (linked) return `<w:hyperlink r:id="${links.id(run.link!)}" w:history="1">${xml}</w:hyperlink>`;
  if (!run.change) return xml;
  const { kind, author, date } = run.change;
  return `<w:${kind} w:id="${revisionId++}" w:author="${escapeXml(author)}" w:date="${escapeXml(date)}">${xml}</w:${kind}>`;
}

const paragraphXml = (style: string, rightToLeft: boolean, runs: string) =>
  `<w:p><w:pPr><w:pStyle w:val="${style}"/>${rightToLeft ? '<w:bidi/>' : ''}</w:pPr>${runs}</w:p>`;

/** One paragraph per line of text, in the given paragraph style, right-to-left where the line is. */
function paragraphsXml(lines: CellLines, style: string, out: string[], links?: Hyperlinks): void {
  const start = out.length;
  for (const line of lines) {
    if (typeof line !== 'string' && 'runs' in line) {
      const text = line.runs.map((r) => r.text).join('');
      out.push(paragraphXml(style, readsRightToLeft(text), line.runs.map((r) => runXml(r, undefined, links)).join('')));
      continue;
    }
    const run = typeof line === 'string' ? { text: line } : line;
    if (!CONTROL.test(run.text)) {
      out.push(paragraphXml(style, readsRightToLeft(run.text), runXml(run, run.text, links)));
      continue;
    }
    for (const part of printable(run.text).replace(/\r\n?/g, '\n').split('\n')) {
      out.push(paragraphXml(style, readsRightToLeft(part), runXml(run, part, links)));
    }
  }
  // A cell must hold at least one paragraph.
  if (out.length === start) out.push(`<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr></w:p>`);
}

export function tableXml(table: TableSpec, cellStyle: string, links?: Hyperlinks): string {
  const out: string[] = ['<w:tbl>', TABLE_PROPERTIES, '<w:tblGrid>', ...table.widths.map((w) => `<w:gridCol w:w="${w}"/>`), '</w:tblGrid>'];
  const bodyRow = table.cantSplit ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>' : '<w:tr>';
  const row = (cells: readonly CellLines[], header: boolean) => {
    out.push(header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : bodyRow);
    cells.forEach((lines, i) => {
      out.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${table.widths[i] ?? 1500}"/>${header ? HEADER_SHADING : ''}</w:tcPr>`);
      paragraphsXml(lines, cellStyle, out, links);
      out.push('</w:tc>');
    });
    out.push('</w:tr>');
  };
  row(
    table.header.map((title) => [{ text: title, bold: true }]),
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

  /**
   * The .docx with each marker paragraph of word/document.xml replaced by its table. A marker
   * paragraph that carries section properties (the docx package puts a section's `sectPr` in its
   * last paragraph) is kept, emptied of its marker, after the table: replacing it would drop that
   * section's page size and orientation. The tables' links go into the document's relationships.
   */
  fill(docx: Uint8Array, cellStyle: string): Uint8Array {
    revisionId = 1000;
    const files = unzipSync(docx);
    const name = 'word/document.xml';
    const xml = new TextDecoder().decode(files[name]);
    const w = wordPrefix(xml);
    const links = new Hyperlinks();
    const pieces: string[] = [];
    let from = 0;
    this.tables.forEach((table, i) => {
      const marker = `accord-table-${this.nonce}-${i}`;
      const at = xml.indexOf(`${marker}<`, from);
      if (at === -1) throw new Error(`the report's table ${i} has no place in the document`);
      const { start, end } = enclosingParagraph(xml, w, at, from);
      const paragraph = xml.slice(start, end);
      pieces.push(xml.slice(from, start), withPrefix(tableXml(table, cellStyle, links), w));
      if (new RegExp(`<${w}sectPr[\\s>/]`).test(paragraph)) pieces.push(paragraph.replace(marker, ''));
      from = end;
    });
    pieces.push(xml.slice(from));
    const zippable: Zippable = { ...files, [name]: new TextEncoder().encode(pieces.join('')) };
    const rels = 'word/_rels/document.xml.rels';
    if (links.count > 0) zippable[rels] = new TextEncoder().encode(links.addTo(files[rels] ? new TextDecoder().decode(files[rels]) : ''));
    return zipSync(zippable, { level: 6 });
  }
}

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The prefix (with its colon) the document binds to WordprocessingML: `w:` in every file Word or docx writes. */
function wordPrefix(xml: string): string {
  const declared = new RegExp(`xmlns:([\\w.-]+)=["']${MAIN_NAMESPACE.replaceAll('.', '\\.')}["']`).exec(xml);
  if (declared) return `${declared[1]}:`;
  // The main namespace as the default namespace: elements carry no prefix.
  return new RegExp(`xmlns=["']${MAIN_NAMESPACE.replaceAll('.', '\\.')}["']`).test(xml) ? '' : 'w:';
}

/** Table markup, written with `w:`, made valid in a document that binds WordprocessingML to another prefix. */
function withPrefix(markup: string, w: string): string {
  if (w === 'w:') return markup;
  return markup.replace(/^<w:tbl>/, `<w:tbl xmlns:w="${MAIN_NAMESPACE}" xmlns:r="${RELATIONSHIPS_NAMESPACE}">`);
}

/**
 * The paragraph element around position `at`: its start tag may carry attributes (`<w:p
 * w14:paraId="…">`), and other elements start with the same letters (`<w:pPr>`, `<w:proofErr/>`), so
 * tags are read by name. Paragraphs nested in the marker's paragraph (text boxes) are skipped.
 */
function enclosingParagraph(xml: string, w: string, at: number, notBefore: number): { start: number; end: number } {
  const tag = new RegExp(`<(/?)${w}p(?=[\\s/>])[^>]*?(/?)>`, 'g');
  const open: number[] = [];
  tag.lastIndex = notBefore;
  for (let m = tag.exec(xml); m && m.index < at; m = tag.exec(xml)) {
    if (m[1]) open.pop();
    else if (!m[2]) open.push(m.index);
  }
  const start = open.at(-1) ?? -1;
  if (start === -1) throw new Error('a table marker is not inside a paragraph');
  // From the start, find the close tag that matches it.
  let depth = 0;
  tag.lastIndex = start;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[2]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { start, end: m.index + m[0].length };
  }
  throw new Error('a table marker paragraph is not closed');
}
