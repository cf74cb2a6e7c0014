/** Reading filled-in comment tables: .xlsx and .docx, ISO and French headers, values, refusals. */
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readCommentTable } from '../../server/threads/import/readTable.ts';
import { clauseOf, countryOf, kindOf } from '../../server/threads/import/cellValues.ts';
import { fieldOf } from '../../server/threads/import/columns.ts';
import { tablesOf } from '../../server/threads/import/wordTables.ts';
import { DomainError } from '../../server/errors.ts';
import { MAX_COMMENT_TABLE_BYTES, MAX_COMMENT_TABLE_ROWS } from '../../shared/limits.ts';
import { docxTable, ISO_HEADER, xlsxTable } from '../helpers/commentTables.ts';

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('an .xlsx comment table', () => {
  it('gives one row per comment with every ISO column, and its row number in the sheet; footnotes under the table are no rows', async () => {
    const file = await xlsxTable(ISO_HEADER, [
      ['DE', '12', '2.1', 'Outreach workers may notice', 'te', 'Too narrow.', 'Add researchers.', ''],
      ['', '', '', '', '', '', '', ''],
      ['France', '', 'General', '', 'ed', 'Use plain words.', '', 'Noted'],
      ['1 MB = Member body / NC = National Committee (enter the ISO 3166 two-letter country code)', '', '', '', '', '', '', ''],
    ], { startRow: 3 });
    const table = await readCommentTable('comments.xlsx', file);
    expect(table.rows).toEqual([
      { line: 4, memberBody: 'DE', lineNumber: '12', clause: '2.1', paragraph: 'Outreach workers may notice', type: 'te', comment: 'Too narrow.', proposedChange: 'Add researchers.', authorName: '', authorEmail: '', organisation: '' },
      { line: 6, memberBody: 'France', lineNumber: '', clause: 'General', paragraph: '', type: 'ed', comment: 'Use plain words.', proposedChange: '', authorName: '', authorEmail: '', organisation: '' },
    ]);
  });

  it('reads French headers, author columns, and skips sheets without a comment table', async () => {
    const header = ['Organisme membre (OM)', 'N° de ligne', 'Article/Paragraphe', 'Alinéa/Figure/Tableau', 'Type de commentaire', 'Commentaires', 'Modification proposée', 'Nom', 'Courriel', 'Organisation', 'Observations du secrétariat'];
    const file = await xlsxTable(header, [['Allemagne', '', '3', '', 'rédactionnel', 'Une virgule.', 'Ajouter une virgule.', 'Anna Weber', 'anna@example.org', 'BMG', '']], { sheetsBefore: 1 });
    const [row] = (await readCommentTable('commentaires.xlsx', file)).rows;
    expect(row).toMatchObject({ memberBody: 'Allemagne', clause: '3', type: 'rédactionnel', comment: 'Une virgule.', proposedChange: 'Ajouter une virgule.', authorName: 'Anna Weber', authorEmail: 'anna@example.org', organisation: 'BMG' });
  });

  it('lists the columns it leaves out', async () => {
    const file = await xlsxTable(['Clause', 'Comments', 'Priority'], [['1', 'Fine.', 'high']]);
    expect((await readCommentTable('t.xlsx', file)).ignoredColumns).toEqual(['Priority']);
  });
});

describe('a .docx comment table', () => {
  it('finds the comment table among the tables, keeps paragraphs inside a cell apart', async () => {
    const file = await docxTable(ISO_HEADER, [
      ['GB', '3', '1.2', '“the full cycle of policy”', 'ge', 'First paragraph.\nSecond paragraph.', 'Say “each stage”.', ''],
      ['Canada', '', '0', '', 'q', 'Why?', '', ''],
    ]);
    const table = await readCommentTable('comments.docx', file);
    expect(table.rows).toEqual([
      { line: 2, memberBody: 'GB', lineNumber: '3', clause: '1.2', paragraph: '“the full cycle of policy”', type: 'ge', comment: 'First paragraph.\nSecond paragraph.', proposedChange: 'Say “each stage”.', authorName: '', authorEmail: '', organisation: '' },
      { line: 3, memberBody: 'Canada', lineNumber: '', clause: '0', paragraph: '', type: 'q', comment: 'Why?', proposedChange: '', authorName: '', authorEmail: '', organisation: '' },
    ]);
  });

  it('reads cells as a reader sees them: no deleted text, no tab stops, spans kept in line', () => {
    const xml =
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Clause</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Comments</w:t></w:r></w:p></w:tc></w:tr>' +
      '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">A &amp; B</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>';
    expect(tablesOf(xml)).toEqual([
      [
        { line: 1, cells: ['Clause', 'Comments'] },
        { line: 2, cells: ['A & B', ''] },
      ],
    ]);
  });
});

