/**
 * Sections read from the live editor, the same way the server reads them from the Y.XmlFragment:
 * top-level headings that carry an id, numbered by the shared numberSections.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SECTION_NODE } from '../../shared/schema.ts';
import { numberSections, type Heading, type Section } from '../../shared/sections.ts';

export function sectionsOf(doc: ProseMirrorNode): Section[] {
  const headings: Heading[] = [];
  doc.forEach((node) => {
    const id: unknown = node.attrs.id;
    if (node.type.name !== SECTION_NODE || typeof id !== 'string' || !id) return;
    const level = Number(node.attrs.level ?? 1);
    headings.push({ id, level: Number.isFinite(level) ? level : 1, title: node.textContent.trim() });
  });
  return numberSections(headings);
}

/** Position of the section's heading in the document, or null when it is gone. */
export function headingPosition(doc: ProseMirrorNode, id: string): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.type.name === SECTION_NODE && node.attrs.id === id) found = { from: offset, to: offset + node.nodeSize };
  });
  return found;
}
