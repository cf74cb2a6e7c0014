/** Placing a table's rows: sections by clause, the quote's section, the sender among the members. */
import { describe, expect, it } from 'vitest';
import { placeRow, type Placement } from '../../server/threads/import/placeRows.ts';
import type { TableRow } from '../../server/threads/import/readTable.ts';
import { readCommentTable } from '../../server/threads/import/readTable.ts';
import { ISO_HEADER, xlsxTable } from '../helpers/commentTables.ts';
import { translate } from '../../server/i18n.ts';

const sections = [
  { id: 'preamble', number: '0', title: 'Introduction', level: 1 },
  { id: 's1', number: '1', title: 'Scope', level: 1 },
  { id: 's11', number: '1.1', title: 'Terms', level: 2 },
  { id: 's2', number: '2', title: 'Principles', level: 1 },
];
const text: Record<string, string> = { s11: 'Outreach workers may notice a new substance.', s2: 'Cooperation should be predictable and fair.' };
const authors = [
  { id: 'anna', name: 'Anna Weber', country: 'DE', organisation: 'BMG', email: 'anna@example.org' },
  { id: 'karl', name: 'Karl Vogel', country: 'DE', organisation: 'BfArM', email: 'karl@example.org' },
  { id: 'elodie', name: 'Élodie Martin', country: 'FR', organisation: 'MILDECA', email: 'elodie@example.org' },
];
const placement: Placement = {
  sections,
  authors,
  locate(cell, sectionId) {
    const hits = Object.entries(text).filter(([id, words]) => (!sectionId || id === sectionId) && words.includes(cell));
    return hits.length ? { sectionId: hits[0]![0], quote: cell, unique: hits.length === 1 } : null;
  },
};
const row = (fields: Partial<TableRow>): TableRow => ({
  line: 2,
  memberBody: 'FR',
  lineNumber: '',
  clause: '1',
  paragraph: '',
  type: 'ge',
  comment: 'A comment.',
  proposedChange: '',
  authorName: '',
  authorEmail: '',
  organisation: '',
  ...fields,
});
const codes = (fields: Partial<TableRow>) => placeRow(row(fields), placement).problems.map((p) => p.code);

describe('placing a row', () => {
  it('finds the section by number, falling back from a subclause the text lacks to its parent', () => {
    expect(placeRow(row({ clause: '1.1' }), placement).sectionId).toBe('s11');
    const deeper = placeRow(row({ clause: '1.1.4' }), placement);
    expect([deeper.sectionId, deeper.problems.map((p) => [p.code, p.blocking])]).toEqual(['s11', [['section-guessed', false]]]);
    expect(placeRow(row({ clause: 'General' }), placement).sectionId).toBe('preamble');
    expect(placeRow(row({ clause: '9' }), placement).sectionId).toBeNull();
    expect(codes({ clause: '9' })).toEqual(['no-section']);
  });

  it('puts a row without a usable clause where its quoted words stand, when they stand in one place', () => {
    const placed = placeRow(row({ clause: '', paragraph: 'predictable and fair' }), placement);
    expect([placed.sectionId, placed.quote, placed.problems.map((p) => p.code)]).toEqual(['s2', 'predictable and fair', ['section-guessed']]);
  });

  it('keeps the paragraph cell with the comment when the words are not in the section', () => {
    const placed = placeRow(row({ clause: '2', paragraph: 'Table 3', lineNumber: '17' }), placement);
    expect([placed.quote, placed.body, placed.problems.map((p) => p.code)]).toEqual([null, '[Line 17 · Paragraph/Figure/Table: Table 3]\nA comment.', ['quote-not-found']]);
  });

  it('chooses the sender by e-mail, then name, then the one member of the country (and organisation)', () => {
    expect(placeRow(row({ memberBody: 'DE', authorEmail: 'KARL@example.org' }), placement).authorId).toBe('karl');
    expect(placeRow(row({ memberBody: '', authorName: 'elodie martin' }), placement).authorId).toBe('elodie');
    expect(placeRow(row({ memberBody: 'France' }), placement).authorId).toBe('elodie');
    expect(placeRow(row({ memberBody: 'Germany', organisation: 'BMG' }), placement).authorId).toBe('anna');
    const two = placeRow(row({ memberBody: 'Allemagne' }), placement);
    expect([two.authorId, two.candidateIds, two.problems.map((p) => p.code)]).toEqual([null, ['anna', 'karl'], ['several-authors']]);
    expect(codes({ memberBody: 'Italy' })).toEqual(['no-author']);
    expect(codes({ memberBody: 'France', authorName: 'Someone Else' })).toEqual(['author-by-country']);
  });

  it('reports a bad type and a missing comment as blocking', () => {
    const placed = placeRow(row({ type: 'urgent', comment: '' }), placement);
    expect(placed.problems.map((p) => [p.code, p.blocking])).toEqual([
      ['bad-type', true],
      ['no-comment', true],
    ]);
  });
});

it('keeps a row whose cells happen to name columns ("section", "comment") as a comment', async () => {
  const file = await xlsxTable(ISO_HEADER, [['DE', '', 'Section 2', '', 'ge', 'Comment', '', '']]);
  expect((await readCommentTable('t.xlsx', file)).rows.map((r) => r.comment)).toEqual(['Comment']);
});

describe('what a row\'s problems say', () => {
  it('is worded in the reader\'s language from the key and values the preview gives, and in English as the message', () => {
    const placed = placeRow(row({ clause: '7', type: 'xx', memberBody: 'DE', authorName: 'Hans Muster', comment: '' }), placement);
    expect(placed.problems.map((p) => translate('fr', p.words.key, p.words.values))).toEqual([
      'Le texte n’a pas de section «\u00a07\u00a0»\u00a0: choisissez-en une.',
      '«\u00a0xx\u00a0» n’est pas un type d’observation (ge, te, ed ou q)\u00a0: choisissez-en un.',
      'La ligne ne contient aucune observation.',
      '2 membres de ce document viennent de DE\u00a0: indiquez qui l’a envoyée.',
    ]);
    expect(placed.problems.map((p) => p.message)).toEqual([
      'The text has no section “7”: choose one.',
      '“xx” is not a type of comment (ge, te, ed or q): choose one.',
      'The row has no comment.',
      '2 members of this document are from DE: choose who sent it.',
    ]);
  });
});
