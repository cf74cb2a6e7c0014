/**
 * The report and version files in French (issue #16): `?lang=fr` from the real server, read back as
 * a reader gets them. The CSV keeps its header and gives words in its cells with the codes at the
 * end; the Word file (its XML) and the PDF (pdftotext) have French headings, dates and language
 * metadata; a bad `lang` is refused; a person whose language is French gets French without asking.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { pdfObjects } from '../helpers/pdfObjects.ts';

const DOC: string = SEED_IDS[0];
const CONTRACT = 'ref,section,title,quote,kind,comment,proposed_change,author,organisation,country,stakeholder,endorsements,status,response';
const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-fr-'));
let t: TestServer;
let frenchReader = '';
let versionId = '';
/** Today as French writes it: the report's date. */
const today = () => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());

async function download(query: string, cookie = t.adminCookie): Promise<Buffer> {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?${query}`, { headers: { cookie } });
  expect(res.status, query).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)) {
    rows.push(line.startsWith('"') ? line.slice(1, -1).split('","').map((f) => f.replaceAll('""', '"')) : line.split(','));
  }
  return rows;
}

beforeAll(async () => {
  t = await startTestServer();
  const must = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`setup failed: ${what}`);
  };
  must((await t.api('PATCH', `/api/documents/${DOC}`, { cookie: t.adminCookie, body: { reference: 'T-PD(2026)12' } })).status === 200, 'reference');
  const de = await t.person({ name: 'Jan Müller', country: 'DE', organisation: 'Bundesministerium', stakeholder: 'government' });
  const fr = await t.person({ name: 'Claire Martin', country: 'FR', organisation: 'Association Droits', stakeholder: 'civil-society' });
  const mailed = await t.person({ name: 'Amal Haddad', country: 'JO', stakeholder: 'government' });
  const wg = await t.person({ role: 'working-group', name: 'Maria Rossi', country: 'IT', stakeholder: 'government' });
  frenchReader = (await t.person({ role: 'reviewer', name: 'Hélène Dubois', country: 'FR', stakeholder: 'government', language: 'fr' })).cookie;
  const [first, second] = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, ...anchorOn(p.text, 0, 24) })));
  const post = async (cookie: string, body: object) => {
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body });
    must(res.status === 201, `thread: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; ref: string };
  };
  const technical = await post(de.cookie, { sectionId: first!.sectionId, anchor: first!.anchor, kind: 'technical', body: 'Say it plainly.', proposedText: 'Plain words here' });
  await post(fr.cookie, { sectionId: second!.sectionId, anchor: second!.anchor, kind: 'editorial', body: 'Une virgule manque.' });
  must((await post(t.adminCookie, { sectionId: second!.sectionId, kind: 'general', body: 'Sent by mail.', onBehalfOf: mailed.person.id, receivedAt: '2025-05-04T10:00:00Z' })).ref === 'JO-001', 'JO-001');
  await t.api('POST', `/api/threads/${technical.id}/endorsements`, { cookie: fr.cookie });
  must((await t.api('PATCH', `/api/threads/${technical.id}`, { cookie: wg.cookie, body: { status: 'accepted', response: 'Clearer this way.' } })).status === 200, 'answer');
  await t.setPhase(DOC, 'revision');
  must((await t.api('POST', `/api/threads/${technical.id}/apply`, { cookie: t.adminCookie, body: {} })).status === 200, 'apply');
  const version = await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'Projet révisé' } });
  must(version.status === 201, 'version');
  versionId = version.body.id;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('CSV in French', () => {
  it('keeps the header line of the English file, with words in the cells and the codes at the end', async () => {
    const [enHeader, ...enRows] = parseCsv((await download('format=csv&lang=en')).toString('utf8'));
    const [frHeader, ...frRows] = parseCsv((await download('format=csv&lang=fr')).toString('utf8'));
    expect(frHeader!.join(',')).toBe(enHeader!.join(','));
    expect(frHeader!.join(',').startsWith(`${CONTRACT},`)).toBe(true);
    const field = (header: string[], row: string[], name: string) => row[header.indexOf(name)];
    const fr = frRows.find((r) => r[0] === 'DE-001')!;
    const en = enRows.find((r) => r[0] === 'DE-001')!;
    expect(['kind', 'status', 'stakeholder', 'applied'].map((name) => field(frHeader!, fr, name))).toEqual(['Technique', 'Acceptée', 'Gouvernement', 'oui']);
    expect(['kind_code', 'status_code', 'stakeholder_code'].map((name) => field(frHeader!, fr, name))).toEqual(['technical', 'accepted', 'government']);
    // English keeps the codes it always had in its cells.
    expect(['kind', 'status', 'stakeholder'].map((name) => field(enHeader!, en, name))).toEqual(['technical', 'accepted', 'government']);
    expect(['kind_code', 'status_code', 'stakeholder_code'].map((name) => field(enHeader!, en, name))).toEqual(['technical', 'accepted', 'government']);
    expect(field(frHeader!, frRows.find((r) => r[0] === 'FR-001')!, 'stakeholder')).toBe('Société civile');
  });
});

