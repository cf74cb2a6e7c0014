/**
 * Anchors: where a thread sits in the live text. An anchor is a pair of Yjs relative positions (as
 * y-prosemirror/y-tiptap make them), so it follows the words through every edit. To read the quote
 * of many threads quickly, the text is indexed once: every Y.XmlText gets its offset in one string of
 * the whole document, and each anchor then resolves to two offsets and a slice.
 */
import * as Y from 'yjs';
import type { Anchor } from '../../shared/api.ts';
import { PREAMBLE_SECTION_ID } from '../../shared/sections.ts';
import { plainText, sectionIdOf, TEXT_FIELD } from './text.ts';

export class InvalidAnchor extends Error {}

export interface TextIndex {
  doc: Y.Doc;
  /** The whole text, blocks separated by a newline. */
  text: string;
  offsets: Map<Y.XmlText, number>;
  /** Sections in document order with the offset where each begins. */
  sections: Array<{ id: string; offset: number }>;
}

export function indexText(doc: Y.Doc): TextIndex {
  const parts: string[] = [];
  const offsets = new Map<Y.XmlText, number>();
  const sections: TextIndex['sections'] = [];
  let length = 0;
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const text = plainText(child);
        offsets.set(child, length);
        parts.push(text, '\n');
        length += text.length + 1;
      } else if (child instanceof Y.XmlElement) {
        const id = node instanceof Y.XmlFragment ? sectionIdOf(child) : null;
        if (id) sections.push({ id, offset: length });
        walk(child);
      }
    }
  };
  walk(doc.getXmlFragment(TEXT_FIELD));
  // Text before the first heading is section "0" (shared/sections.ts), from the start.
  const text = parts.join('');
  const before = sections.length ? text.slice(0, sections[0]!.offset) : text;
  if (before.trim()) sections.unshift({ id: PREAMBLE_SECTION_ID, offset: 0 });
  return { doc, text, offsets, sections };
}

export function decodePosition(base64: string): Y.RelativePosition {
  if (typeof base64 !== 'string' || base64.length === 0 || base64.length > 1000 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new InvalidAnchor('anchor positions must be base64');
  }
  try {
    return Y.decodeRelativePosition(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch {
    throw new InvalidAnchor('anchor positions must be encoded Yjs relative positions');
  }
}

/** The offset of a position in the indexed text, or null when what it pointed into is gone. */
function offsetOf(index: TextIndex, position: Y.RelativePosition): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, index.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  const base = index.offsets.get(absolute.type);
  return base === undefined ? null : base + absolute.index;
}

export interface ResolvedAnchor {
  start: number;
  end: number;
  quote: string;
}

/**
 * Where the anchor lies now. Null when none of its text is left (the thread is orphaned). Throws
 * InvalidAnchor when the anchor cannot be read at all.
 */
export function resolveAnchor(index: TextIndex, anchor: Anchor): ResolvedAnchor | null {
  const startPos = decodePosition(anchor.start);
  const endPos = decodePosition(anchor.end);
  const start = offsetOf(index, startPos);
  const end = offsetOf(index, endPos);
  if (start === null && end === null) return null;
  const from = start ?? end ?? 0;
  const to = end ?? start ?? 0;
  if (to <= from) return null;
  const quote = index.text.slice(from, to).replace(/\n+$/, '');
  return quote.trim() ? { start: from, end: to, quote } : null;
}

/** Checks that an anchor a client sends points into this document's text; throws InvalidAnchor. */
export function checkNewAnchor(index: TextIndex, anchor: Anchor): ResolvedAnchor {
  const startPos = decodePosition(anchor.start);
  const endPos = decodePosition(anchor.end);
  const start = offsetOf(index, startPos);
  const end = offsetOf(index, endPos);
  if (start === null || end === null) throw new InvalidAnchor('the anchor does not point into the text of this document');
  if (end <= start) throw new InvalidAnchor('the anchor must cover some text (its end must come after its start)');
  const resolved = resolveAnchor(index, anchor);
  if (!resolved) throw new InvalidAnchor('the anchor covers no text');
  return resolved;
}

/** The id of the section the offset falls in (the last heading at or before it). */
export function sectionAt(index: TextIndex, offset: number): string | null {
  let found: string | null = null;
  for (const section of index.sections) {
    if (section.offset > offset) break;
    found = section.id;
  }
  return found;
}

/** Makes an anchor from offsets into one Y.XmlText, as y-tiptap does for a selection inside it. */
export function anchorInText(text: Y.XmlText, from: number, to: number): Anchor {
  const encode = (index: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1))).toString('base64');
  return { start: encode(from), end: encode(to) };
}
