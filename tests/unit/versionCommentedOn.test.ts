import { describe, expect, it } from 'vitest';
import type { Phase } from '../../shared/domain.ts';
import { versionCommentedOn } from '../../server/report/versionCommentedOn.ts';
import type { VersionRecord } from '../../server/storage/versionRecords.ts';

let clock = 0;
/** A version taken while the document was in `phase`; automatic unless named by hand. */
const taken = (name: string, phase: Phase, automatic = true): VersionRecord => ({
  id: name,
  documentId: 'doc',
  name,
  createdAt: new Date(Date.UTC(2025, 0, 1) + ++clock * 86_400_000).toISOString(),
  createdBy: automatic ? null : 'someone',
  phase,
  automatic,
});

describe('the version commented on', () => {
  it('is the version taken when the document went out for consultation, whatever came after', () => {
    const history = [taken('Before consultation', 'drafting'), taken('Manual', 'consultation', false), taken('As consulted', 'consultation'), taken('Before final review', 'revision')];
    expect(versionCommentedOn(history, 'final-review')).toBe('Before consultation');
    // While the consultation runs, too.
    expect(versionCommentedOn(history.slice(0, 2), 'consultation')).toBe('Before consultation');
  });

  it('is the last consultation of a document consulted twice, and skips versions taken before restoring', () => {
    const history = [
      taken('First consultation', 'drafting'),
      taken('Closed', 'consultation'),
      taken('Second consultation', 'revision'),
      taken('Before restoring', 'consultation'),
    ];
    expect(versionCommentedOn(history, 'consultation')).toBe('Second consultation');
  });

  it('is the first version of a document that began in consultation, and none for a draft never consulted', () => {
    expect(versionCommentedOn([taken('Seeded', 'consultation'), taken('Closed', 'consultation')], 'revision')).toBe('Seeded');
    expect(versionCommentedOn([taken('Manual', 'drafting', false)], 'drafting')).toBeNull();
    expect(versionCommentedOn([], 'consultation')).toBeNull();
  });
});
