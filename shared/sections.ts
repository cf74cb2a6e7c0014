/**
 * Section numbering. A section is a heading of the text; its number ("3", "3.2") follows from the
 * headings before it, so it is computed, never stored. The client's outline and the server's API
 * both use this function so they always agree.
 */

export interface Heading {
  id: string;
  level: number;
  title: string;
}

export interface Section extends Heading {
  number: string;
}

/**
 * Section "0": the text before the first heading (an introduction, a call for comments), a section
 * of its own so it can be commented on. Its id is this constant rather than an attribute on a block:
 * the text before the first heading has no node of its own that lasts (its paragraphs are edited,
 * split, deleted), and a document has at most one such section, so a fixed id stays the same across
 * edits, restarts and versions. Heading ids are UUIDs; a heading that claims this id is not a section.
 */
export const PREAMBLE_SECTION_ID = 'preamble';
export const PREAMBLE_TITLE = 'Introduction';
export const PREAMBLE_NUMBER = '0';

/**
 * Numbers the headings; `preamble` (the document has text before its first heading) puts section
 * "0" first.
 */
export function numberSections(headings: readonly Heading[], preamble = false): Section[] {
  const counters: number[] = [];
  const numbered = headings
    .filter((heading) => heading.id !== PREAMBLE_SECTION_ID)
    .map((heading) => {
      const depth = Math.max(1, Math.floor(heading.level));
      counters.length = Math.max(counters.length, depth);
      for (let i = 0; i < depth - 1; i++) counters[i] = counters[i] ?? 0;
      counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
      counters.length = depth;
      return { ...heading, level: depth, number: counters.join('.') };
    });
  return preamble ? [{ id: PREAMBLE_SECTION_ID, level: 1, title: PREAMBLE_TITLE, number: PREAMBLE_NUMBER }, ...numbered] : numbered;
}
