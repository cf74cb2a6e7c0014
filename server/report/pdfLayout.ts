/**
 * Lines of text laid out by hand for the PDF. pdfkit's own text() measures every word again on each
 * call and wraps through an event-driven line wrapper: for 10,000 comments in table cells that was
 * most of the time. Here a word's width is measured once per font (a Map lookup after that), lines
 * are broken greedily at spaces (a word wider than its column is cut between characters), and each
 * line is drawn with pdfkit's fragment writer, which encodes the glyphs and embeds them in the font
 * subset. Text goes through drawable() and runs() (pdfText.ts) so every script the font knows is
 * shown, right-to-left lines in visual order.
 */
import { startsRightToLeft } from './labels.ts';
import { drawable, FONTS, runs } from './pdfText.ts';
import type { Doc, EmbeddedFont, FontName, FragmentWriter, Line, Para } from './pdfLines.ts';

export type { Doc, FontName, Line, LinkTarget, Para } from './pdfLines.ts';

/**
 * Text in scripts DejaVu Sans draws one glyph per character, with no shaping: Latin, Greek,
 * Cyrillic, punctuation, symbols, emoji (combining marks and right-to-left scripts excluded). Such
 * text is measured from cached glyph advances and written straight to the page, without fontkit's
 * shaping, which costs a thousand times more per word. Kerning is the one thing given up.
 */
const SIMPLE = /^[\u0020-\u02FF\u0370-\u03FF\u0400-\u0482\u048A-\u04FF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F\u2190-\u23FF\u2500-\u27BF\uFFFD\u{1F000}-\u{1FAFF}]*$/u;

interface Glyph {
  hex: string;
  advance: number;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** The line height as a multiple of the font size: DejaVu Sans's ascent and descent, and a little air. */
export const LEADING = 1.2;

export class Typesetter {
  private readonly widths: Record<FontName, Map<string, number>> = { regular: new Map(), bold: new Map() };
  private readonly glyphs: Record<FontName, Map<number, Glyph>> = { regular: new Map(), bold: new Map() };
  private readonly bidiRuns = new Map<string, string[]>();
  private readonly wrapped = new Map<string, readonly Line[]>();
  private readonly fonts: Record<FontName, EmbeddedFont>;
  private color = '';
  private current: FontName | null = null;
  private currentSize = 0;

  constructor(readonly doc: Doc) {
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    const writer = doc as unknown as FragmentWriter;
    doc.font('bold');
    // oxlint-disable-next-line no-underscore-dangle -- pdfkit's internals, described at the top of this file
    const bold = writer._font;
    doc.font('regular');
    // oxlint-disable-next-line no-underscore-dangle -- pdfkit's internals, described at the top of this file
    this.fonts = { regular: writer._font, bold };
    this.current = null;
    this.currentSize = 0;
    // A new page starts with the default colour.
    doc.on('pageAdded', () => this.forget());
  }

  /** The width of a piece of text at a size, in points; measured once per font and text. */
  width(text: string, font: FontName, size: number): number {
    const cache = this.widths[font];
    let w = cache.get(text);
    if (w === undefined) {
      if (SIMPLE.test(text)) {
        w = 0;
        for (const char of text) w += this.glyph(font, char.codePointAt(0)!).advance;
      } else {
        w = this.fonts[font].widthOfString(text, 1000);
      }
      cache.set(text, w);
    }
    return (w * size) / 1000;
  }

  /** A character's glyph in the font's subset: its number in hex, as the page's text shows it, and its advance. */
  private glyph(font: FontName, codePoint: number): Glyph {
    const cache = this.glyphs[font];
    let glyph = cache.get(codePoint);
    if (!glyph) {
      const embedded = this.fonts[font];
      const found = embedded.font.glyphForCodePoint(codePoint);
      const id = embedded.subset.includeGlyph(found.id);
      const advance = found.advanceWidth * embedded.scale;
      embedded.widths[id] ??= advance;
      embedded.unicode[id] ??= found.codePoints.length ? found.codePoints : [codePoint];
      glyph = { hex: id.toString(16).padStart(4, '0'), advance };
      cache.set(codePoint, glyph);
    }
    return glyph;
  }

