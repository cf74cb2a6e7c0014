/**
 * Text as the PDF can show it. The PDF embeds DejaVu Sans (npm package dejavu-fonts-ttf), which
 * covers Latin with every accent, Greek, Cyrillic, Arabic, Hebrew and many symbols, but not CJK,
 * Indic scripts or every emoji. pdfkit never falls back to another font, so a character DejaVu lacks
 * is shown as U+FFFD "�" rather than as an empty box whose copied text would be wrong.
 *
 * pdfkit shapes and orders each piece of text by the script it finds first, and misplaces the
 * spaces of a right-to-left piece. So runs() cuts a line into pieces pdfkit gets right: each
 * right-to-left word on its own (fontkit joins and reverses its letters), the words of a
 * right-to-left run in reverse order, everything else as it is. That is a small bidi algorithm: runs
 * keep their order within the line, and a right-to-left run that wraps puts its last words first.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
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

/** The text with what the font cannot draw replaced; line breaks and tabs kept. */
export function drawable(text: string): string {
  let result = '';
  for (const char of printable(text).replace(INVISIBLE, '')) {
    const codePoint = char.codePointAt(0)!;
    result += codePoint === 10 || codePoint === 9 || covered(codePoint) ? char : REPLACEMENT;
  }
  return result;
}

const RTL = '\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF';
/** A right-to-left run: RTL letters, with the spaces and RTL punctuation between them. */
const RTL_RUN = new RegExp(`[${RTL}]+(?:[ \\u060C\\u061B\\u061F]+[${RTL}]+)*`, 'g');

/** The pieces of a line in the order they are drawn, left to right (see above). */
export function runs(text: string): string[] {
  const result: string[] = [];
  let last = 0;
  for (const match of text.matchAll(RTL_RUN)) {
    if (match.index > last) result.push(text.slice(last, match.index));
    const words = match[0].split(/( +)/).toReversed();
    result.push(...words.filter((word) => word !== ''));
    last = match.index + match[0].length;
  }
  if (last < text.length) result.push(text.slice(last));
  return result;
}
