/**
 * What a reader's selection means for a comment: the words it covers (trimmed to text, never a
 * block boundary, so the anchor lands inside a Y.XmlText the server can read) and the section
 * they belong to. Reads the document only.
 */
import { t } from '../i18n/intl.ts';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { MAX_QUOTE_CHARS } from '../../shared/limits.ts';
import { PREAMBLE_SECTION_ID } from '../../shared/sections.ts';
import { sectionIdOf } from '../editor/sections.ts';
import { anchorFor } from './anchors.ts';
import type { CommentTarget } from './types.ts';

/**
 * The id of the section a position falls in: the last top-level heading at or before it, or section
 * "0" (the text before the first heading) when there is none.
 */
export function sectionAt(doc: ProseMirrorNode, pos: number): string | null {
  let found: string | null = null;
  doc.forEach((node, offset) => {
    if (offset > pos) return;
    found = sectionIdOf(node) ?? found;
  });
  return found ?? PREAMBLE_SECTION_ID;
}

const insideText = (doc: ProseMirrorNode, pos: number, side: 'start' | 'end') => {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return false;
  return side === 'start' ? $pos.parentOffset < $pos.parent.content.size : $pos.parentOffset > 0;
};

/** The selection narrowed to the text it really covers; null when it covers none. */
export function selectedText(state: EditorState): { from: number; to: number; quote: string } | null {
  const selection = state.selection;
  if (!(selection instanceof TextSelection) || selection.empty) return null;
  const doc = state.doc;
  let { from, to } = selection;
  // A drag that starts at the end of one paragraph or ends at the start of the next covers a block
  // boundary, not words: step over it.
  while (from < to && !insideText(doc, from, 'start')) from++;
  while (to > from && !insideText(doc, to, 'end')) to--;
  const raw = doc.textBetween(from, to, '\n');
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  // Whitespace at the edges is not part of what people mean to quote; only trim within a text node.
  if (lead > 0 && doc.textBetween(from, from + lead, '\n').length === lead) from += lead;
  if (trail > 0 && to - trail > from && doc.textBetween(to - trail, to, '\n').length === trail) to -= trail;
  if (to <= from) return null;
  const quote = doc.textBetween(from, to, '\n');
  return quote.trim() ? { from, to, quote } : null;
}

export type SelectionTarget = { target: CommentTarget; error?: undefined } | { target?: undefined; error: string };

/** The comment target for the current selection, or why there is none. */
export function targetForSelection(state: EditorState): SelectionTarget | null {
  const text = selectedText(state);
  if (!text) return null;
  if (text.quote.length > MAX_QUOTE_CHARS) {
    return { error: t('threads.selection.tooLong', { max: MAX_QUOTE_CHARS }) };
  }
  const sectionId = sectionAt(state.doc, text.from);
  if (!sectionId) return { error: t('threads.selection.outsideSection') };
  const anchor = anchorFor(state, text.from, text.to);
  if (!anchor) return { error: t('threads.selection.loading') };
  return { target: { type: 'words', sectionId, anchor, quote: text.quote } };
}