describe('XLSX and the anonymised edition in French', () => {
  it('keeps the CSV header on the comment sheet, with French sheets, words and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('format=xlsx&lang=fr')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Observations', 'Contributeurs par pays', 'Suite donnée par pays', 'Suite donnée par section', 'Contributeurs']);
    const comments = workbook.worksheets[0]!;
    const header = (comments.getRow(1).values as unknown[]).slice(1);
    expect(header.join(',')).toBe(parseCsv((await download('format=csv&lang=fr')).toString('utf8'))[0]!.join(','));
    const de = comments.getRows(2, comments.rowCount - 1)!.find((row) => row.getCell(1).value === 'DE-001')!;
    expect(de.getCell(header.indexOf('status') + 1).value).toBe('Acceptée');
    expect(de.getCell(header.indexOf('status_code') + 1).value).toBe('accepted');
    const byCountry = workbook.worksheets[1]!;
    expect((byCountry.getRow(1).values as unknown[]).slice(1)).toEqual(['Pays', 'Contributeurs', 'Organisations', 'Observations']);
    expect(byCountry.getRow(2).values).toEqual([undefined, 'Allemagne (DE)', 1, 1, 1]);
  });

  it('names participants and the bodies in French when anonymised', async () => {
    const md = (await download('format=md&lang=fr&anonymous=true')).toString('utf8');
    expect(md).toContain('Participant (DE)');
    expect(md).toContain('Édition anonymisée');
    expect(md).not.toContain('Jan Müller');
    expect(md).not.toContain('Participant from');
  });
});

describe('Word and PDF in French', () => {
  it('has French headings, dates and language in the Word file', async () => {
    const files = unzipSync(new Uint8Array(await download('format=docx&lang=fr')));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replaceAll('&apos;', '’');
    for (const words of ['Compilation des observations et suite donnée', 'Version commentée', 'Synthèse', 'Observations par suite donnée', 'Observations et suite donnée', 'Suite donnée par le groupe de travail', 'Libellé proposé', 'Acceptée', 'Allemagne', 'Soutenue par : France', today()]) {
      expect(text, words).toContain(words);
    }
    expect(text).toContain('Reçue par courriel le 4 mai 2025, saisie par');
    expect(text).toMatch(/Libellé proposé intégré au texte le \d{1,2} \p{L}+ \d{4} par /u);
    expect(text).not.toContain('Disposition of comments');
    expect(new TextDecoder().decode(files['word/styles.xml'])).toContain('w:val="fr-FR"');
    const footer = Object.entries(files).filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, bytes]) => new TextDecoder().decode(bytes)).join('');
    expect(footer).toContain('> sur <');
  });

  it('has French headings, dates, page numbers and language in the PDF', async () => {
    const bytes = await download('format=pdf&lang=fr');
    const file = path.join(dir, 'report-fr.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['Compilation des observations et suite donnée', 'Synthèse', 'Par catégorie de parties prenantes', 'Observations et suite donnée', 'Passage commenté', 'Rédactionnelle', 'Partiellement acceptée', 'Acceptée', 'Allemagne', 'Page 1 sur', today()]) {
      expect(text, words).toContain(words);
    }
    expect(text).toContain('Reçue par courriel le 4 mai 2025');
    // The catalogue may be packed in a compressed object stream: read the objects, not the bytes.
    expect([...pdfObjects(bytes).values()].join('\n')).toMatch(/\/Lang \(fr-FR\)/);
  });
});

describe('choosing the language', () => {
  it('refuses a language it does not have, in the reader’s language', async () => {
    const english = await t.api('GET', `/api/documents/${DOC}/report?format=csv&lang=de`, { cookie: t.adminCookie });
    expect(english.status).toBe(400);
    expect(english.body.error.code).toBe('invalid_input');
    expect(english.body.error.message).toMatch(/lang must be one of en, fr/);
    const french = await t.api('GET', `/api/documents/${DOC}/report?format=csv&lang=de`, { cookie: frenchReader });
    expect(french.status).toBe(400);
    expect(french.body.error.code).toBe('invalid_input');
    expect(french.body.error.message).toMatch(/lang/);
    expect(french.body.error.message).not.toMatch(/must be one of/);
    const version = await t.api('GET', `/api/documents/${DOC}/versions/${versionId}?format=md&lang=de`, { cookie: t.adminCookie });
    expect(version.status).toBe(400);
  });

  it('answers a person whose language is French in French, unless asked otherwise', async () => {
    const md = (await download('format=md', frenchReader)).toString('utf8');
    expect(md).toContain('**Compilation des observations et suite donnée**');
    expect(md).toContain('Soutenue par : FR');
    const english = (await download('format=md&lang=en', frenchReader)).toString('utf8');
    expect(english).toContain('**Disposition of comments**');
    const admins = (await download('format=md')).toString('utf8');
    expect(admins).toContain('**Disposition of comments**');
  });

  it('gives a version of the text with its date in French', async () => {
    const res = await fetch(`${t.url}/api/documents/${DOC}/versions/${versionId}?format=md&lang=fr`, { headers: { cookie: t.adminCookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`*Projet révisé, ${today()}, `);
    const pdf = Buffer.from(await (await fetch(`${t.url}/api/documents/${DOC}/versions/${versionId}?format=pdf&lang=fr`, { headers: { cookie: frenchReader } })).arrayBuffer());
    // Its objects are packed in compressed object streams: read them back first.
    expect([...pdfObjects(pdf).values()].join('\n')).toMatch(/\/Lang \(fr-FR\)/);
  });
});
