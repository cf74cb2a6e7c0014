/**
 * The text as it stands, as the editor's node tree (GET /api/documents/:id/text), read straight from
 * the Y.XmlFragment the way the editor's Yjs binding reads it, without building an editor: elements
 * are nodes with their attributes, and each run of a Y.XmlText is a text node whose formatting
 * attributes are its marks. The page shows it until the live editor has the text (EditorArea).
 */
import * as Y from 'yjs';
import type { TextSnapshotNode } from '../../shared/api.ts';
import { TEXT_FIELD } from './text.ts';
import type { ThreadSpan, ThreadTag } from './threadSpans.ts';

/** A node of the snapshot; with highlights asked for, a text node also names the threads over its words. */
export interface HighlightedNode extends TextSnapshotNode {
  threads?: ThreadTag[];
  content?: HighlightedNode[];
}

/**
 * With `spans` (threadSpans.ts), text runs are cut where highlights begin and end, and each piece
 * names the threads over it; without, the nodes are exactly the API's.
 */
export function textSnapshot(doc: Y.Doc, spans?: ReadonlyMap<Y.XmlText, readonly ThreadSpan[]>): HighlightedNode[] {
  return nodesOf(doc.getXmlFragment(TEXT_FIELD), spans);
}

function nodesOf(parent: Y.XmlFragment | Y.XmlElement, spans: ReadonlyMap<Y.XmlText, readonly ThreadSpan[]> | undefined): HighlightedNode[] {
  const nodes: HighlightedNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const attrs = child.getAttributes();
      nodes.push({ type: child.nodeName, ...(Object.keys(attrs).length ? { attrs } : {}), content: nodesOf(child, spans) });
    } else if (child instanceof Y.XmlText) {
      const over = spans?.get(child);
      let at = 0;
      for (const run of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        // Yjs counts an embed as one place: offsets stay right past one.
        const length = typeof run.insert === 'string' ? run.insert.length : 1;
        if (typeof run.insert === 'string' && run.insert !== '') {
          const marks = marksOf(run.attributes);
          for (const piece of piecesOf(run.insert, at, over)) {
            nodes.push({ type: 'text', text: piece.text, ...(marks.length ? { marks } : {}), ...(piece.threads.length ? { threads: piece.threads } : {}) });
          }
        }
        at += length;
      }
    }
  }
  return nodes;
}

/** A run's words cut at every highlight boundary inside them, each piece with the threads over all of it. */
function piecesOf(words: string, start: number, spans: readonly ThreadSpan[] | undefined): Array<{ text: string; threads: ThreadTag[] }> {
  if (!spans?.length) return [{ text: words, threads: [] }];
  const end = start + words.length;
  const cuts = new Set([start, end]);
  for (const span of spans) {
    if (span.from > start && span.from < end) cuts.add(span.from);
    if (span.to > start && span.to < end) cuts.add(span.to);
  }
  const points = [...cuts].toSorted((a, b) => a - b);
  return points.slice(0, -1).map((from, i) => {
    const to = points[i + 1]!;
    const threads = spans.filter((span) => span.from <= from && span.to >= to).map(({ id, state }) => ({ id, state }));
    return { text: words.slice(from - start, to - start), threads };
  });
}

/**
 * The binding stores a mark as an attribute named after it, its own attributes as the value; a mark
 * that may appear twice on the same words is stored as `name--hash`.
 */
function marksOf(attributes: Record<string, unknown> | undefined): NonNullable<TextSnapshotNode['marks']> {
  if (!attributes) return [];
  return Object.entries(attributes).map(([name, value]) => {
    const type = name.split('--')[0]!;
    return value && typeof value === 'object' && Object.keys(value).length ? { type, attrs: value as Record<string, unknown> } : { type };
  });
}
