/**
 * Reading the live text of a document straight from its Y.XmlFragment, without building an editor:
 * the headings that make its sections, and the plain text of any element.
 */
import * as Y from 'yjs';
import { numberSections, type Heading, type Section } from '../../shared/sections.ts';
import { SECTION_NODE, TEXT_FIELD } from '../../shared/schema.ts';
import type { SectionText } from '../../shared/versions.ts';

import { plainText } from '../../shared/plainText.ts';

export { TEXT_FIELD, plainText };

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

export type { SectionText };

/** Each section with its text, and the text before the first heading (the preamble). */
export function readSectionTexts(doc: Y.Doc): { preamble: string; sections: SectionText[] } {
  const numbered = readSections(doc);
  const byId = new Map(numbered.map((s) => [s.id, s]));
  const lines = new Map<string, string[]>();
  const preamble: string[] = [];
  let current: string[] = preamble;
  const collect = (node: Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      current.push(plainText(node));
      return;
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) collect(child);
  };
  for (const child of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const id = child.nodeName === SECTION_NODE ? child.getAttribute('id') : undefined;
    if (typeof id === 'string' && byId.has(id)) {
      current = [];
      lines.set(id, current);
      continue;
    }
    collect(child);
  }
  const text = (parts: string[]) => parts.filter((line) => line.trim()).join('\n');
  return {
    preamble: text(preamble),
    sections: numbered.map((s) => ({ ...s, text: text(lines.get(s.id) ?? []) })),
  };
}
