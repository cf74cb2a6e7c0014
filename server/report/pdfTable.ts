/**
 * Text flowing down pages, and tables, for the PDF, tagged for assistive technology (PDF/UA): every
 * paragraph, heading and table cell is a structure element (P, H1, H2, Table, TR, TH, TD) whose
 * content is marked on the page, a linked line a Link within its cell (pdfLinks.ts); rules, shading
 * and repeated table headers are artifacts.
 *
 * Nothing is left alone at the foot of a page: a heading is kept with the first lines of what
 * follows it, a table's header row with its first row. A row moves whole to the next page when it
 * fits there; a row longer than a page continues on the next, under the repeated header, with its
 * reference shown again.
 */
import type { Doc, Line, Para, Typesetter } from './pdfLayout.ts';
import { drawLinkedLines } from './pdfLinks.ts';
import { gathered } from './pdfOutput.ts';

const PAD = 3;
const RULE = '#9A9A9A';
const HEADER_FILL = '#D9E2F3';

export type StructElement = PDFKit.PDFStructureElement;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
  /** Short texts the column shows (a kind's name) whose words must not be broken. */
  unbroken?: readonly string[];
}

export interface TableSpec {
  columns: readonly Column[];
  /** Each row's cells, each cell one or more paragraphs. */
  rows: Iterable<readonly (readonly Para[])[]>;
  size: number;
  /** What the first column shows where a row goes on from the previous page. */
  continued?: (row: readonly (readonly Para[])[]) => Para[];
}

/** Where the next thing goes on the current page; new pages come from `addPage` (which knows their orientation). */
export class Flow {
  y = 0;
  constructor(
    readonly ts: Typesetter,
    private readonly addPage: () => void,
  ) {}

