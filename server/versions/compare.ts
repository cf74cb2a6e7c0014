/**
 * Comparing two texts section by section. Sections are matched by their heading ids, so a section
 * that was renumbered, renamed or moved is still the same section; the words are compared with the
 * `diff` package at word level.
 */
import { diffWords } from 'diff';
import type { DiffPart, SectionComparison, SectionText } from '../../shared/versions.ts';

export interface ComparedText {
  preamble: string;
  sections: SectionText[];
}

export function wordDiff(from: string, to: string): DiffPart[] {
  if (from === to) return from ? [{ op: 'equal', text: from }] : [];
  return diffWords(from, to).map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }));
}

function compareSection(from: SectionText | undefined, to: SectionText | undefined): SectionComparison {
  if (!from && to) return { id: to.id, number: to.number, title: to.title, level: to.level, change: 'added', diff: to.text ? [{ op: 'insert', text: to.text }] : [] };
  if (from && !to) return { id: from.id, number: from.number, title: from.title, level: from.level, change: 'removed', diff: from.text ? [{ op: 'delete', text: from.text }] : [] };
  const a = from!;
  const b = to!;
  const changed = a.text !== b.text || a.title !== b.title;
  const result: SectionComparison = { id: b.id, number: b.number, title: b.title, level: b.level, change: changed ? 'changed' : 'unchanged', diff: wordDiff(a.text, b.text) };
  if (a.title !== b.title) result.titleDiff = wordDiff(a.title, b.title);
  if (a.number !== b.number) result.previousNumber = a.number;
  return result;
}

/**
 * Every section of either text, in the order of `to`, with each removed section placed after the
 * section that preceded it in `from`.
 */
export function compareTexts(from: ComparedText, to: ComparedText): { preamble: DiffPart[]; sections: SectionComparison[] } {
  const fromById = new Map(from.sections.map((s) => [s.id, s]));
  const toIds = new Set(to.sections.map((s) => s.id));
  const removedAfter = new Map<string | null, SectionText[]>();
  let previousKept: string | null = null;
  for (const section of from.sections) {
    if (toIds.has(section.id)) {
      previousKept = section.id;
      continue;
    }
    const list = removedAfter.get(previousKept) ?? [];
    list.push(section);
    removedAfter.set(previousKept, list);
  }
  const sections: SectionComparison[] = [];
  const pushRemoved = (after: string | null) => {
    for (const removed of removedAfter.get(after) ?? []) sections.push(compareSection(removed, undefined));
  };
  pushRemoved(null);
  for (const section of to.sections) {
    sections.push(compareSection(fromById.get(section.id), section));
    pushRemoved(section.id);
  }
  return { preamble: wordDiff(from.preamble, to.preamble), sections };
}
