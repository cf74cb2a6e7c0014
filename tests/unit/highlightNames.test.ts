import { describe, expect, it } from 'vitest';
import { coverAtStarts } from '../../client/threads/highlightPlugin.ts';

describe('where commented words begin, and how many comments cover them', () => {
  it('counts every range that covers a start, nested, overlapping or touching', () => {
    // 1–5 and 3–8 overlap; 3–4 starts where 3–8 does; 5–6 starts where 1–5 ends (1–5 no longer covers 5); 10–12 stands alone.
    const ranges = [
      { from: 3, to: 8 },
      { from: 10, to: 12 },
      { from: 1, to: 5 },
      { from: 3, to: 4 },
      { from: 5, to: 6 },
    ];
    expect(coverAtStarts(ranges)).toEqual([
      { from: 1, count: 1 },
      { from: 3, count: 3 },
      { from: 5, count: 2 },
      { from: 10, count: 1 },
    ]);
  });

  it('gives nothing for no ranges, and one place for identical ranges', () => {
    expect(coverAtStarts([])).toEqual([]);
    expect(coverAtStarts([{ from: 2, to: 9 }, { from: 2, to: 9 }])).toEqual([{ from: 2, count: 2 }]);
  });
});
