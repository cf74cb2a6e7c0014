/**
 * Text as the PDF can show it. The PDF embeds DejaVu Sans (npm package dejavu-fonts-ttf), which
 * covers Latin with every accent, Greek, Cyrillic, Arabic, Hebrew and many symbols, but not CJK,
 * Indic scripts or every emoji. pdfkit never falls back to another font, so a character DejaVu lacks
 * is shown as U+FFFD "�" rather than as an empty box whose copied text would be wrong.
 *
 * pdfkit draws pieces of text left to right and knows nothing of bidirectional text: it shapes each
 * piece by the script it finds first (fontkit joins the letters of an Arabic or Hebrew piece and
 * reverses them) and misplaces the spaces of a right-to-left piece. So runs() orders a line with the
 * Unicode Bidirectional Algorithm (UAX #9, the bidi-js package): the paragraph's direction comes from
 * its first strong letter, and the line's runs are put in visual order, so an Arabic sentence with an
 * English name or a number in it reads right to left around them. It then cuts the line into pieces
 * pdfkit draws as they should look: each right-to-left word on its own and in logical order (fontkit
 * reverses it), with mirrored brackets; anything else in visual order.
 *
 * The order is computed per line of the source text, before pdfkit wraps it: a right-to-left line
 * that wraps shows its first visual piece (the end of the sentence) on the first line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import bidiFactory from 'bidi-js';
import { printable } from './labels.ts';

const require = createRequire(import.meta.url);
const fontFolder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The font files, read once per process (about 1.4 MB); pdfkit embeds only the glyphs used. */
export const FONTS = {
  regular: readFileSync(path.join(fontFolder, 'DejaVuSans.ttf')),
  bold: readFileSync(path.join(fontFolder, 'DejaVuSans-Bold.ttf')),
};

interface FontCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
// fontkit is pdfkit's own font engine; asking pdfkit's copy for it keeps the two in step.
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buffer: Buffer): FontCoverage };
const coverage = [fontkit.create(FONTS.regular), fontkit.create(FONTS.bold)];

/** Invisible code points (joiners, variation selectors, bidi controls, tags) that have no glyph to show. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const REPLACEMENT = '\uFFFD';
const known = new Map<number, boolean>();

function covered(codePoint: number): boolean {
  let has = known.get(codePoint);
  if (has === undefined) {
    has = coverage.every((font) => font.hasGlyphForCodePoint(codePoint));
    known.set(codePoint, has);
  }
  return has;
}

/** Text every character of which the font draws as it is: ASCII and Latin-1 to Latin Extended-B, less the soft hyphen. */
const PLAIN_LATIN = /^[\t\n\x20-\x7E\u00A0-\u00AC\u00AE-\u024F]*$/;
const NOT_PLAIN_LATIN = /[^\t\n\x20-\x7E\u00A0-\u00AC\u00AE-\u024F]/gu;

/** The text with what the font cannot draw replaced; line breaks and tabs kept. */
export function drawable(text: string): string {
  // Most text needs nothing done: one test instead of a look at every character.
  if (PLAIN_LATIN.test(text)) return text;
  // Only the characters outside that range are looked up (a comment with one dash or one emoji
  // is otherwise plain).
  return printable(text).replace(INVISIBLE, '').replace(NOT_PLAIN_LATIN, (char) => (covered(char.codePointAt(0)!) ? char : REPLACEMENT));
}

const bidi = bidiFactory();
/** Letters fontkit lays out right to left (it reverses any piece whose first letter is one of them). */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const reversed = (text: string) => [...text].toReversed().join('');

/**
 * The pieces of a line in the order they are drawn, left to right (see above). A line wrapped from a
 * longer paragraph takes the paragraph's direction, given as `direction`.
 */
export function runs(line: string, direction?: 'ltr' | 'rtl'): string[] {
  if (!line) return [];
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const { levels } = embedding;
  // Logical indices in visual order, left to right.
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const segment of bidi.getReorderSegments(line, embedding)) {
    const [start, end] = segment as [number, number];
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).toReversed());
  }
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const pieces: string[] = [];
  const emit = (from: number, to: number, rightToLeft: boolean) => {
    let text = '';
    for (let i = from; i <= to; i++) text += mirrored.get(i) ?? line[i];
    if (!rightToLeft) {
      // Left to right, but in a right-to-left script (Arabic-Indic digits): one character at a time,
      // so that fontkit has nothing to reverse.
      if (RTL_SCRIPT.test(text)) pieces.push(...text);
      else pieces.push(text);
      return;
    }
    for (const token of text.split(/(\s+)/).toReversed()) {
      if (token === '') continue;
      pieces.push(RTL_SCRIPT.test(token) ? token : reversed(token));
    }
  };
  // Group visual positions into runs of consecutive logical indices of one direction.
  let from = order[0]!;
  let to = from;
  let rightToLeft = levels[from]! % 2 === 1;
  for (let p = 1; p < order.length; p++) {
    const index = order[p]!;
    const rtl = levels[index]! % 2 === 1;
    if (rtl === rightToLeft && index === (rtl ? from - 1 : to + 1)) {
      if (rtl) from = index;
      else to = index;
      continue;
    }
    emit(from, to, rightToLeft);
    from = to = index;
    rightToLeft = rtl;
  }
  emit(from, to, rightToLeft);
  return pieces;
}
