/**
 * Where each thread's highlight falls in the text, per Y.XmlText: the server's counterpart of the
 * editor's highlight decorations (client/threads/highlightPlugin.ts), for the words sent with the
 * document page (server/http/documentBoot.ts). The same rules as the editor's: both ends must still
 * be in the text, the end after the start, and the words between them not blank; a range that
 * crosses blocks is cut into one span per text it covers, as the editor's inline decorations are.
 */
import * as Y from 'yjs';
import type { Anchor } from '../../shared/api.ts';
import type { ThreadStatus } from '../../shared/domain.ts';
import { decodePosition, InvalidAnchor, type TextIndex } from './anchors.ts';

/** As the editor draws it: an open thread, or one that has an answer. */
export type HighlightState = 'open' | 'answered';

export interface ThreadTag {
  id: string;
  state: HighlightState;
}

/** Offsets within one Y.XmlText, as Yjs counts them. */
export interface ThreadSpan extends ThreadTag {
  from: number;
  to: number;
}

export interface HighlightedThread {
  id: string;
  anchor: Anchor | null;
  status: ThreadStatus;
}

export const highlightStateOf = (status: ThreadStatus): HighlightState => (status === 'open' ? 'open' : 'answered');

interface Place {
  text: Y.XmlText;
  index: number;
}

function placeOf(index: TextIndex, base64: string): Place | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(decodePosition(base64), index.doc);
  } catch (error) {
    if (error instanceof InvalidAnchor) return null;
    throw error;
  }
  if (!absolute || !(absolute.type instanceof Y.XmlText) || !index.offsets.has(absolute.type)) return null;
  return { text: absolute.type, index: absolute.index };
}

export function threadSpans(index: TextIndex, threads: readonly HighlightedThread[]): Map<Y.XmlText, ThreadSpan[]> {
  const texts = [...index.offsets.keys()];
  const order = new Map(texts.map((text, i) => [text, i]));
  const spans = new Map<Y.XmlText, ThreadSpan[]>();
  for (const thread of threads) {
    if (!thread.anchor) continue;
    const start = placeOf(index, thread.anchor.start);
    const end = placeOf(index, thread.anchor.end);
    if (!start || !end) continue;
    const from = index.offsets.get(start.text)! + start.index;
    const to = index.offsets.get(end.text)! + end.index;
    if (to <= from || !index.text.slice(from, to).trim()) continue;
    const tag = { id: thread.id, state: highlightStateOf(thread.status) };
    const first = order.get(start.text)!;
    const last = order.get(end.text)!;
    for (let i = first; i <= last; i++) {
      const text = texts[i]!;
      const span = { ...tag, from: i === first ? start.index : 0, to: i === last ? end.index : text.length };
      if (span.to <= span.from) continue;
      const list = spans.get(text);
      if (list) list.push(span);
      else spans.set(text, [span]);
    }
  }
  return spans;
}
