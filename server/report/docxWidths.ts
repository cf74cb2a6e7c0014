/**
 * Column widths of the Word edition's tables, wide enough for the longest word of each header (and
 * of a column's short fixed texts, a kind's name): French runs about 20 % longer than English, and
 * Word breaks a word that does not fit its cell in the middle ("Partiellem|ent"). The room is taken
 * from the column with the most to spare. Word lays the text out, not us, so widths are estimated
 * from Arial's proportions at the cells' 9 pt, on the generous side.
 */

/** Twips per character of 9 pt Arial (an em is 180 twips), by how wide the letter is. */
const THIN = /[ijl.,;:'’!|]/;
const NARROW = /[frtI()\-/]/;
const WIDE = /[mwMW@%]/;
const charWidth = (c: string, bold: boolean) => (THIN.test(c) ? 50 : NARROW.test(c) ? 70 : WIDE.test(c) ? 160 : /\p{Lu}/u.test(c) ? 130 : bold ? 112 : 100);

/** Left and right cell margins (Word's default, 108 twips each) and slack for the estimate. */
const CELL_MARGINS = 2 * 108 + 100;

const wordWidth = (word: string, bold: boolean) => [...word].reduce((sum, c) => sum + charWidth(c, bold), 0);
const longestWord = (texts: readonly string[], bold: boolean) => Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => wordWidth(w, bold)));

export function wideEnoughForWords(widths: readonly number[], header: readonly string[], unbroken: ReadonlyArray<readonly string[] | undefined> = []): number[] {
  const needs = widths.map((_w, i) => Math.ceil(Math.max(longestWord([header[i] ?? ''], true), longestWord(unbroken[i] ?? [], false))) + CELL_MARGINS);
  const fitted = [...widths];
  for (let i = 0; i < fitted.length; i++) {
    const short = needs[i]! - fitted[i]!;
    if (short <= 0) continue;
    let donor = -1;
    for (let j = 0; j < fitted.length; j++) if (j !== i && (donor < 0 || fitted[j]! - needs[j]! > fitted[donor]! - needs[donor]!)) donor = j;
    const spare = donor < 0 ? 0 : Math.min(short, fitted[donor]! - needs[donor]!);
    if (spare <= 0) continue;
    fitted[donor] = fitted[donor]! - spare;
    fitted[i] = fitted[i]! + spare;
  }
  return fitted;
}
