/**
 * Every file format of the report read back and compared with the JSON: CSV rows, Markdown text,
 * the DOCX's word/document.xml, the PDF's text. Tricky text (commas, quotes, line breaks, accents,
 * Arabic, emoji, Markdown syntax) must come through everywhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import type { Report } from '../../server/report/types.ts';

const DOC: string = SEED_IDS[0];
const TRICKY = 'Commas, "double quotes", and a break\nthen accents é ñ ü, Arabic مرحبا بالعالم, emoji 😀 end';
const MARKUP = '# Not a heading\n- not a list\n1. not numbered\n[not a link](http://example.org) <script>alert(1)</script> **not bold** | not a cell |';
const FORMULA = '=SUM(A1:A9) is not a formula';
let t: TestServer;
let json: Report;

async function download(format: string, query = '') {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=${format}${query}`, { headers: { cookie: t.adminCookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${DOC}-disposition-of-comments.${format}"`);
  return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  t = await startTestServer();
  const zoe = await t.person({ role: 'participant', name: 'Zoé "Zo" Núñez-Müller', country: 'ES', organisation: 'Red, Harm & Reduction', stakeholder: 'civil-society' });
  const layla = await t.person({ role: 'participant', name: 'ليلى حداد', country: 'JO', organisation: 'وزارة الصحة', stakeholder: 'government' });
  const targets = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, ...anchorOn(p.text, 3, 30) })));
  const post = async (cookie: string, target: number, body: string, proposedText?: string, kind = 'technical') => {
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId: targets[target]!.sectionId, anchor: targets[target]!.anchor, kind, body, proposedText } });
    if (res.status !== 201) throw new Error(`thread refused: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const first = await post(zoe.cookie, 0, TRICKY, `Proposed: ${TRICKY}`);
  await post(layla.cookie, 2, MARKUP, undefined, 'editorial');
  await post(zoe.cookie, 2, FORMULA, undefined, 'question');
  await t.api('POST', `/api/threads/${first}/replies`, { cookie: layla.cookie, body: { body: `Reply: ${TRICKY}` } });
  await t.api('POST', `/api/threads/${first}/endorsements`, { cookie: layla.cookie });
  await t.api('PATCH', `/api/threads/${first}`, { cookie: t.adminCookie, body: { status: 'partially-accepted', response: `Answer: ${TRICKY}` } });
  json = (await t.api('GET', `/api/documents/${DOC}/report`, { cookie: t.adminCookie })).body;
});
afterAll(() => t.close());

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const reported = () => json.sections.flatMap((section) => section.threads.map((thread) => ({ section, thread })));

/** RFC 4180: quoted fields with doubled quotes and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('CSV', () => {
  it('has the contract header and one row per thread, equal to the JSON', async () => {
    const { type, bytes } = await download('csv');
    expect(type).toBe('text/csv; charset=utf-8');
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    // The contract's header first; the columns after it are checked in reportData.test.ts.
    expect(header!.slice(0, 20).join(',')).toBe(
      'ref,section,title,quote,kind,comment,proposed_change,author,organisation,country,stakeholder,endorsements,status,response,link,quote_now,applied_on,applied_by,received_on,entered_by',
    );
    const spreadsheetSafe = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);
    expect(rows.map((row) => row.slice(0, 20))).toEqual(
      reported().map(({ section, thread }) =>
        [
          thread.ref,
          section.number,
          section.title,
          thread.quote,
          thread.kind,
          thread.body,
          thread.proposedText ?? '',
          thread.author.name,
          thread.author.organisation,
          thread.author.country,
          thread.author.stakeholder,
          String(thread.endorsements.length),
          thread.status,
          thread.response ?? '',
          `${t.url}/documents/${DOC}?thread=${thread.ref}`,
          '',
          '',
          '',
          '',
          '',
        ].map(spreadsheetSafe),
      ),
    );
    expect(rows.some((r) => r[5] === TRICKY)).toBe(true);
    expect(rows.map((r) => r[0]).toSorted()).toEqual(['ES-001', 'ES-002', 'JO-001']);
  });
});

describe('Markdown', () => {
  it('gives every thread with its words intact and lets no comment make structure', async () => {
    const { type, bytes } = await download('md');
    expect(type).toBe('text/markdown; charset=utf-8');
    const markdown = bytes.toString('utf8');
    const html = await marked.parse(markdown);
    // The only links are the report's own, one to each comment.
    const links = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
    expect(links.toSorted()).toEqual(reported().map(({ thread }) => `<a href="${t.url}/documents/${DOC}?thread=${thread.ref}">`).toSorted());
    expect(html).not.toMatch(/<script|<ol|<strong>not bold|<h1>Not a heading/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const text = collapse(html.replace(/<[^>]+>/g, ' ').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
    for (const { thread } of reported()) {
      for (const words of [thread.ref, thread.body, thread.quote, thread.author.name, thread.proposedText ?? '', thread.response ?? '', ...thread.replies.map((r) => r.body)]) {
        expect(text).toContain(collapse(words));
      }
    }
    expect(text).toContain(`${json.summary.threads} comments, 1 reply, 1 endorsement`);
  });
});

/** The text of word/document.xml, one line per paragraph. */
function docxText(xml: string): string {
  const decode = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('')).join('\n');
}

