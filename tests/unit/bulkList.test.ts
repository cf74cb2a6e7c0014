/** Reading a pasted list or a CSV file into rows, as spreadsheets in English and French write them. */
import { describe, expect, it } from 'vitest';
import { linksCsv, readFileText, readList } from '../../client/people/bulkList.ts';

const EMPTY = { name: '', email: '', country: '', organisation: '', stakeholder: '', role: '', language: '' };

describe('reading a list', () => {
  it('takes the columns in their order when there is no header row, with commas', () => {
    const { rows, header } = readList('Ana Lima, ana@example.org ,BR,Fiocruz,government\n\nJan Berg,jan@example.se,SE,,other,reviewer,en\n');
    expect(header).toBeNull();
    expect(rows).toEqual([
      { ...EMPTY, name: 'Ana Lima', email: 'ana@example.org', country: 'BR', organisation: 'Fiocruz', stakeholder: 'government' },
      { name: 'Jan Berg', email: 'jan@example.se', country: 'SE', organisation: '', stakeholder: 'other', role: 'reviewer', language: 'en' },
    ]);
  });

  it('reads semicolons, quoted fields holding separators and quotes, and a French header row in any order', () => {
    const text = '\uFEFFCourriel;Nom;Pays;Organisation;Langue\r\n"claire@sante.fr";"Dubois, Claire";FR;"Ministère ""Santé""; DGS";fr\r\n';
    const { rows, header } = readList(text);
    expect(header).toEqual(['email', 'name', 'country', 'organisation', 'language']);
    expect(rows).toEqual([{ ...EMPTY, name: 'Dubois, Claire', email: 'claire@sante.fr', country: 'FR', organisation: 'Ministère "Santé"; DGS', language: 'fr' }]);
  });

  it('reads tabs, as a spreadsheet copies cells, and ignores header columns it does not know', () => {
    const { rows, header } = readList('E-mail\tName\tNotes\tRôle\nkim@example.kr\tKim Min-jun\tcalled on Monday\tWorking group');
    expect(header).toEqual(['email', 'name', 'role']);
    expect(rows).toEqual([{ ...EMPTY, name: 'Kim Min-jun', email: 'kim@example.kr', role: 'Working group' }]);
  });

  it('never takes a line holding an e-mail address for a header', () => {
    expect(readList('email,name@example.org').header).toBeNull();
  });
});

describe('reading a file', () => {
  it('reads UTF-8, and Windows-1252 when the bytes are not UTF-8', async () => {
    expect(await readFileText(new Blob([new TextEncoder().encode('Société;é')]))).toBe('Société;é');
    // "Société" as older Excel saves it in a French locale.
    expect(await readFileText(new Blob([new Uint8Array([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9])]))).toBe('Société');
  });

  it('writes the sign-in links as CSV, with formulas kept as text', () => {
    const csv = linksCsv([{ person: { name: '=HYPERLINK("x")', email: 'a@example.org' }, inviteUrl: 'http://h/join/t' }]);
    expect(csv.startsWith('\uFEFFname,email,sign_in_link\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",a@example.org,http://h/join/t`);
  });
});
