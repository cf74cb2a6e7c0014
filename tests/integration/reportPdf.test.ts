/**
 * The PDF report fit to circulate (issue #14, part 5): read back with poppler (pdftotext, pdfinfo)
 * from what the real server answers. Every reference and country name is there, the decision is not
 * repeated as its reason, every page has the running header and "Page X of Y", sections are
 * bookmarked, the file is tagged (structure tree with tables, language), the cover is portrait and
 * the comment tables landscape, a row too long for a page continues under the repeated header, no
 * section heading ends a page, and a filtered report leaves out the sections with nothing to show.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { pdfObjects } from '../helpers/pdfObjects.ts';
import type { Report } from '../../server/report/types.ts';

const DOC: string = SEED_IDS[0];
const REFERENCE = 'WG/2026/17';
const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-pdf-'));
let t: TestServer;
let json: Report;
let full: Pdf;
let acceptedRef = '';
let longRef = '';

interface Pdf {
  file: string;
  /** The objects' text (dictionaries, strings), not the streams' data. */
  raw: string;
  bytes: Buffer;
  pages: string[];
}

async function download(query = ''): Promise<Pdf> {
  const res = await fetch(`${t.url}/api/documents/${DOC}/report?format=pdf${query}`, { headers: { cookie: t.adminCookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  const file = path.join(dir, `report${query.replace(/\W/g, '_')}.pdf`);
  writeFileSync(file, bytes);
  // pdftotext separates pages with a form feed.
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  // poppler says nothing when the file reads cleanly, its cross-reference stream included.
  const check = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(check.stderr).toBe('');
  // Its objects' text, those packed in compressed object streams included.
  return { file, raw: [...pdfObjects(bytes).values()].join('\n'), bytes, pages };
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const pageSizes = (pdf: Pdf) =>
  [...execFileSync('pdfinfo', ['-f', '1', '-l', String(pdf.pages.length), pdf.file], { encoding: 'utf8' }).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));

/** The bookmarks' titles: PDF strings, literal or UTF-16 in hex. */
function outlineTitles(raw: string): string[] {
  return [...raw.matchAll(/\/Title (?:\(((?:\\.|[^\\)])*)\)|<([0-9a-fA-F]+)>)/g)].map(([, literal, hex]) => {
    if (literal !== undefined) return literal.replace(/\\(.)/g, '$1');
    const bytes = Buffer.from(hex!, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  });
}

beforeAll(async () => {
  t = await startTestServer();
  await t.api('PATCH', `/api/documents/${DOC}`, { cookie: t.adminCookie, body: { reference: REFERENCE } });
  const germany = await t.person({ role: 'participant', name: 'Greta Weber', country: 'DE', organisation: 'Bundesministerium', stakeholder: 'government' });
  const france = await t.person({ role: 'participant', name: 'Jean Dupont', country: 'FR', organisation: 'Santé Publique', stakeholder: 'civil-society' });
  const jordan = await t.person({ role: 'participant', name: 'ليلى حداد', country: 'JO', organisation: 'وزارة الصحة', stakeholder: 'government' });
  const targets = await t.server.services.collab.rooms.use(DOC, (room) => paragraphs(room.doc).map((p) => ({ sectionId: p.sectionId, ...anchorOn(p.text, 3, 30) })));
  const sections = [...new Set(targets.map((target) => target.sectionId))];
  if (sections.length < 3) throw new Error('the seed document has fewer than three sections with text');
  const first = (sectionId: string) => targets.find((target) => target.sectionId === sectionId)!;
  const post = async (cookie: string, sectionId: string, body: string) => {
    const { anchor } = first(sectionId);
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId, anchor, kind: 'technical', body, proposedText: 'Say it plainly.' } });
    if (res.status !== 201) throw new Error(`thread refused: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; ref: string };
  };
  const accepted = await post(germany.cookie, sections[0]!, 'The definition is too narrow.');
  acceptedRef = accepted.ref;
  await t.api('POST', `/api/threads/${accepted.id}/endorsements`, { cookie: france.cookie });
  await t.api('PATCH', `/api/threads/${accepted.id}`, { cookie: t.adminCookie, body: { status: 'accepted', response: 'Accepted.' } });
  await t.api('POST', `/api/threads/${accepted.id}/replies`, { cookie: france.cookie, body: { body: 'Thank you for taking this on.' } });
  // Long enough to run past a landscape page in its column.
  const long = await post(france.cookie, sections[1]!, Array.from({ length: 160 }, (_, i) => `Sentence ${i + 1} of a very long comment on the scope.`).join(' '));
  longRef = long.ref;
  for (let i = 0; i < 12; i++) await post(i % 2 ? jordan.cookie : germany.cookie, sections[i % 3]!, `Comment number ${i} on this section, with enough words to wrap in its column.`);
  json = (await t.api('GET', `/api/documents/${DOC}/report`, { cookie: t.adminCookie })).body;
  full = await download();
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the PDF report', () => {
  it('has every reference, country names and the supporting countries, and no decision repeated as its reason', () => {
    const text = collapse(full.pages.join(' '));
    for (const section of json.sections) for (const thread of section.threads) expect(text).toContain(thread.ref);
    for (const name of ['Germany', 'France', 'Jordan']) expect(text).toContain(name);
    expect(text).toContain('Supported by France');
    expect(text).toContain(acceptedRef);
    expect(text).not.toMatch(/Accepted:?\s+Accepted/);
    expect(text).toContain('Thank you for taking this on.');
  });

  it("gives the secretary's tables: countries, country × disposition, sections, respondents (by group when anonymous)", async () => {
    const text = collapse(full.pages.join(' '));
    for (const title of ['Comments by country', 'Dispositions by country', 'Dispositions by section', 'Respondents']) expect(text).toContain(title);
    expect(text).toMatch(/Germany \d+ \d+ \d+/);
    expect(text).toContain('Greta Weber');
    const anonymous = collapse((await download('&anonymous=true')).pages.join(' '));
    expect(anonymous).not.toContain('Greta Weber');
    expect(anonymous).not.toContain('Jean Dupont');
    expect(anonymous).toContain('Respondents by country and stakeholder group');
    expect(anonymous).toMatch(/France Civil society 1 \d+/);
  });

  it('carries the reference, the date and "Page X of Y" on every page', () => {
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(json.generatedAt));
    const n = full.pages.length;
    expect(n).toBeGreaterThan(2);
    full.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${n}`);
      expect(page).toContain(REFERENCE);
      expect(page).toContain(date);
    });
  });

  it('is portrait on the cover and landscape for the comment tables', () => {
    const sizes = pageSizes(full);
    expect(sizes[0]!.height).toBeGreaterThan(sizes[0]!.width);
    expect(sizes.at(-1)!.width).toBeGreaterThan(sizes.at(-1)!.height);
    const tablePage = full.pages.findIndex((page) => page.includes(acceptedRef) && page.includes('Observations of the'));
    expect(sizes[tablePage]!.width).toBeGreaterThan(sizes[tablePage]!.height);
  });

  it('is tagged, with its language, tables and headings, and bookmarks every section', () => {
    expect(full.raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(full.raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(full.raw).toMatch(/\/Marked true/);
    expect(full.raw).toMatch(/\/Lang \(en-GB\)/);
    expect(full.raw).toMatch(/\/DisplayDocTitle true/);
    const structure = execFileSync('pdfinfo', ['-struct', full.file], { encoding: 'utf8' });
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD']) expect(structure).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    // The structure elements are packed in compressed object streams, not written out one by one.
    expect(full.raw).toMatch(/\/S \/TD\b/);
    expect(full.bytes.toString('latin1')).not.toMatch(/\/S \/TD\b/);
    expect(full.bytes.toString('latin1')).toMatch(/\/Type \/ObjStm/);
    const titles = outlineTitles(full.raw);
    expect(titles).toContain('Summary');
    expect(titles).toContain('Comments and observations');
    for (const section of json.sections) expect(titles).toContain(section.number ? `${section.number} ${section.title}` : section.title);
  });

  it('continues a row too long for a page under the repeated header, and ends no page with a heading', () => {
    const pages = full.pages.filter((page) => page.includes(longRef));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('(continued)');
    for (const page of pages) expect(page).toContain('Observations of the');
    // Every section heading is on the page of its table's first row.
    for (const section of json.sections.filter((s) => s.threads.length > 0)) {
      const heading = section.number ? `${section.number} ${section.title}` : section.title;
      const page = full.pages.find((p) => collapse(p).includes(heading) && !/Dispositions by section/.test(p) && !p.includes('Summary'));
      expect(page, heading).toBeDefined();
      expect(page).toContain(section.threads[0]!.ref);
    }
  });

  it('leaves out the sections with nothing to show when filtered', async () => {
    const shown = json.sections.find((s) => s.threads.some((thread) => thread.ref === acceptedRef))!;
    const filtered = await download('&statuses=accepted');
    const text = collapse(filtered.pages.join(' '));
    expect(text).toContain(acceptedRef);
    const titles = outlineTitles(filtered.raw);
    expect(titles).toContain(shown.number ? `${shown.number} ${shown.title}` : shown.title);
    for (const section of json.sections.filter((s) => s.id !== shown.id)) {
      expect(titles).not.toContain(section.number ? `${section.number} ${section.title}` : section.title);
    }
    expect(text).not.toContain('No comments.');
  });
});
