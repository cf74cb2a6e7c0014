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

export function numberSections(headings: readonly Heading[]): Section[] {
  const counters: number[] = [];
  return headings.map((heading) => {
    const depth = Math.max(1, Math.floor(heading.level));
    counters.length = Math.max(counters.length, depth);
    for (let i = 0; i < depth - 1; i++) counters[i] = counters[i] ?? 0;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    counters.length = depth;
    return { ...heading, level: depth, number: counters.join('.') };
  });
}
