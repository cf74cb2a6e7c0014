/** Anchors made the way the editor makes them, from a client's copy of the document. */
import * as Y from 'yjs';
import { anchorInText } from '../../server/documents/anchors.ts';
import { TEXT_FIELD, plainText } from '../../server/documents/text.ts';
import type { Anchor } from '../../shared/api.ts';

/** The text nodes of the longer paragraphs under a section, in document order, with their section. */
export function paragraphs(doc: Y.Doc): Array<{ text: Y.XmlText; sectionId: string }> {
  const found: Array<{ text: Y.XmlText; sectionId: string }> = [];
  let sectionId = '';
  for (const node of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (node.nodeName === 'heading') sectionId = String(node.getAttribute('id'));
    if (node.nodeName === 'paragraph') {
      const text = node.toArray().find((c) => c instanceof Y.XmlText) as Y.XmlText | undefined;
      if (text && sectionId && plainText(text).length > 60) found.push({ text, sectionId });
    }
  }
  return found;
}

export function anchorOn(text: Y.XmlText, from: number, to: number): { anchor: Anchor; quote: string } {
  return { anchor: anchorInText(text, from, to), quote: plainText(text).slice(from, to) };
}