describe('refusals', () => {
  it('refuses a file of another type, a damaged one, a protected one and one without a comment table', async () => {
    expect((await refusal(readCommentTable('table.csv', new TextEncoder().encode('a,b')))).kind).toBe('unsupported-media');
    expect((await refusal(readCommentTable('table.xlsx', new TextEncoder().encode('%PDF-1.4 not a workbook')))).code).toBe('unreadable_file');
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal(readCommentTable('table.xlsx', ole))).code).toBe('encrypted_file');
    // A zip that is no workbook.
    expect((await refusal(readCommentTable('table.xlsx', zipSync({ 'hello.txt': new TextEncoder().encode('hi') })))).code).toBe('unreadable_file');
    // A workbook whose part is damaged.
    expect((await refusal(readCommentTable('table.xlsx', zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<not xml') })))).kind).toBe('unprocessable');
    const noTable = await xlsxTable(['Name', 'Date'], [['A', 'B']]);
    expect((await refusal(readCommentTable('table.xlsx', noTable))).code).toBe('no_comment_table');
  });

  it('refuses a file too large, one that unpacks too large, and too many rows', async () => {
    expect((await refusal(readCommentTable('big.xlsx', new Uint8Array(MAX_COMMENT_TABLE_BYTES + 1)))).kind).toBe('too-large');
    // A zip bomb: its directory declares 2 GB for a part of a few bytes.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(1000) }, { level: 9 });
    const central = bomb.findLastIndex((_, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 0x01 && bomb[i + 3] === 0x02);
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(central + 24, 0x7fffffff, true);
    expect((await refusal(readCommentTable('bomb.docx', bomb))).code).toBe('unpacks_too_large');
    const rows = Array.from({ length: MAX_COMMENT_TABLE_ROWS + 1 }, (_, i) => ['DE', '', '1', '', 'ge', `Comment ${i}`, '', '']);
    expect((await refusal(readCommentTable('many.xlsx', await xlsxTable(ISO_HEADER, rows)))).code).toBe('too_many_rows');
  });
});

describe('cell values', () => {
  it('reads the type of comment in codes and words, English and French', () => {
    const cases: Array<[string, string | null]> = [
      ['ge', 'general'],
      ['GE', 'general'],
      ['Technical', 'technical'],
      ['te', 'technical'],
      ['technique', 'technical'],
      ['ed', 'editorial'],
      ['Rédactionnel', 'editorial'],
      ['éditorial', 'editorial'],
      ['q', 'question'],
      ['Question', 'question'],
      ['général', 'general'],
      ['urgent', null],
      ['', null],
    ];
    for (const [cell, kind] of cases) expect(kindOf(cell), cell).toBe(kind);
  });

  it('reads member bodies as country codes, by code or by name in English or French', () => {
    const cases: Array<[string, string | null]> = [
      ['DE', 'DE'],
      ['de', 'DE'],
      ['Germany', 'DE'],
      ['Allemagne', 'DE'],
      ['United Kingdom', 'GB'],
      ['Royaume-Uni', 'GB'],
      ['UK', 'GB'],
      ['Côte d’Ivoire', 'CI'],
      ['DE – Germany', 'DE'],
      ['France (FR)', 'FR'],
      ['Pays-Bas', 'NL'],
      ['ZZ', null],
      ['Atlantis', null],
      ['', null],
    ];
    for (const [cell, code] of cases) expect(countryOf(cell), cell).toBe(code);
  });

  it('reads clauses as section numbers, and the words for the whole text', () => {
    expect(clauseOf('2.1')).toEqual({ kind: 'number', number: '2.1' });
    expect(clauseOf('Clause 2.1')).toEqual({ kind: 'number', number: '2.1' });
    expect(clauseOf('§ 3.02.')).toEqual({ kind: 'number', number: '3.2' });
    expect(clauseOf('4 Scope')).toEqual({ kind: 'number', number: '4' });
    expect(clauseOf('General')).toEqual({ kind: 'general' });
    expect(clauseOf('Général')).toEqual({ kind: 'general' });
    expect(clauseOf('0')).toEqual({ kind: 'general' });
    expect(clauseOf('')).toEqual({ kind: 'none' });
    expect(clauseOf('Annex B')).toEqual({ kind: 'unknown' });
  });

  it('recognises the ISO template headers and their French equivalents', () => {
    const cases: Array<[string, string | null]> = [
      ['MB/NC¹', 'memberBody'],
      ['Line number', 'line'],
      ['Clause/ Subclause', 'clause'],
      ['Paragraph/ Figure/ Table/', 'paragraph'],
      ['Type of comment²', 'type'],
      ['Comments', 'comment'],
      ['Proposed change', 'proposedChange'],
      ['Observations of the secretariat', 'secretariat'],
      ['OM', 'memberBody'],
      ['N° de ligne', 'line'],
      ['Article/Paragraphe', 'clause'],
      ['Alinéa/Figure/Tableau', 'paragraph'],
      ['Type de commentaire', 'type'],
      ['Commentaires', 'comment'],
      ['Modification proposée', 'proposedChange'],
      ['Observations du secrétariat', 'secretariat'],
      ['E-mail', 'authorEmail'],
      ['Name', 'authorName'],
      ['Organisation', 'organisation'],
      ['Priority', null],
    ];
    for (const [header, field] of cases) expect(fieldOf(header), header).toBe(field);
  });
});
