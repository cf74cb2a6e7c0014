/**
 * The Word edition of the report read back (issue #14): a portrait cover with the reference, the
 * version commented on and the date; a landscape comment table whose header repeats and whose rows
 * stay whole, long ones cut into parts that repeat the reference; "Page X of Y", the reference and
 * the date on every page; replies in a column of their own with the working group's marked; names
 * for countries and types; the applied wording as tracked changes. LibreOffice, when installed, lays
 * the file out to check the page fields and orientations for real.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';

const DOC: string = SEED_IDS[0];
const REFERENCE = 'T-PD(2025)07';
const LONG = Array.from({ length: 160 }, (_, i) => `Sentence ${i + 1} of a long comment on the scope.`).join(' ');
let t: TestServer;
let original = '';
let appliedAt = '';
let consulted = '';
const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());

async function word(query = ''): Promise<Record<string, string>> {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=docx${query}`, { headers: { cookie: t.adminCookie } });
  expect(res.status).toBe(200);
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}

const decode = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
/** Paragraphs' text, deleted text included, one line per paragraph. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => decode(m[1]!)).join('')).join('\n');
const rowsOf = (table: string) => [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => c[0]);

/** The disposition table: the one whose header names the working group's observations. */
function dispositionTable(xml: string) {
  const table = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((tbl) => textOf(cellsOf(rowsOf(tbl)[0]!).at(-1)!) === 'Observations of the working group');
  expect(table).toBeDefined();
  const [header, ...rows] = rowsOf(table!);
  const columns = cellsOf(header!).map(textOf);
  const byRef = (ref: string) => rows.filter((row) => textOf(cellsOf(row)[0]!).split('\n')[0] === ref);
  return { header: header!, rows, columns, byRef, cell: (row: string, column: string) => cellsOf(row)[columns.indexOf(column)]! };
}