  /**
   * Simple text's (see SIMPLE) glyphs in the font's subset, as the page shows them. Joined once:
   * added one by one, a line's hex is a chain of one small string per glyph, kept with the line
   * (wrap's cache) long enough to be copied by collections (a tenth of what they copied for
   * 10,000 comments).
   */
  private hex(text: string, font: FontName): string {
    const glyphs: string[] = [];
    for (const char of text) glyphs.push(this.glyph(font, char.codePointAt(0)!).hex);
    return glyphs.join('');
  }

  /** Simple text (see SIMPLE, its glyphs from hex()) written as pdfkit's fragment writer would, less the shaping. */
  private fastFragment(hex: string, font: FontName, size: number, x: number, y: number): void {
    const embedded = this.fonts[font];
    const writer = this.doc as unknown as FragmentWriter;
    writer.page.fonts[embedded.id] ??= embedded.ref();
    // pdfkit's pages are drawn with y downwards; the text matrix turns the glyphs the right way up.
    const baseline = y + (embedded.ascender / 1000) * size;
    this.doc.addContent(`BT 1 0 0 -1 ${num(x)} ${num(baseline)} Tm /${embedded.id} ${num(size)} Tf [<${hex}>] TJ ET`);
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  /**
   * The paragraph broken into lines no wider than `width`. An empty paragraph is one empty line.
   * The lines are remembered and shared, so they must not be changed: most cells of the comment
   * table say what other rows say too (a country, an organisation, a kind, a status, a quoted passage).
   * A comment's own words (`once`) are not: for 10,000 comments they filled the cache every few
   * thousand rows, emptying it, and lived just long enough for every young-generation collection to
   * copy them twice (15 % of what those collections copied).
   */
  wrap(para: Para, width: number): readonly Line[] {
    const font = para.font ?? 'regular';
    const size = para.size ?? 9;
    const color = para.color ?? 'black';
    if (para.once) return this.wrapAnew(para.text, font, size, color, width);
    const key = `${font} ${size} ${color} ${width} ${para.text}`;
    let lines = this.wrapped.get(key);
    if (!lines) {
      if (this.wrapped.size >= 20_000) this.wrapped.clear();
      lines = this.wrapAnew(para.text, font, size, color, width);
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  private wrapAnew(given: string, font: FontName, size: number, color: string, width: number): Line[] {
    const lines: Line[] = [];
    const space = this.width(' ', font, size);
    let text = drawable(given);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    for (const source of text.split('\n')) {
      // The direction of the source line (UAX #9: its first strong letter) holds for every line it wraps to.
      const direction = RTL.test(source) ? (startsRightToLeft(source) ? 'rtl' : 'ltr') : null;
      let line = '';
      let lineWidth = 0;
      for (const word of source.split(' ')) {
        const w = this.width(word, font, size);
        if (line !== '' && lineWidth + space + w <= width) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line !== '') lines.push(this.line(line, lineWidth, direction, font, size, color));
        if (w <= width) {
          line = word;
          lineWidth = w;
          continue;
        }
        // A word wider than the column (a long address, "Member/organisation"): cut after its last
        // slash or hyphen that fits, else between characters.
        let rest = word;
        while (rest !== '') {
          const cut = this.fitting(rest, font, size, width);
          const piece = rest.slice(0, cut);
          lines.push(this.line(piece, this.width(piece, font, size), direction, font, size, color));
          rest = rest.slice(cut);
          if (this.width(rest, font, size) <= width) break;
        }
        line = rest;
        lineWidth = this.width(rest, font, size);
      }
      lines.push(this.line(line, lineWidth, direction, font, size, color));
    }
    return lines;
  }

  /**
   * A line as drawn: in one piece, or cut into direction runs when it holds right-to-left text. It
   * ends with a space, drawn but not counted: text read from the page (copied, or read aloud from
   * the tags) keeps its words apart where a line wraps.
   */
  private line(text: string, width: number, direction: 'ltr' | 'rtl' | null, font: FontName, size: number, color: string): Line {
    // A left-to-right line with no right-to-left letter in it (the English start of a comment that
    // ends in Arabic) is one run: every level is even, nothing to reorder or mirror.
    if (direction === null || (direction === 'ltr' && !RTL.test(text))) return { pieces: [`${text} `], widths: [width], width, font, size, color };
    const pieces = [...this.ordered(text, direction)];
    const widths = pieces.map((p) => this.width(p, font, size));
    pieces[pieces.length - 1] += ' ';
    return { pieces, widths, width: widths.reduce((a, b) => a + b, 0), font, size, color };
  }

  /**
   * The line's direction runs, remembered: the Bidirectional Algorithm is the dearest step per line,
   * and the same lines come back (a quoted passage, a name, a closing sentence).
   */
  private ordered(text: string, direction: 'ltr' | 'rtl'): readonly string[] {
    const key = `${direction}${text}`;
    let pieces = this.bidiRuns.get(key);
    if (!pieces) {
      if (this.bidiRuns.size >= 20_000) this.bidiRuns.clear();
      pieces = runs(text, direction);
      if (pieces.length === 0) pieces.push('');
      this.bidiRuns.set(key, pieces);
    }
    return pieces;
  }

  /** How many characters (UTF-16 units) of a word wider than `width` go on a line. */
  private fitting(word: string, font: FontName, size: number, width: number): number {
    let end = 0;
    let w = 0;
    let lastBreak = 0;
    for (const char of word) {
      const cw = this.width(char, font, size);
      if (end > 0 && w + cw > width) break;
      w += cw;
      end += char.length;
      if ((char === '/' || char === '-') && end < word.length) lastBreak = end;
    }
    return lastBreak > 0 ? lastBreak : Math.max(end, 1);
  }

  /** Several paragraphs, one after the other. */
  wrapAll(paras: readonly Para[], width: number): Line[] {
    return paras.flatMap((p) => {
      const lines = this.wrap(p, width);
      // Copies: the wrapped lines are shared (wrap). Field by field: spread, every copy had a hidden
      // class of its own (10,000 for 10,000 comments' references), and draw(), seeing hundreds,
      // read every line of the file the slowest way.
      const { link } = p;
      return link ? lines.map((l) => ({ pieces: l.pieces, widths: l.widths, width: l.width, font: l.font, size: l.size, color: l.color, glyphs: l.glyphs, link })) : lines;
    });
  }

  /** Draws a line with its top at y, from x (or ending at x + width when aligned right). */
  draw(line: Line, x: number, y: number, align: 'left' | 'right' | 'center' = 'left', width = 0): void {
    const { doc } = this;
    if (this.current !== line.font || this.currentSize !== line.size) {
      doc.font(line.font).fontSize(line.size);
      this.current = line.font;
      this.currentSize = line.size;
    }
    if (this.color !== line.color) {
      doc.fillColor(line.color);
      this.color = line.color;
    }
    let at = align === 'right' ? x + width - line.width : align === 'center' ? x + (width - line.width) / 2 : x;
    const writer = doc as unknown as FragmentWriter;
    // A line drawn again (a shared line, see wrap) reuses its glyphs.
    line.glyphs ??= line.pieces.map((piece) => (SIMPLE.test(piece) ? this.hex(piece, line.font) : null));
    const { glyphs } = line;
    line.pieces.forEach((piece, i) => {
      const hex = glyphs[i];
      if (piece === '') {
        // nothing to draw
      } else if (typeof hex === 'string') this.fastFragment(hex, line.font, line.size, at, y);
      // oxlint-disable-next-line no-underscore-dangle -- pdfkit's internals, described at the top of this file
      else writer._fragment(piece, at, y, { textWidth: line.widths[i]!, wordCount: 1 });
      at += line.widths[i]!;
    });
  }

  /** After a new page, or pdfkit's own drawing, the font and colour must be set again. */
  forget(): void {
    this.current = null;
    this.color = '';
  }
}

/** A number as PDF content carries it: at most two decimals. */
const num = (n: number) => String(Math.round(n * 100) / 100);