describe('DOCX', () => {
  it('has a landscape disposition table with a repeated header and every thread in it', async () => {
    const { type, bytes } = await download('docx');
    expect(type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzipSync(new Uint8Array(bytes));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(xml).toContain('<w:tblHeader/>');
    const text = docxText(xml);
    for (const heading of ['Disposition of comments', 'No.', 'Member/organisation', 'Text commented on', 'Proposed change', 'Replies', 'Observations of the working group']) expect(text).toContain(heading);
    for (const { thread } of reported()) {
      for (const words of [thread.body, thread.quote, thread.author.name, thread.author.organisation, thread.proposedText ?? '', thread.response ?? '']) {
        for (const line of words.split('\n')) expect(text).toContain(line);
      }
      expect(text).toContain(thread.ref);
    }
    // Types by name (issue #14: names, not the ISO template's codes).
    expect(text).toMatch(/^Technical$/m);
    expect(text).not.toMatch(/^te$/m);
  });

  it('opens in LibreOffice and converts to PDF', async (context) => {
    const office = ['libreoffice', 'soffice'].find((bin) => spawnSync('which', [bin]).status === 0);
    if (!office) {
      context.skip('LibreOffice is not installed (apt-get install libreoffice-writer): skipping the conversion check');
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-docx-'));
    try {
      writeFileSync(path.join(dir, 'report.docx'), (await download('docx')).bytes);
      execFileSync(office, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { timeout: 120_000 });
      expect(readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

/**
 * The text a PDF draws, element by element of its tagged structure (poppler's pdfinfo -struct-text):
 * each paragraph and table cell in the order its glyphs are drawn, so that the columns of a table
 * are not mixed line by line as they would be read across the page.
 */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-pdf-text-'));
  try {
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    const structure = execFileSync('pdfinfo', ['-struct-text', path.join(dir, 'report.pdf')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return [...structure.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!).join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Right-to-left runs as a PDF draws them: letters and words reversed, left to right on the page. */
const visual = (text: string) => text.replace(/[\u0600-\u06FF]+(?: [\u0600-\u06FF]+)*/g, (run) => [...run].toReversed().join(''));

describe('PDF', () => {
  it('draws every thread, accents, Arabic and emoji included', async () => {
    const { type, bytes } = await download('pdf');
    expect(type).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The running footer lands in the extracted text wherever a page breaks, even mid-sentence.
    const text = collapse(pdfText(bytes)).replace(/ ?Page \d+ of \d+ ?/g, ' ');
    expect(text).toContain('Disposition of comments');
    expect(text).toContain(collapse(json.document.title));
    for (const { thread } of reported()) {
      for (const words of [thread.body, thread.author.name, thread.proposedText ?? '', thread.response ?? '', ...thread.replies.map((r) => r.body)]) {
        expect(text).toContain(collapse(visual(words)));
      }
      expect(text).toContain(thread.ref);
    }
    expect(text).toContain('é ñ ü');
    expect(text).toContain('😀');
  });

  it('marks characters its font cannot draw instead of garbling them', async () => {
    const cookie = (await t.person({ role: 'participant', name: '山田 太郎', country: 'JP' })).cookie;
    const sectionId = json.sections[0]!.id;
    await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId, kind: 'general', body: 'Kanji 日本 here' } });
    const text = collapse(pdfText((await download('pdf', `&sections=${sectionId}`)).bytes));
    expect(text).toContain('Kanji \uFFFD\uFFFD here');
  });
});
