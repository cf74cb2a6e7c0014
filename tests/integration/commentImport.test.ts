/**
 * Importing a filled-in comment table against the real server: a 100-row .xlsx gives 100 comments
 * entered for their authors, each with its reference and the received marking; a .docx table works;
 * the preview reports bad rows and stores nothing; a commit with a bad row stores nothing; only the
 * Secretariat may import, only while it may comment.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { paragraphs } from '../helpers/anchors.ts';
import { plainText } from '../../server/documents/text.ts';
import { docxTable, ISO_HEADER, xlsxTable } from '../helpers/commentTables.ts';
import type { ImportPreview, ImportPreviewRow } from '../../shared/commentImport.ts';
import type { Thread } from '../../shared/api.ts';
import { MAX_COMMENT_TABLE_BYTES } from '../../shared/limits.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
let sections: Array<{ id: string; number: string; title: string }>;
/** Words of the text, each with the section it stands in. */
let quotes: Array<{ sectionId: string; quote: string }>;
const people: Record<string, { id: string; name: string; email: string }> = {};

async function upload(file: Buffer, fileName: string, cookie = t.adminCookie, documentId = DOC) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const res = await fetch(`${t.url}/api/documents/${documentId}/comment-import/preview`, { method: 'POST', headers: { cookie, origin: t.url }, body: form });
  return { status: res.status, body: (await res.json()) as ImportPreview & { error?: { code: string; message: string } } };
}

const commitRows = (rows: ImportPreviewRow[]) =>
  rows.map((r) => ({ line: r.line, sectionId: r.sectionId!, quote: r.quote, kind: r.kind!, body: r.body, proposedText: r.proposedText, authorId: r.authorId! }));

const threads = async (): Promise<Thread[]> => (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body;

beforeAll(async () => {
  t = await startTestServer();
  for (const [key, fields] of Object.entries({
    de: { name: 'Anna Weber', country: 'DE' },
    fr: { name: 'Élodie Martin', country: 'FR' },
    gb: { name: 'Tom Hughes', country: 'GB' },
    es: { name: 'Ana Ruiz', country: 'ES' },
    jo: { name: 'Amal Haddad', country: 'JO' },
    nl1: { name: 'Joost de Vries', country: 'NL' },
    nl2: { name: 'Sanne Bakker', country: 'NL' },
  })) {
    const { person } = await t.person({ ...fields, email: `${key}@example.org` });
    people[key] = person;
  }
  sections = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections;
  quotes = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, quote: plainText(p.text).slice(10, 50).trim() })));
});
afterAll(() => t.close());

describe('a 100-row ISO table', () => {
  it('gives 100 comments, each entered for its author, with a reference and the date received', async () => {
    // Authors named in every way a table names them: code, English or French country name, e-mail, name.
    const senders: Array<{ cells: [string, string, string]; key: string }> = [
      { cells: ['DE', '', ''], key: 'de' },
      { cells: ['France', '', ''], key: 'fr' },
      { cells: ['Royaume-Uni', '', ''], key: 'gb' },
      { cells: ['ES', '', ''], key: 'es' },
      { cells: ['Jordan', '', ''], key: 'jo' },
      { cells: ['NL', '', 'nl2@example.org'], key: 'nl2' },
      { cells: ['Netherlands', 'Joost de Vries', ''], key: 'nl1' },
    ];
    const numbered = sections.filter((s) => s.number !== '0');
    const types = ['ge', 'te', 'ed', 'q', 'Technical', 'rédactionnel'];
    const expectedKinds = ['general', 'technical', 'editorial', 'question', 'technical', 'editorial'];
    const rows = Array.from({ length: 100 }, (_, i) => {
      const sender = senders[i % senders.length]!;
      // Every third row quotes words of the text, in the section they stand in.
      const quoted = i % 3 === 0 ? quotes[i % quotes.length]! : null;
      const section = quoted ? sections.find((s) => s.id === quoted.sectionId)! : numbered[i % numbered.length]!;
      return [sender.cells[0], String(i + 1), section.number, quoted?.quote ?? '', types[i % types.length]!, `Comment number ${i + 1}.`, i % 2 ? `Proposed change ${i + 1}.` : '', '', sender.cells[1], sender.cells[2]];
    });
    const header = [...ISO_HEADER, 'Name', 'E-mail'];
    const preview = await upload(await xlsxTable(header, rows), 'iso-comments.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body.rows).toHaveLength(100);
    expect(preview.body.rows.flatMap((r) => r.problems.filter((p) => p.blocking).map((p) => `row ${r.line}: ${p.message}`))).toEqual([]);
    expect(await threads()).toHaveLength(0);

    const receivedAt = '2025-05-04T10:00:00.000Z';
    const commit = await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: commitRows(preview.body.rows), receivedAt, fileName: 'iso-comments.xlsx' } });
    expect(commit.status).toBe(201);
    expect(commit.body.count).toBe(100);

    const stored = await threads();
    expect(stored).toHaveLength(100);
    const byBody = new Map(stored.map((th) => [th.body.replace(/^\[.*\]\n/, ''), th]));
    rows.forEach((cells, i) => {
      const thread = byBody.get(`Comment number ${i + 1}.`)!;
      const sender = people[senders[i % senders.length]!.key]!;
      expect(thread.author.id, `row ${i + 2}`).toBe(sender.id);
      expect(thread.ref).toMatch(new RegExp(`^${thread.author.country}-\\d{3}$`));
      expect(thread.received).toEqual({ at: receivedAt, enteredBy: 'Secretariat' });
      expect(thread.kind).toBe(expectedKinds[i % types.length]);
      expect(thread.sectionId).toBe(sections.find((s) => s.number === cells[2])!.id);
      expect(thread.proposedText).toBe(i % 2 ? `Proposed change ${i + 1}.` : null);
      // Quoted words become the anchor; without them the comment is on the whole section.
      expect(thread.quote).toBe(cells[3]);
      expect(thread.anchor === null).toBe(cells[3] === '');
      // The table's line number is kept with the comment.
      expect(thread.body.startsWith(`[Line ${i + 1}]\n`)).toBe(true);
    });
    expect(new Set(stored.map((th) => th.ref)).size).toBe(100);
    // 100 rows over 7 senders: 15 for the first two, 14 for the others.
    expect(stored.filter((th) => th.author.country === 'DE').map((th) => th.ref).toSorted()).toEqual(Array.from({ length: 15 }, (_, i) => `DE-${String(i + 1).padStart(3, '0')}`));
    const audit = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body;
    const entries = (Array.isArray(audit) ? audit : audit.events) as Array<{ action: string; detail: { count: number } }>;
    expect(entries.find((e) => e.action === 'comments.import')?.detail.count).toBe(100);
  });
});

