/**
 * Finding a table's quoted words in the live text, so an imported comment is anchored like one made
 * by selecting those words. The match forgives what copying out of Word changes: case, runs of
 * spaces, curly against straight quotes, dashes, and quotation marks or an ellipsis around the quote.
 * A quote is looked for inside one paragraph (one Y.XmlText), as a selection in the editor would be.
 */
import * as Y from 'yjs';
import type { Anchor } from '../../../shared/api.ts';
import { anchorInText, sectionAt, type TextIndex } from '../../documents/anchors.ts';
import { plainText } from '../../documents/text.ts';

/** Shorter than this, a cell is a pointer ("§3", "T1"), not words to find. */
const MIN_QUOTE_CHARS = 4;

export interface QuoteMatch {
  sectionId: string;
  /** The words as they stand in the text. */
  quote: string;
  anchor: Anchor;
}

/** The text folded for matching, with the index in the original of each folded character. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    let ch = text[i]!.toLowerCase();
    if (/\s/.test(ch)) {
      if (lastSpace) continue;
      ch = ' ';
    } else if ('‘’‛′'.includes(ch)) ch = "'";
    else if ('“”„«»″'.includes(ch)) ch = '"';
    else if ('‐‑‒–—―'.includes(ch)) ch = '-';
    lastSpace = ch === ' ';
    folded += ch;
    origin.push(i);
  }
  return { folded, origin };
}

/** The quote as it will be looked for: folded, without quotation marks or ellipses around it. */
export function quoteKey(cell: string): string | null {
  const key = fold(cell)
    .folded.replace(/^[\s"'.…]+|[\s"'.…]+$/g, '')
    .trim();
  return key.length >= MIN_QUOTE_CHARS ? key : null;
}

/**
 * The first place the quote stands, in `sectionId` when given, else anywhere in the text; null when
 * it is nowhere. `unique` tells whether it stands in one section only (used to guess a section).
 */
export function findQuote(index: TextIndex, cell: string, sectionId: string | null): (QuoteMatch & { unique: boolean }) | null {
  const key = quoteKey(cell);
  if (!key) return null;
  let first: QuoteMatch | null = null;
  const sections = new Set<string>();
  for (const [text, base] of index.offsets) {
    const section = sectionAt(index, base);
    if (!section || (sectionId && section !== sectionId)) continue;
    const content = plainText(text);
    const { folded, origin } = fold(content);
    const at = folded.indexOf(key);
    if (at < 0) continue;
    sections.add(section);
    if (!first) {
      const from = origin[at]!;
      const to = origin[at + key.length - 1]! + 1;
      first = { sectionId: section, quote: content.slice(from, to), anchor: anchorInText(text as Y.XmlText, from, to) };
    }
  }
  return first && { ...first, unique: sections.size === 1 };
}
