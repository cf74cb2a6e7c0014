/**
 * What a secretary reports, as data: the country table, country × disposition, status per section,
 * the list of respondents, the supporting countries and the key to document order (JSON); the full
 * record in the CSV, read back with a CSV parser; the XLSX read back with exceljs (types, frozen
 * header, text never a formula); the anonymised edition's replies of the working group and the
 * Secretariat. Every expectation below is counted by hand from the threads this file opens.
 */
import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { renderReport } from '../../server/report/render.ts';
import type { Report } from '../../server/report/types.ts';

const DOC: string = SEED_IDS[0];
const CONTRACT = 'ref,section,title,quote,kind,comment,proposed_change,author,organisation,country,stakeholder,endorsements,status,response';
let t: TestServer;
const refs: string[] = [];
let sectionIds: string[] = [];
const today = new Date().toISOString().slice(0, 10);

async function download(format: string, query = ''): Promise<Buffer> {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=${format}${query}`, { headers: { cookie: t.adminCookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const report = async (query = ''): Promise<Report> => (await t.api('GET', `/api/documents/${DOC}/report${query}`, { cookie: t.adminCookie })).body;

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

beforeAll(async () => {
  t = await startTestServer();
  const anna = await t.person({ name: 'Anna Schmidt', country: 'DE', organisation: 'Bundesministerium', stakeholder: 'government' });
  const bernd = await t.person({ name: 'Bernd Weber', country: 'DE', organisation: 'Bundesministerium', stakeholder: 'government' });
  const claire = await t.person({ name: 'Claire Martin', country: 'FR', organisation: 'Médecins du Monde', stakeholder: 'civil-society' });
  const wim = await t.person({ role: 'working-group', name: 'Wim Wouters', country: 'BE', organisation: 'Rapporteurs', stakeholder: 'government' });
  const targets = await t.server.services.collab.rooms.use(DOC, (room) => {
    const firstOfEach = new Map<string, ReturnType<typeof anchorOn>>();
    for (const p of paragraphs(room.doc)) if (!firstOfEach.has(p.sectionId)) firstOfEach.set(p.sectionId, anchorOn(p.text, 0, 12));
    return [...firstOfEach].map(([sectionId, at]) => ({ sectionId, ...at }));
  });
  sectionIds = targets.map((x) => x.sectionId);
  const open = async (cookie: string, section: number, body: string) => {
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId: targets[section]!.sectionId, anchor: targets[section]!.anchor, kind: 'technical', body } });
    if (res.status !== 201) throw new Error(`thread refused: ${JSON.stringify(res.body)}`);
    refs.push(res.body.ref);
    return res.body.id as string;
  };
  const answer = async (id: string, status: string) => {
    const res = await t.api('PATCH', `/api/threads/${id}`, { cookie: wim.cookie, body: { status, response: `Answer: ${status}` } });
    if (res.status !== 200) throw new Error(`answer refused: ${JSON.stringify(res.body)}`);
  };
  // Opened out of document order: the sort key must put them back.
  const fifth = await open(claire.cookie, 2, '- delete this sentence');
  const third = await open(anna.cookie, 1, '=1+1');
  const first = await open(anna.cookie, 0, 'Name the ministry.');
  const second = await open(bernd.cookie, 0, 'Too long.');
  const fourth = await open(claire.cookie, 1, 'Add an example.');
  for (const who of [claire, bernd]) await t.api('POST', `/api/threads/${first}/endorsements`, { cookie: who.cookie });
  await t.api('POST', `/api/threads/${fourth}/endorsements`, { cookie: anna.cookie });
  await t.api('POST', `/api/threads/${first}/replies`, { cookie: wim.cookie, body: { body: 'Which ministry?' } });
  await t.api('POST', `/api/threads/${first}/replies`, { cookie: anna.cookie, body: { body: 'Health.' } });
  await t.api('POST', `/api/threads/${fourth}/replies`, { cookie: t.adminCookie, body: { body: 'Noted for the next meeting.' } });
  await answer(first, 'accepted');
  await answer(second, 'not-accepted');
  await answer(fourth, 'partially-accepted');
  await answer(fifth, 'noted');
  const reaction = await t.api('POST', `/api/threads/${second}/reaction`, { cookie: bernd.cookie, body: { reaction: 'maintains-objection', statement: 'We keep our view.' } });
  if (reaction.status !== 200) throw new Error(`reaction refused: ${JSON.stringify(reaction.body)}`);
  void third;
});
afterAll(() => t.close());

// refs[] in the order opened: fifth, third, first, second, fourth. In document order:
const inOrder = () => [refs[2], refs[3], refs[1], refs[4], refs[0]];
const none = { open: 0, accepted: 0, 'partially-accepted': 0, 'not-accepted': 0, noted: 0 };

describe('the model', () => {
  it('counts respondents, organisations and dispositions per country', async () => {
    const { summary } = await report();
    expect(summary.countries).toEqual([
      { country: 'DE', respondents: 2, organisations: 1, comments: 3, byStatus: { ...none, open: 1, accepted: 1, 'not-accepted': 1 } },
      { country: 'FR', respondents: 1, organisations: 1, comments: 2, byStatus: { ...none, 'partially-accepted': 1, noted: 1 } },
    ]);
    expect(summary.respondents).toEqual([
      { name: 'Anna Schmidt', organisation: 'Bundesministerium', country: 'DE', stakeholder: 'government', comments: 2 },
      { name: 'Bernd Weber', organisation: 'Bundesministerium', country: 'DE', stakeholder: 'government', comments: 1 },
      { name: 'Claire Martin', organisation: 'Médecins du Monde', country: 'FR', stakeholder: 'civil-society', comments: 2 },
    ]);
    const bySection = new Map(summary.bySection.map((s) => [s.id, s.byStatus]));
    expect(bySection.get(sectionIds[0]!)).toEqual({ ...none, accepted: 1, 'not-accepted': 1 });
    expect(bySection.get(sectionIds[1]!)).toEqual({ ...none, open: 1, 'partially-accepted': 1 });
    expect(bySection.get(sectionIds[2]!)).toEqual({ ...none, noted: 1 });
  });

  it('gives each thread its supporting countries, its endorsers and a key to document order', async () => {
    const json = await report();
    const threads = json.sections.flatMap((s) => s.threads);
    expect(threads.map((th) => th.ref)).toEqual(inOrder());
    expect(threads.map((th) => th.supportedBy)).toEqual([['DE', 'FR'], [], [], ['DE'], []]);
    expect(threads[0]!.endorsedBy).toEqual(['Claire Martin (FR)', 'Bernd Weber (DE)']);
    const keys = threads.map((th) => th.sortKey);
    expect(keys).toEqual(keys.toSorted());
    // Section position, then the thread's place: "0001-0000" for the first thread, in the second section.
    const position = json.sections.findIndex((s) => s.id === sectionIds[0]);
    expect(keys[0]).toBe(`${String(position).padStart(4, '0')}-0000`);
  });

  it('names nobody in the anonymised edition; the working group and the Secretariat answer as themselves', async () => {
    const anonymous = await report('?anonymous=true');
    expect(anonymous.summary.respondents.map((r) => [r.name, r.organisation, r.country, r.comments])).toEqual([
      [null, null, 'DE', 2],
      [null, null, 'DE', 1],
      [null, null, 'FR', 2],
    ]);
    expect(anonymous.summary.countries.map((c) => [c.country, c.respondents, c.organisations])).toEqual([
      ['DE', 2, 0],
      ['FR', 1, 0],
    ]);
    const threads = anonymous.sections.flatMap((s) => s.threads);
    expect(threads[0]!.replies.map((r) => r.author.name)).toEqual(['Working group', 'Participant from DE']);
    expect(threads[3]!.replies.map((r) => r.author.name)).toEqual(['Secretariat']);
    expect(threads[0]!.endorsedBy).toEqual([]);
    expect(threads[0]!.supportedBy).toEqual(['DE', 'FR']);
    expect(JSON.stringify(anonymous)).not.toMatch(/Wim Wouters|Anna Schmidt|Claire Martin|Bundesministerium/);
  });
});

describe('CSV', () => {
  it('carries the whole record after the contract header, and the sort key restores document order', async () => {
    const [header, ...rows] = await parseCsv((await download('csv')).toString('utf8').slice(1));
    expect(header!.slice(0, 14).join(',')).toBe(CONTRACT);
    const col = (row: string[], key: string) => row[header!.indexOf(key)];
    const byRef = new Map(rows.map((row) => [row[0], row]));
    const first = byRef.get(inOrder()[0])!;
    expect(['applied', 'endorsed_by', 'supported_by', 'replies', 'created_on', 'answered_on'].map((k) => col(first, k))).toEqual([
      'no',
      'Claire Martin (FR); Bernd Weber (DE)',
      'DE, FR',
      '2',
      today,
      today,
    ]);
    expect(col(first, 'reply_texts')).toContain('Which ministry?');
    const second = byRef.get(inOrder()[1])!;
    expect(['author_reaction', 'author_statement', 'reaction_on'].map((k) => col(second, k))).toEqual(['maintains-objection', 'We keep our view.', today]);
    // The CSV guards every text that starts like a formula: a spreadsheet guesses types from a CSV.
    expect(col(byRef.get(inOrder()[4])!, 'comment')).toBe("'- delete this sentence");
    expect(col(byRef.get(inOrder()[2])!, 'comment')).toBe("'=1+1");
    const shuffled = rows.toReversed().toSorted((a, b) => col(a, 'sort_key')!.localeCompare(col(b, 'sort_key')!));
    expect(shuffled.map((row) => row[0])).toEqual(inOrder());
  });
});

describe('XLSX', () => {
  it('has typed cells, a frozen header and text that is never a formula', async () => {
    const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=xlsx`, { headers: { cookie: t.adminCookie } });
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${DOC}-disposition-of-comments.xlsx"`);
    const workbook = await readWorkbook(new Uint8Array(await res.arrayBuffer()));
    const sheet = workbook.getWorksheet('Comments')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 14).join(',')).toBe(CONTRACT);
    const cell = (row: number, key: string) => sheet.getRow(row).getCell(header.indexOf(key) + 1);
    const rowOf = (ref: string) => [2, 3, 4, 5, 6].find((r) => cell(r, 'ref').value === ref)!;
    expect([2, 3, 4, 5, 6].map((r) => cell(r, 'ref').value)).toEqual(inOrder());
    const first = rowOf(inOrder()[0]!);
    expect(cell(first, 'created_on').value).toBeInstanceOf(Date);
    expect((cell(first, 'created_on').value as Date).toISOString().slice(0, 10)).toBe(today);
    expect(cell(first, 'endorsements').value).toBe(2);
    expect(cell(first, 'section').type).toBe(ExcelJS.ValueType.String);
    expect(cell(first, 'supported_by').value).toBe('DE, FR');
    // The link opens the document at the comment: a hyperlink, not only its text.
    const link = `${t.url}/documents/${DOC}?thread=${inOrder()[0]}`;
    expect(cell(first, 'link').type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(cell(first, 'link').value).toEqual({ text: link, hyperlink: link });
    // No apostrophe where none is needed, and a formula-looking text is stored as text.
    expect(cell(rowOf(inOrder()[4]!), 'comment').value).toBe('- delete this sentence');
    const formula = cell(rowOf(inOrder()[2]!), 'comment');
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe('=1+1');
    const countries = workbook.getWorksheet('Respondents by country')!;
    expect(countries.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((countries.getRow(2).values as unknown[]).slice(1)).toEqual(['Germany (DE)', 2, 1, 3]);
    expect((countries.getRow(3).values as unknown[]).slice(1)).toEqual(['France (FR)', 1, 1, 2]);
  });

  it('keeps a section number such as 1.10 as text', async () => {
    const json = await report();
    json.sections.find((s) => s.threads.length > 0)!.number = '1.10';
    const file = await renderReport(json, 'xlsx');
    const sheet = (await readWorkbook(file.body as Uint8Array)).getWorksheet('Comments')!;
    const section = sheet.getRow(2).getCell(2);
    expect(section.type).toBe(ExcelJS.ValueType.String);
    expect(section.value).toBe('1.10');
  });
});

describe('Markdown', () => {
  it('has the country table with names, country × disposition, status per section, respondents and "Supported by"', async () => {
    const md = (await download('md')).toString('utf8');
    expect(md).toContain('Supported by DE and FR');
    expect(md).toContain('| Country | Respondents | Organisations | Comments |');
    expect(md).toContain('| Germany (DE) | 2 | 1 | 3 |');
    expect(md).toContain('| Country | Not yet answered | Accepted | Partially accepted | Not accepted | Noted | Total |');
    expect(md).toContain('| France (FR) | 0 | 0 | 1 | 0 | 1 | 2 |');
    expect(md).toContain('| Claire Martin | Médecins du Monde | France (FR) | Civil society | 2 |');
    expect(md).toContain('| Section | Not yet answered | Accepted | Partially accepted | Not accepted | Noted | Total |');
  });
});
