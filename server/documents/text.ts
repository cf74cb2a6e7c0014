/**
 * Reading the live text of a document straight from its Y.XmlFragment, without building an editor:
 * the headings that make its sections, and the plain text of any element.
 */
import * as Y from 'yjs';
import { numberSections, type Heading, type Section } from '../../shared/sections.ts';
import { SECTION_NODE } from '../../shared/schema.ts';

export const TEXT_FIELD = 'default';

export function plainText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? plainText(child) : ''))
    .join('');
}

export function readHeadings(doc: Y.Doc): Heading[] {
  const headings: Heading[] = [];
  for (const child of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== SECTION_NODE) continue;
    const id = child.getAttribute('id');
    if (typeof id !== 'string' || !id) continue;
    const level = Number(child.getAttribute('level') ?? 1);
    headings.push({ id, level: Number.isFinite(level) ? level : 1, title: plainText(child).trim() });
  }
  return headings;
}

export function readSections(doc: Y.Doc): Section[] {
  return numberSections(readHeadings(doc));
}
