/**
 * Reading the live text of a document straight from its Y.XmlFragment, without building an editor:
 * the headings that make its sections, and the plain text of any element.
 */
import * as Y from 'yjs';
import { numberSections, PREAMBLE_SECTION_ID, type Heading, type Section } from '../../shared/sections.ts';
import { SECTION_NODE, TEXT_FIELD } from '../../shared/schemaNames.ts';
import type { SectionText } from '../../shared/versions.ts';

import { plainText } from '../../shared/plainText.ts';

export { TEXT_FIELD, plainText };

/** The id of a top-level node that opens a section, or null. */
export function sectionIdOf(node: unknown): string | null {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== SECTION_NODE) return null;
  const id = node.getAttribute('id');
  return typeof id === 'string' && id && id !== PREAMBLE_SECTION_ID ? id : null;
}

export function readHeadings(doc: Y.Doc): Heading[] {
  const headings: Heading[] = [];
  for (const child of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    const id = sectionIdOf(child);
    if (!id) continue;
    const level = Number((child as Y.XmlElement).getAttribute('level') ?? 1);
    headings.push({ id, level: Number.isFinite(level) ? level : 1, title: plainText(child as Y.XmlElement).trim() });
  }
  return headings;
}

/** Whether the document has text before its first heading, which makes section "0". */
export function hasPreamble(doc: Y.Doc): boolean {
  for (const child of doc.getXmlFragment(TEXT_FIELD).toArray()) {
    if (sectionIdOf(child)) return false;
    if ((child instanceof Y.XmlElement || child instanceof Y.XmlText) && plainText(child).trim()) return true;
  }
  return false;
}

export function readSections(doc: Y.Doc): Section[] {
  return numberSections(readHeadings(doc), hasPreamble(doc));
}

export type { SectionText };

/**
 * Each section with its text. The text before the first heading is section "0" among them; `preamble`
 * stays in the shape, always empty, for readers of the earlier shape.
 */
export function readSectionTexts(doc: Y.Doc): { preamble: string; sections: SectionText[] } {
  const numbered = readSections(doc);
  const byId = new Map(numbered.map((s) => [s.id, s]));
  const preamble: string[] = [];
  const lines = new Map<string, string[]>([[PREAMBLE_SECTION_ID, preamble]]);
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
    const id = sectionIdOf(child);
    if (id && byId.has(id)) {
      current = [];
      lines.set(id, current);
      continue;
    }
    collect(child);
  }
  const text = (parts: string[]) => parts.filter((line) => line.trim()).join('\n');
  return {
    preamble: '',
    sections: numbered.map((s) => ({ ...s, text: text(lines.get(s.id) ?? []) })),
  };
}
