import { describe, expect, it } from 'vitest';
import { compareTexts, wordDiff } from '../../server/versions/compare.ts';
import type { SectionText } from '../../server/documents/text.ts';

const s = (id: string, number: string, title: string, text: string): SectionText => ({ id, number, title, text, level: 1 });

describe('wordDiff', () => {
  it('finds exactly the changed words', () => {
    expect(wordDiff('Governments should consult civil society.', 'Governments must consult civil society early.')).toEqual([
      { op: 'equal', text: 'Governments ' },
      { op: 'delete', text: 'should' },
      { op: 'insert', text: 'must' },
      { op: 'equal', text: ' consult civil society ' },
      { op: 'insert', text: 'early' },
      { op: 'equal', text: '.' },
    ]);
  });

  it('gives one equal part for identical text and nothing for two empty texts', () => {
    expect(wordDiff('Same text.', 'Same text.')).toEqual([{ op: 'equal', text: 'Same text.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});

describe('compareTexts', () => {
  const from = { preamble: 'Draft.', sections: [s('a', '1', 'Scope', 'Old scope.'), s('b', '2', 'Benefits', 'Same.'), s('c', '3', 'Barriers', 'Gone soon.'), s('d', '4', 'Principles', 'Trust.')] };
  const to = { preamble: 'Revised draft.', sections: [s('a', '1', 'Purpose and scope', 'New scope.'), s('b', '2', 'Benefits', 'Same.'), s('d', '3', 'Principles', 'Trust.'), s('e', '4', 'Resources', 'Money.')] };
  const result = compareTexts(from, to);

  it('matches sections by id and classifies each', () => {
    expect(result.sections.map((x) => [x.id, x.change])).toEqual([
      ['a', 'changed'],
      ['b', 'unchanged'],
      ['c', 'removed'],
      ['d', 'unchanged'],
      ['e', 'added'],
    ]);
  });

  it('recognises renamed and renumbered sections', () => {
    expect(result.sections[0]!.titleDiff).toEqual([
      { op: 'delete', text: 'Scope' },
      { op: 'insert', text: 'Purpose and scope' },
    ]);
    expect(result.sections[1]!.titleDiff).toBeUndefined();
    expect(result.sections[3]).toMatchObject({ id: 'd', number: '3', previousNumber: '4' });
  });

  it('gives removed and added sections their whole text as deleted or inserted', () => {
    expect(result.sections[2]!.diff).toEqual([{ op: 'delete', text: 'Gone soon.' }]);
    expect(result.sections[4]!.diff).toEqual([{ op: 'insert', text: 'Money.' }]);
    expect(result.preamble.some((p) => p.op === 'insert' && p.text.includes('Revised'))).toBe(true);
  });
});
