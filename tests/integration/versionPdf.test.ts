/**
 * A version of the text as PDF, read back with poppler: tagged with its language and title, headings
 * and paragraphs in its structure, a bookmark for every section, "Page X of Y" on every page, and the
 * whole text; in French, the French page numbers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { pdfObjects } from '../helpers/pdfObjects.ts';

const DOC: string = SEED_IDS[1];
let t: TestServer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-version-pdf-'));

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
  if (!process.env.KEEP_PDF) rmSync(dir, { recursive: true, force: true });
});

/** The bookmarks' titles: PDF strings, literal or UTF-16 in hex. */
function outlineTitles(raw: string): string[] {
  return [...raw.matchAll(/\/Title (?:\(((?:\\.|[^\\)])*)\)|<([0-9a-fA-F]+)>)/g)].map(([, literal, hex]) => {
    if (literal !== undefined) return literal.replace(/\\(.)/g, '$1');
    const bytes = Buffer.from(hex!, 'hex');
    return bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1');
  });
}

async function download(versionId: string, cookie: string, name: string) {
  const res = await fetch(`${t.url}/api/documents/${DOC}/versions/${versionId}?format=pdf`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stderr).toBe('');
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  return { file, pages, raw: [...pdfObjects(bytes).values()].join('\n') };
}

describe('a version as PDF', () => {
  it('is tagged, bookmarks every section, numbers its pages and holds the whole text', async () => {
    const version = (await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'Text for the seminar' } })).body;
    const markdown = await (await fetch(`${t.url}/api/documents/${DOC}/versions/${version.id}?format=md`, { headers: { cookie: t.adminCookie } })).text();
    const headings = [...markdown.matchAll(/^#{2,} (.+)$/gm)].map((m) => m[1]!);
    expect(headings.length).toBeGreaterThan(3);

    const pdf = await download(version.id, t.adminCookie, 'en');
    expect(pdf.raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(pdf.raw).toMatch(/\/Marked true/);
    expect(pdf.raw).toMatch(/\/Lang \(en-GB\)/);
    expect(pdf.raw).toMatch(/\/DisplayDocTitle true/);
    const structure = execFileSync('pdfinfo', ['-struct', pdf.file], { encoding: 'utf8' });
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P']) expect(structure).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    // (The objects are read in the order they were written, children before their parent.)
    expect(outlineTitles(pdf.raw).toSorted()).toEqual(headings.toSorted());

    const n = pdf.pages.length;
    expect(n).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${n}`));
    const text = pdf.pages.join('\n').replace(/\s+/g, ' ');
    for (const heading of headings) expect(text).toContain(heading);
    expect(text).toContain('Text for the seminar');
  });

  it('speaks French to a French reader', async () => {
    const reader = await t.person({ role: 'participant', language: 'fr' });
    const version = (await t.api('POST', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie, body: { name: 'Texte du séminaire' } })).body;
    const pdf = await download(version.id, reader.cookie, 'fr');
    expect(pdf.raw).toMatch(/\/Lang \(fr-FR\)/);
    const n = pdf.pages.length;
    pdf.pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} sur ${n}`));
  });
});
