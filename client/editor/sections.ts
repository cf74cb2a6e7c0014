/**
 * Sections read from the live editor, the same way the server reads them from the Y.XmlFragment:
 * top-level headings that carry an id, numbered by the shared numberSections.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SECTION_NODE } from '../../shared/schema.ts';
import { numberSections, PREAMBLE_SECTION_ID, type Heading, type Section } from '../../shared/sections.ts';

/** The id of a top-level node that opens a section, or null (as the server's sectionIdOf). */
export function sectionIdOf(node: ProseMirrorNode): string | null {
  const id: unknown = node.attrs.id;
  return node.type.name === SECTION_NODE && typeof id === 'string' && id && id !== PREAMBLE_SECTION_ID ? id : null;
}

export function sectionsOf(doc: ProseMirrorNode): Section[] {
  const headings: Heading[] = [];
  // Text before the first heading makes section "0" (shared/sections.ts).
  let preamble = false;
  doc.forEach((node) => {
    const id = sectionIdOf(node);
    if (!id) {
      if (headings.length === 0 && node.textContent.trim()) preamble = true;
      return;
    }
    const level = Number(node.attrs.level ?? 1);
    headings.push({ id, level: Number.isFinite(level) ? level : 1, title: node.textContent.trim() });
  });
  return numberSections(headings, preamble);
}

/** Position of the section's heading in the document (the start, for section "0"), or null when it is gone. */
export function headingPosition(doc: ProseMirrorNode, id: string): { from: number; to: number } | null {
  if (id === PREAMBLE_SECTION_ID) return doc.childCount ? { from: 0, to: doc.child(0).nodeSize } : null;
  let found: { from: number; to: number } | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.type.name === SECTION_NODE && node.attrs.id === id) found = { from: offset, to: offset + node.nodeSize };
  });
  return found;
}