describe('a .docx table', () => {
  it('is read and stored like a workbook', async () => {
    const before = (await threads()).length;
    const quoted = quotes[1]!;
    const section = sections.find((s) => s.id === quoted.sectionId)!;
    const file = await docxTable(ISO_HEADER, [
      ['Allemagne', '', section.number, `“${quoted.quote}”`, 'te', 'From a Word table.', 'New words.', ''],
      ['GB', '', 'General', '', 'ge', 'On the whole text.', '', ''],
    ]);
    const preview = await upload(file, 'comments.docx');
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r) => [r.authorId, r.sectionId, r.quote, r.kind])).toEqual([
      [people.de!.id, quoted.sectionId, quoted.quote, 'technical'],
      [people.gb!.id, sections[0]!.id, null, 'general'],
    ]);
    const commit = await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: commitRows(preview.body.rows) } });
    expect(commit.status).toBe(201);
    const stored = await threads();
    expect(stored).toHaveLength(before + 2);
    const word = stored.find((th) => th.body === 'From a Word table.')!;
    expect(word).toMatchObject({ quote: quoted.quote, proposedText: 'New words.', author: { id: people.de!.id } });
    expect(word.received?.enteredBy).toBe('Secretariat');
  });
});

describe('bad rows', () => {
  it('are reported in the preview, and nothing is stored until the commit', async () => {
    const before = (await threads()).length;
    const file = await xlsxTable(ISO_HEADER, [
      ['DE', '', '99', '', 'te', 'No such section.', '', ''],
      ['DE', '', '1', '', 'urgent', 'No such type.', '', ''],
      ['NL', '', '1', '', 'ge', 'Two members from NL.', '', ''],
      ['Atlantis', '', '1', '', 'ge', 'No such country.', '', ''],
      ['IT', '', '1', '', 'ge', 'Nobody from Italy.', '', ''],
      ['DE', '', '1', '', 'ge', '', '', ''],
      ['DE', '', '1', 'words that are nowhere in the text', 'ed', 'Quote not found.', '', ''],
    ]);
    const preview = await upload(file, 'bad.xlsx');
    expect(preview.status).toBe(200);
    const codes = preview.body.rows.map((r) => r.problems.map((p) => `${p.code}${p.blocking ? '!' : ''}`));
    expect(codes).toEqual([['no-section!'], ['bad-type!'], ['several-authors!'], ['no-author!'], ['no-author!'], ['no-comment!'], ['quote-not-found']]);
    expect(preview.body.rows[2]!.candidateIds.toSorted()).toEqual([people.nl1!.id, people.nl2!.id].toSorted());
    // Nothing stored by a preview.
    expect(await threads()).toHaveLength(before);
    // The last row is stored on its section, the paragraph cell kept in the comment.
    expect(preview.body.rows[6]).toMatchObject({ quote: null, body: '[Paragraph/Figure/Table: words that are nowhere in the text]\nQuote not found.' });
  });

  it('make the whole commit refused: nothing is stored', async () => {
    const before = (await threads()).length;
    const good = { line: 2, sectionId: sections[1]!.id, quote: null, kind: 'general', body: 'Good row.', proposedText: null, authorId: people.de!.id };
    const outsider = (await t.person({ role: 'participant', name: 'Not a member', country: 'IT' })).person;
    await t.api('DELETE', `/api/documents/${DOC}/members/${outsider.id}`, { cookie: t.adminCookie });
    const cases = [
      { ...good, line: 3, sectionId: 'no-such-section' },
      { ...good, line: 3, authorId: outsider.id },
      { ...good, line: 3, quote: 'words that are nowhere in the text' },
    ];
    for (const bad of cases) {
      const res = await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: [good, bad] } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Nothing was imported: row 3: /);
    }
    // A long table is more than the JSON body limit of other routes (256 KB): still read whole, still refused whole.
    const long = Array.from({ length: 300 }, (_, i) => ({ ...good, line: i + 2, body: `${'Long comment. '.repeat(100)}${i}` }));
    const big = await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: [...long, { ...good, line: 999, sectionId: 'no-such-section' }] } });
    expect([big.status, big.body.error.message]).toEqual([400, 'Nothing was imported: row 999: no such section in this document.']);
    const future = await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: [good], receivedAt: '2999-01-01T00:00:00Z' } });
    expect(future.status).toBe(400);
    const empty = await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: [{ ...good, body: '  ' }] } });
    expect(empty.status).toBe(400);
    expect(await threads()).toHaveLength(before);
  });
});

