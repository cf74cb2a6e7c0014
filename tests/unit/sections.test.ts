import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { numberSections } from '../../shared/sections.ts';
import { draftState } from '../../server/documents/draftState.ts';
import { importMarkdown } from '../../server/documents/markdown.ts';
import { readSections, readSectionTexts } from '../../server/documents/text.ts';
import { indexText, sectionAt } from '../../server/documents/anchors.ts';

const h = (level: number, title = `h${level}`) => ({ id: title, level, title });

describe('numberSections', () => {
  it('numbers sections and subsections in document order', () => {
    const numbers = numberSections([h(1, 'a'), h(2, 'b'), h(2, 'c'), h(3, 'd'), h(1, 'e'), h(2, 'f')]).map((s) => s.number);
    expect(numbers).toEqual(['1', '1.1', '1.2', '1.2.1', '2', '2.1']);
  });

  it('restarts subsection numbers under each new section', () => {
    const numbers = numberSections([h(1, 'a'), h(2, 'b'), h(3, 'c'), h(1, 'd'), h(3, 'e')]).map((s) => s.number);
    expect(numbers).toEqual(['1', '1.1', '1.1.1', '2', '2.0.1']);
  });

  it('handles a document that starts with a subsection', () => {
    expect(numberSections([h(2, 'a'), h(1, 'b')]).map((s) => s.number)).toEqual(['0.1', '1']);
  });

  it('returns nothing for a text without headings', () => {
    expect(numberSections([])).toEqual([]);
  });
});

describe('readSections', () => {
  it('reads numbered sections, with their ids and titles, from the live Y.XmlFragment', () => {
    const { doc } = importMarkdown('# T\n\n## Purpose and *scope*\n\nText\n\n### Why\n\n## Benefits\n', 't');
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, draftState(doc));
    const sections = readSections(ydoc);
    expect(sections.map(({ number, title, level }) => ({ number, title, level }))).toEqual([
      { number: '1', title: 'Purpose and scope', level: 1 },
      { number: '1.1', title: 'Why', level: 2 },
      { number: '2', title: 'Benefits', level: 1 },
    ]);
    expect(sections.every((s) => s.id.length === 36)).toBe(true);
  });
});

describe('section "0": the text before the first heading', () => {
  const ydocOf = (markdown: string) => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, draftState(importMarkdown(markdown, 't').doc));
    return ydoc;
  };

  it('comes first, numbered "0", with the fixed id, when there is text before the first heading', () => {
    const ydoc = ydocOf('# T\n\nComments are invited.\n\n## Purpose\n\nText\n');
    expect(readSections(ydoc).map(({ id, number, title }) => ({ id: id.length === 36 ? 'uuid' : id, number, title }))).toEqual([
      { id: 'preamble', number: '0', title: 'Introduction' },
      { id: 'uuid', number: '1', title: 'Purpose' },
    ]);
    const index = indexText(ydoc);
    expect(index.sections.map((s) => s.id === 'preamble' ? s : 'heading')).toEqual([{ id: 'preamble', offset: 0 }, 'heading']);
    expect(sectionAt(index, 3)).toBe('preamble');
    const texts = readSectionTexts(ydoc);
    expect(texts.preamble).toBe('');
    expect(texts.sections.map((s) => [s.number, s.text])).toEqual([
      ['0', 'Comments are invited.'],
      ['1', 'Text'],
    ]);
  });

  it('is not there when the text starts with a heading, and is the whole text of a text without headings', () => {
    expect(readSections(ydocOf('# T\n\n## Purpose\n\nText\n')).map((s) => s.number)).toEqual(['1']);
    expect(readSections(ydocOf('Only words.\n')).map((s) => s.number)).toEqual(['0']);
    expect(readSections(ydocOf('# T\n')).map((s) => s.number)).toEqual([]);
  });

  it('is put first by numberSections, which ignores a heading claiming its id', () => {
    expect(numberSections([h(1, 'preamble'), h(1, 'a')], true).map((s) => [s.id, s.number])).toEqual([
      ['preamble', '0'],
      ['a', '1'],
    ]);
  });
});