beforeAll(async () => {
  t = await startTestServer();
  const must = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`setup failed: ${what}`);
  };
  must((await t.api('PATCH', `/api/documents/${DOC}`, { cookie: t.adminCookie, body: { reference: REFERENCE } })).status === 200, 'reference');
  const de = await t.person({ role: 'participant', name: 'Jan Müller', country: 'DE', organisation: 'Bundesministerium', stakeholder: 'government' });
  const fr = await t.person({ role: 'participant', name: 'Claire Martin', country: 'FR', organisation: 'Association Droits', stakeholder: 'civil-society' });
  const wg = await t.person({ role: 'working-group', name: 'Maria Rossi', country: 'IT', stakeholder: 'government' });
  const [first, second] = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, ...anchorOn(p.text, 0, 24) })));
  original = first!.quote;
  const post = async (cookie: string, target: typeof first, body: object) => {
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId: target!.sectionId, anchor: target!.anchor, ...body } });
    must(res.status === 201, `thread: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; ref: string };
  };
  const applied = await post(de.cookie, first, { kind: 'technical', body: 'Say it plainly.', proposedText: 'Plain words here' });
  must(applied.ref === 'DE-001', 'ref DE-001');
  must((await post(fr.cookie, second, { kind: 'editorial', body: LONG })).ref === 'FR-001', 'ref FR-001');
  const noted = await post(de.cookie, second, { kind: 'general', body: 'A general remark.' });
  await t.api('POST', `/api/threads/${applied.id}/replies`, { cookie: wg.cookie, body: { body: 'We will simplify it.' } });
  await t.api('POST', `/api/threads/${applied.id}/replies`, { cookie: fr.cookie, body: { body: 'We agree with Germany.' } });
  await t.api('POST', `/api/threads/${applied.id}/endorsements`, { cookie: fr.cookie });
  await t.api('PATCH', `/api/threads/${applied.id}`, { cookie: wg.cookie, body: { status: 'accepted', response: 'Accepted.' } });
  await t.api('PATCH', `/api/threads/${noted.id}`, { cookie: wg.cookie, body: { status: 'noted', response: 'Noted; see the introduction.' } });
  await t.setPhase(DOC, 'revision');
  must((await t.api('POST', `/api/threads/${applied.id}/apply`, { cookie: t.adminCookie, body: {} })).status === 200, 'apply');
  const threads = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body as Array<{ ref: string; applied: { at: string } | null }>;
  appliedAt = threads.find((th) => th.ref === 'DE-001')!.applied!.at;
  const versions = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body as Array<{ name: string }>;
  consulted = versions.find((v) => v.name.startsWith('Text put out for consultation'))!.name;
});
afterAll(() => t.close());

describe('the Word report', () => {
  it('has a portrait cover with the reference, the version commented on and the date, then a landscape table', async () => {
    const xml = (await word())['word/document.xml']!;
    const sections = [...xml.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => ({ at: m.index, xml: m[0] }));
    expect(sections.map((s) => /<w:pgSz [^>]*w:orient="(\w+)"/.exec(s.xml)?.[1])).toEqual(['portrait', 'landscape']);
    // Portrait pages are taller than wide, landscape ones wider than tall.
    const size = (s: string) => /w:w="(\d+)" w:h="(\d+)"/.exec(s)!.slice(1).map(Number);
    expect(size(sections[0]!.xml)[0]!).toBeLessThan(size(sections[0]!.xml)[1]!);
    expect(size(sections[1]!.xml)[0]!).toBeGreaterThan(size(sections[1]!.xml)[1]!);
    const cover = textOf(xml.slice(0, sections[0]!.at));
    expect(cover).toContain(REFERENCE);
    expect(cover).toContain(`Version commented on: ${consulted}`);
    expect(cover).toContain(`Date: ${today}`);
    expect(cover).toContain('3 comments from 2 respondents in 2 countries.');
    expect(cover).not.toContain('Observations of the working group');
  });

  it('puts Page X of Y, the reference and the date on every page of both parts', async () => {
    const files = await word();
    const xml = files['word/document.xml']!;
    for (const sectPr of xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!) {
      const id = (kind: string) => new RegExp(`<w:${kind}Reference w:type="default" r:id="(\\w+)"`).exec(sectPr)?.[1];
      const rels = files['word/_rels/document.xml.rels']!;
      const target = (rid: string | undefined) => files[`word/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1]}`]!;
      const running = textOf(target(id('header'))) + textOf(target(id('footer')));
      const fields = (target(id('header')) + target(id('footer'))).match(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g)!.map((f) => f.replace(/<[^>]+>/g, '').trim());
      expect(fields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
      expect(running).toContain(REFERENCE);
      expect(running).toContain(today);
      expect(running).toMatch(/Page .* of /);
    }
  });

  it('lists every comment in a table whose header row repeats and whose rows stay whole', async () => {
    const xml = (await word())['word/document.xml']!;
    const table = dispositionTable(xml);
    expect(table.header).toMatch(/^<w:tr><w:trPr>[^]*?<w:tblHeader\/>[^]*?<\/w:trPr>/);
    expect(table.columns).toEqual(['No.', 'Member/organisation', 'Section', 'Type', 'Text commented on', 'Comment', 'Proposed change', 'Replies', 'Observations of the working group']);
    for (const row of table.rows) expect(row).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><\/w:trPr>/);
    for (const ref of ['DE-001', 'DE-002', 'FR-001']) expect(table.byRef(ref).length).toBeGreaterThan(0);
    expect(table.rows.filter((row) => !/<w:tblHeader\/>/.test(row)).every((row) => /^[A-Z]{2}-\d{3}/.test(textOf(cellsOf(row)[0]!)))).toBe(true);
  });

  it('cuts a comment too long for one page into rows that each repeat its reference', async () => {
    const table = dispositionTable((await word())['word/document.xml']!);
    const parts = table.byRef('FR-001');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.slice(1).map((row) => textOf(cellsOf(row)[0]!))).toEqual(parts.slice(1).map(() => 'FR-001\n(continued)'));
    // The comment is all there, in order, across the parts.
    expect(parts.map((row) => textOf(table.cell(row, 'Comment'))).join('').replace(/\s+/g, ' ')).toContain(LONG);
  });

  it('shows the decision once, replies in their own column, countries and types by name', async () => {
    const xml = (await word())['word/document.xml']!;
    const table = dispositionTable(xml);
    const [row] = table.byRef('DE-001');
    expect(textOf(table.cell(row!, 'Observations of the working group'))).toBe('Accepted');
    expect(textOf(xml)).not.toMatch(/Accepted: Accepted/);
    expect(textOf(table.cell(table.byRef('DE-002')[0]!, 'Observations of the working group'))).toBe('Noted\nNoted; see the introduction.');
    const replies = table.cell(row!, 'Replies');
    expect(textOf(replies)).toBe(`Working group (Maria Rossi), ${today}:\nWe will simplify it.\nClaire Martin, France, ${today}:\nWe agree with Germany.`);
    // The working group's reply stands out: its heading is bold, a participant's is not.
    expect(replies).toMatch(/<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Working group \(Maria Rossi\)/);
    expect(textOf(table.cell(row!, 'Member/organisation'))).toBe('Germany\nGovernment\nBundesministerium\nJan Müller\nSupported by France');
    expect(textOf(table.cell(row!, 'Type'))).toBe('Technical');
    expect(textOf(table.cell(table.byRef('FR-001')[0]!, 'Type'))).toBe('Editorial');
    // No country or type appears as a bare code anywhere in the file.
    const lines = textOf(xml).split('\n');
    for (const code of ['DE', 'FR', 'IT', 'te', 'ed', 'ge']) expect(lines).not.toContain(code);
    for (const name of ['Germany', 'France']) expect(lines).toContain(name);
  });

  it('shows the text as commented on, the text now and the applied wording as tracked changes', async () => {
    const table = dispositionTable((await word())['word/document.xml']!);
    const cell = table.cell(table.byRef('DE-001')[0]!, 'Text commented on');
    const lines = textOf(cell).split('\n');
    expect(lines[0]).toBe(original);
    expect(lines).toContain('Text now: “Plain words here”');
    expect(lines).toContain(`Proposed wording applied on ${today} by Secretariat.`);
    const changes = [...cell.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g)];
    expect(changes.length).toBeGreaterThan(0);
    for (const [, , author, date] of changes) expect([author, date]).toEqual(['Working group', appliedAt]);
    const deleted = changes.filter((c) => c[1] === 'del').map((c) => textOf(`<w:p>${c[4]}</w:p>`)).join('');
    const inserted = changes.filter((c) => c[1] === 'ins').map((c) => textOf(`<w:p>${c[4]}</w:p>`)).join('');
    expect(deleted.length).toBeGreaterThan(0);
    expect(inserted).toContain('Plain');
    expect(changes.filter((c) => c[1] === 'del').every((c) => c[4]!.includes('<w:delText'))).toBe(true);
  });

  it('names nobody in the anonymous edition: the working group answers as a body, respondents by country and group', async () => {
    const files = await word('&anonymous=true');
    const all = Object.values(files).join('');
    for (const name of ['Jan Müller', 'Claire Martin', 'Maria Rossi', 'Bundesministerium', 'Association Droits']) expect(all).not.toContain(name);
    const xml = files['word/document.xml']!;
    const table = dispositionTable(xml);
    expect(textOf(table.cell(table.byRef('DE-001')[0]!, 'Replies'))).toBe(`Working group, ${today}:\nWe will simplify it.\nParticipant from France, ${today}:\nWe agree with Germany.`);
    expect(textOf(xml)).toContain('Respondents by country and stakeholder group');
  });

  it('lays out in LibreOffice as a portrait cover, landscape pages and Page X of Y', async (context) => {
    const office = ['libreoffice', 'soffice'].find((bin) => spawnSync('which', [bin]).status === 0);
    if (!office || spawnSync('which', ['pdfinfo']).status !== 0) {
      context.skip('LibreOffice or poppler-utils is not installed: skipping the layout check');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-word-'));
    try {
      const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=docx`, { headers: { cookie: t.adminCookie } });
      writeFileSync(path.join(dir, 'report.docx'), Buffer.from(await res.arrayBuffer()));
      execFileSync(office, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { timeout: 120_000 });
      const pdf = path.join(dir, 'report.pdf');
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf]).toString();
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
      const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => (Number(m[1]) < Number(m[2]) ? 'portrait' : 'landscape'));
      expect(sizes[0]).toBe('portrait');
      expect(sizes.at(-1)).toBe('landscape');
      const texts: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']).toString();
        expect(text).toContain(`Page ${page} of ${pages}`);
        expect(text).toContain(REFERENCE);
        texts.push(text);
      }
      // The long comment cut into parts begins under the row before it, not on a page of its own
      // after a blank (its first part is short enough to fit in what that page has left).
      const before = texts.findIndex((text) => /^DE-001$/m.test(text));
      expect(before).toBeGreaterThan(-1);
      expect(texts[before]).toMatch(/^FR-001$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