describe('files refused', () => {
  it('answers a wrong type, a damaged file and a table without headers with a 4xx that says why', async () => {
    const csv = await upload(Buffer.from('MB/NC,Comments\nDE,Hello'), 'comments.csv');
    expect([csv.status, csv.body.error?.code]).toEqual([415, 'unsupported_file']);
    const damaged = await upload(Buffer.from('PK\u0003\u0004 this is not really a zip'), 'comments.xlsx');
    expect([damaged.status, damaged.body.error?.code]).toEqual([422, 'unreadable_file']);
    const noTable = await upload(await xlsxTable(['A', 'B'], [['1', '2']]), 'comments.xlsx');
    expect([noTable.status, noTable.body.error?.code]).toEqual([422, 'no_comment_table']);
    expect(noTable.body.error?.message).toMatch(/Comments/);
    const tooLarge = await upload(Buffer.alloc(MAX_COMMENT_TABLE_BYTES + 1), 'comments.xlsx');
    expect([tooLarge.status, tooLarge.body.error?.code]).toEqual([413, 'file_too_large']);
  });
});

describe('the template', () => {
  it('is an .xlsx with the columns, a frozen header, the sections and types, and a list on the type column', async () => {
    const res = await fetch(`${t.url}/api/documents/${DOC}/comment-import/template`, { headers: { cookie: t.adminCookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const [comments, lists] = workbook.worksheets;
    expect((comments!.getRow(1).values as string[]).slice(1, 8)).toEqual(ISO_HEADER.slice(0, 7));
    expect(comments!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(comments!.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"ge,te,ed,q"'] });
    const listed = Array.from({ length: sections.length }, (_, i) => [String(lists!.getCell(i + 2, 1).value), String(lists!.getCell(i + 2, 2).value)]);
    expect(listed).toEqual(sections.map((s) => [s.number, s.title]));
    expect([1, 2, 3, 4].map((r) => lists!.getCell(r + 1, 4).value)).toEqual(['ge', 'te', 'ed', 'q']);
  });

  it('comes back filled in and is read as it was written', async () => {
    const res = await fetch(`${t.url}/api/documents/${DOC}/comment-import/template?lang=fr`, { headers: { cookie: t.adminCookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(2).values = ['ES', '', sections[2]!.number, '', 'q', 'Une question.', '', 'Ana Ruiz', 'es@example.org', ''];
    const preview = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'rempli.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body.rows).toHaveLength(1);
    expect(preview.body.rows[0]).toMatchObject({ sectionId: sections[2]!.id, kind: 'question', authorId: people.es!.id, problems: [] });
  });
});

describe('rights', () => {
  it('lets only the Secretariat import, while it may comment', async () => {
    const file = await xlsxTable(ISO_HEADER, [['DE', '', '1', '', 'ge', 'Hello.', '', '']]);
    const row = { line: 2, sectionId: sections[1]!.id, quote: null, kind: 'general', body: 'Hello.', proposedText: null, authorId: people.de!.id };
    for (const role of ['participant', 'working-group', 'reviewer'] as const) {
      const { cookie } = await t.person({ role });
      expect((await upload(file, 'c.xlsx', cookie)).status, role).toBe(403);
      expect((await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie, body: { rows: [row] } })).status, role).toBe(403);
      expect((await t.api('GET', `/api/documents/${DOC}/comment-import/template`, { cookie })).status, role).toBe(403);
    }
    const before = (await threads()).length;
    await t.setPhase(DOC, 'adopted');
    expect((await upload(file, 'c.xlsx')).status).toBe(403);
    expect((await t.api('POST', `/api/documents/${DOC}/comment-import`, { cookie: t.adminCookie, body: { rows: [row] } })).status).toBe(403);
    await t.setPhase(DOC, 'consultation');
    expect(await threads()).toHaveLength(before);
  });
});