  get doc(): Doc {
    return this.ts.doc;
  }
  get left(): number {
    return this.doc.page.margins.left;
  }
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get top(): number {
    return this.doc.page.margins.top;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  newPage(): void {
    this.addPage();
    this.y = this.top;
  }

  /** A new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  /**
   * Paragraphs as one structure element of `type` (P, H1, H2…). `keep` is the room wanted below
   * them on the same page, so that a heading never ends a page.
   */
  paragraphs(parent: StructElement, type: string, paras: readonly Para[], options: { keep?: number; after?: number } = {}): void {
    const { ts, doc } = this;
    const lines = ts.wrapAll(paras, this.width);
    const height = lines.reduce((h, l) => h + ts.lineHeight(l.size), 0);
    this.ensure(height + (options.keep ?? 0));
    const element = doc.struct(type);
    parent.add(element);
    element.add(doc.markStructureContent(type));
    for (const line of lines) {
      const h = ts.lineHeight(line.size);
      if (this.y + h > this.bottom) {
        doc.endMarkedContent();
        this.newPage();
        element.add(doc.markStructureContent(type));
      }
      ts.draw(line, this.left, this.y);
      this.y += h;
    }
    doc.endMarkedContent();
    element.end();
    this.y += options.after ?? 0;
  }

  /** Space, unless at the top of a page. */
  gap(points: number): void {
    if (this.y > this.top) this.y = Math.min(this.y + points, this.bottom);
  }

  /** Rules and shading: artifacts, which assistive technology skips. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
    this.ts.forget();
  }

  table(parent: StructElement, given: TableSpec): void {
    const { ts, doc } = this;
    const spec = { ...given, columns: wideEnoughForWords(ts, given.columns, given.size) };
    const lh = ts.lineHeight(spec.size);
    const x0 = this.left;
    const cellWidths = spec.columns.map((c) => c.width - 2 * PAD);
    const header = spec.columns.map((c, i) => ts.wrap({ text: c.title, font: 'bold', size: spec.size }, cellWidths[i]!));
    const headerHeight = Math.max(...header.map((l) => l.length)) * lh + 2 * PAD;
    const table = doc.struct('Table');
    parent.add(table);

    const total = spec.columns.reduce((w, c) => w + c.width, 0);
    const frame = (y: number, height: number, fill: boolean) =>
      this.artifact(() => {
        if (fill) doc.rect(x0, y, total, height).fill(HEADER_FILL);
        doc.lineWidth(0.5).strokeColor(RULE);
        doc.rect(x0, y, total, height);
        let x = x0;
        for (const c of spec.columns.slice(0, -1)) {
          x += c.width;
          doc.moveTo(x, y).lineTo(x, y + height);
        }
        doc.stroke();
      });
    const cells = (lines: readonly (readonly Line[])[], y: number, tagged: Array<StructElement | null>, role = 'TD') => {
      let x = x0;
      lines.forEach((cell, i) => {
        const column = spec.columns[i]!;
        const element = tagged[i];
        if (cell.length > 0 && element && cell.some((line) => line.link)) {
          drawLinkedLines(doc, ts, element, role, cell, { x: x + PAD, y: y + PAD, width: cellWidths[i]!, lineHeight: lh, align: column.align });
        } else if (cell.length > 0) {
          if (element) element.add(doc.markStructureContent(role));
          else doc.markContent('Artifact');
          cell.forEach((line, n) => ts.draw(line, x + PAD, y + PAD + n * lh, column.align, cellWidths[i]!));
          doc.endMarkedContent();
        }
        x += column.width;
      });
    };
    const drawHeader = (first: boolean) => gathered(doc, () => {
      frame(this.y, headerHeight, true);
      if (first) {
        const row = doc.struct('TR');
        table.add(row);
        const ths = spec.columns.map(() => doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions));
        ths.forEach((th) => row.add(th));
        cells(header, this.y, ths, 'TH');
        ths.forEach((th) => th.end());
        row.end();
      } else {
        // The header repeated on a continuation page is pagination: tagged once, at the start.
        cells(header, this.y, []);
      }
      this.y += headerHeight;
    });
    const fresh = () => {
      this.newPage();
      drawHeader(false);
    };

    let first = true;
    for (const row of spec.rows) {
      const lines = row.map((paras, i) => ts.wrapAll(paras, cellWidths[i]!));
      const height = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * PAD;
      if (first) {
        this.ensure(headerHeight + Math.min(height, 4 * lh + 2 * PAD));
        drawHeader(true);
        first = false;
      } else if (this.y + height > this.bottom && height <= this.bottom - this.top - headerHeight) {
        fresh();
      }
      const tr = doc.struct('TR');
      table.add(tr);
      const tds = row.map(() => doc.struct('TD'));
      tds.forEach((td) => tr.add(td));
      const from = lines.map(() => 0);
      let started = false;
      for (;;) {
        const fits = Math.floor((this.bottom - this.y - 2 * PAD) / lh);
        const left = Math.max(1, ...lines.map((cell, i) => cell.length - from[i]!));
        // A row too long for any page starts with four lines at least, and goes on with two; a
        // shorter row needs only its own lines (the header above it was placed with room for them).
        if (fits < Math.min(started ? 2 : 4, left)) {
          fresh();
          continue;
        }
        const taken = lines.map((cell, i) => cell.slice(from[i], from[i]! + fits));
        const sliceHeight = Math.max(1, ...taken.map((t) => t.length)) * lh + 2 * PAD;
        gathered(doc, () => {
          frame(this.y, sliceHeight, false);
          cells(taken, this.y, tds);
          if (started && spec.continued) {
            const again = ts.wrapAll(spec.continued(row), cellWidths[0]!);
            const below = this.y + PAD + taken[0]!.length * lh;
            if (below + again.length * lh <= this.y + sliceHeight) cells([again], below, []);
          }
        });
        this.y += sliceHeight;
        started = true;
        taken.forEach((t, i) => (from[i] = from[i]! + t.length));
        if (lines.every((cell, i) => from[i]! >= cell.length)) break;
        fresh();
      }
      tds.forEach((td) => td.end());
      tr.end();
    }
    if (first) drawHeader(true);
    table.end();
  }
}

/**
 * The columns, each at least as wide as the longest word of its title (and of its `unbroken` texts),
 * the room taken from the widest column: French runs about 20 % longer than English, and a count
 * column headed "Observations" or "Partiellement acceptée" must not break a word in two.
 */
function wideEnoughForWords(ts: Typesetter, columns: readonly Column[], size: number): Column[] {
  const longest = (texts: readonly string[], font: 'bold' | 'regular') =>
    Math.max(0, ...texts.flatMap((text) => text.split(/\s+/)).map((word) => ts.width(word, font, size)));
  const needs = columns.map((c) => Math.ceil(Math.max(longest([c.title], 'bold'), longest(c.unbroken ?? [], 'regular'))) + 2 * PAD + 1);
  const widths = columns.map((c) => c.width);
  for (let i = 0; i < widths.length; i++) {
    const short = needs[i]! - widths[i]!;
    if (short <= 0) continue;
    const donor = widths.reduce((best, w, j) => (j !== i && w - needs[j]! > widths[best]! - needs[best]! ? j : best), i === 0 ? 1 : 0);
    const spare = Math.min(short, widths[donor]! - needs[donor]!);
    if (donor === i || spare <= 0) continue;
    widths[donor]! -= spare;
    widths[i]! += spare;
  }
  return columns.map((c, i) => (widths[i] === c.width ? c : { ...c, width: widths[i]! }));
}
