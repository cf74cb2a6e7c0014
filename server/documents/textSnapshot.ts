/**
 * The text as it stands, as the editor's node tree (GET /api/documents/:id/text), read straight from
 * the Y.XmlFragment the way the editor's Yjs binding reads it, without building an editor: elements
 * are nodes with their attributes, and each run of a Y.XmlText is a text node whose formatting
 * attributes are its marks. The page shows it until the live editor has the text (EditorArea).
 */
import * as Y from 'yjs';
import type { TextSnapshotNode } from '../../shared/api.ts';
import { TEXT_FIELD } from './text.ts';

export function textSnapshot(doc: Y.Doc): TextSnapshotNode[] {
  return nodesOf(doc.getXmlFragment(TEXT_FIELD));
}

function nodesOf(parent: Y.XmlFragment | Y.XmlElement): TextSnapshotNode[] {
  const nodes: TextSnapshotNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const attrs = child.getAttributes();
      nodes.push({ type: child.nodeName, ...(Object.keys(attrs).length ? { attrs } : {}), content: nodesOf(child) });
    } else if (child instanceof Y.XmlText) {
      for (const run of child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof run.insert !== 'string' || run.insert === '') continue;
        const marks = marksOf(run.attributes);
        nodes.push({ type: 'text', text: run.insert, ...(marks.length ? { marks } : {}) });
      }
    }
  }
  return nodes;
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
