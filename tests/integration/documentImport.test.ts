/** POST /api/documents and its preview: each format, the details, and every kind of bad input. */
import { readdirSync } from 'node:fs';
import { diskFull } from '../helpers/diskFaults.ts';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onPostgres, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, type CollabClient } from '../helpers/collabClient.ts';
import { smallWordDraft, wordDraftWithExtras } from '../helpers/wordFiles.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { translate } from '../../server/i18n.ts';
import type { NotKept } from '../../shared/documentImport.ts';

let t: TestServer;
const clients: CollabClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
});

// oxlint-disable-next-line typescript/no-explicit-any -- response bodies are checked by each test's assertions
async function upload(route: string, name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}, cookie = t.adminCookie): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const res = await fetch(`${t.url}${route}`, { method: 'POST', headers: { origin: t.url, cookie }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const sectionsOf = (body: { sections: Array<{ number: string; title: string; level: number }> }) => body.sections.map((s) => `${s.number} ${s.title} (${s.level})`);

async function textOf(id: string): Promise<string> {
  const client = connect(t.wsUrl, id, t.adminCookie);
  clients.push(client);
  await client.synced;
  return plainText(client.doc.getXmlFragment(TEXT_FIELD));
}

/** The documents listed and the files in DATA_DIR/documents: nothing may be left by a refusal. */
async function footprint() {
  const list = (await t.api('GET', '/api/documents?archived=true', { cookie: t.adminCookie })).body.map((d: { id: string }) => d.id).toSorted();
  let files: string[] = [];
  try {
    files = readdirSync(path.join(t.dataDir, 'documents')).toSorted();
  } catch {
    // no folder yet
  }
  return { list, files };
}

describe('creating a document', () => {
  it('makes a draft from a Word file: headings become sections, formatting and notes come through', async () => {
    const preview = await upload('/api/documents/preview', 'guidelines.docx', await smallWordDraft());
    expect(preview.status).toBe(200);
    expect(preview.body.title).toBe('Training guidelines');
    expect(sectionsOf(preview.body)).toEqual(['1 Introduction (1)', '1.1 Scope (2)', '2 Principles (1)']);
    // The table comes through as a table: nothing is reported lost.
    expect(preview.body.notKept).toEqual([]);

    const created = await upload('/api/documents', 'guidelines.docx', await smallWordDraft(), { reference: 'P-PG/Training (2021) 2', language: 'fr' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'training-guidelines', title: 'Training guidelines', phase: 'drafting', deadline: null, reference: 'P-PG/Training (2021) 2', language: 'fr' });
    expect(sectionsOf(created.body)).toEqual(['1 Introduction (1)', '1.1 Scope (2)', '2 Principles (1)']);
    for (const section of created.body.sections) expect(section.id).toMatch(/^[0-9a-f-]{36}$/);

    const client = connect(t.wsUrl, 'training-guidelines', t.adminCookie);
    clients.push(client);
    await client.synced;
    const fragment = client.doc.getXmlFragment(TEXT_FIELD);
    const xml = fragment.toString();
    expect(xml).toContain('<bulletlist>');
    expect(xml).toContain('<bold>Bold words</bold>');
    expect(xml).toContain('<italic>italic words</italic>');
    expect(xml).toContain('href="https://example.org/"');
    const text = plainText(fragment);
    // The footnote is an endnote at the end of its section, before the next heading.
    expect(text).toMatch(/Second point[\s\S]*\[1\] Adopted at the 2021 seminar\.[\s\S]*Scope/);
    expect(xml).toMatch(/<table><tablerow><tablecell[^>]*><paragraph>Module I<\/paragraph><\/tablecell><tablecell[^>]*><paragraph>July<\/paragraph><\/tablecell><\/tablerow>/);
    expect(text).toContain('then <script>alert("x")</script> as text.');

    const listed = (await t.api('GET', '/api/documents', { cookie: t.adminCookie })).body;
    expect(listed.map((d: { id: string }) => d.id)).toContain('training-guidelines');
  });

  it('takes headings by outline level, and the preview names what cannot be kept', async () => {
    const preview = await upload('/api/documents/preview', 'extras.docx', await wordDraftWithExtras());
    expect(preview.status).toBe(200);
    expect(sectionsOf(preview.body)).toEqual(['1 Chapter one (1)', '1.1 Part A (2)']);
    expect(preview.body.notKept.map(({ what, message }: { what: string; message: string }) => ({ what, message }))).toEqual([
      { what: 'images', message: '1 image left out: the editor holds text only.' },
      { what: 'tracked-changes', message: '2 tracked changes: insertions are kept as text, deletions are left out. Accept or reject them in Word first to choose.' },
      { what: 'comments', message: '1 Word comment not brought in.' },
      { what: 'fields', message: '1 field (page numbers, cross-references, tables of contents) kept only as the text last shown.' },
    ]);
    // The same, in the words a French reader's interface gives them.
    expect(preview.body.notKept.map((k: NotKept) => translate('fr', k.words!.key, k.words!.values))).toEqual([
      '1 image écartée\u00a0: l’éditeur ne contient que du texte.',
      '2 modifications suivies\u00a0: les insertions sont conservées comme texte, les suppressions sont écartées. Pour choisir, acceptez-les ou refusez-les d’abord dans Word.',
      '1 commentaire Word non repris.',
      '1 champ (numéros de page, renvois, tables des matières) conservé uniquement sous la forme du dernier texte affiché.',
    ]);
    const created = await upload('/api/documents', 'extras.docx', await wordDraftWithExtras());
    const text = await textOf(created.body.id);
    expect(text).toContain('inserted words');
    expect(text).not.toContain('deleted words');
    expect(text).toContain('commented words');
  });

  it('makes a draft from Markdown: # to ### are sections; a single leading # is the title', async () => {
    const md = '# Stigma guidelines\n\n## Purpose\n\nSome *text* with **bold**.\n\n### Detail\n\n- one\n- two\n\n#### Minor\n\n##### Tiny\n\n## Method\n\n> A quote\n';
    const created = await upload('/api/documents', 'stigma.md', md);
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('Stigma guidelines');
    expect(sectionsOf(created.body)).toEqual(['1 Purpose (1)', '1.1 Detail (2)', '1.1.1 Minor (3)', '2 Method (1)']);
    expect(await textOf(created.body.id)).toContain('Tiny');

    const flat = await upload('/api/documents/preview', 'flat.md', '# One\n\ntext\n\n# Two\n\n## Two point one\n\n### Deep\n');
    expect(flat.body.title).toBe('flat');
    expect(sectionsOf(flat.body)).toEqual(['1 One (1)', '2 Two (1)', '2.1 Two point one (2)', '2.1.1 Deep (3)']);
  });

  it('makes a draft from plain text, and a Markdown file with no headings gets one section named after the file', async () => {
    const txt = await upload('/api/documents', 'notes_2021.txt', 'First paragraph.\n\nSecond paragraph.');
    expect(txt.status).toBe(201);
    expect(txt.body).toMatchObject({ id: 'notes-2021', title: 'notes 2021' });
    expect(sectionsOf(txt.body)).toEqual(['1 notes 2021 (1)']);
    expect(await textOf('notes-2021')).toContain('Second paragraph.');

    const md = await upload('/api/documents', 'no-headings.md', 'Just a paragraph.');
    expect(md.status).toBe(201);
    expect(sectionsOf(md.body)).toEqual(['1 no-headings (1)']);
  });

  it('makes an empty draft from JSON, with a unique id', async () => {
    const first = await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Next guidance' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'next-guidance', title: 'Next guidance', phase: 'drafting', deadline: null, sections: [] });
    const second = await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Next guidance!' } });
    expect(second.body.id).toBe('next-guidance-2');
    const odd = await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Été ✓ ---' } });
    expect(odd.body.id).toBe('ete');
  });

  it('gives two documents of the same title, created at once, two ids', async () => {
    const create = () => t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Same title' } });
    const answers = await Promise.all([create(), create(), create()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.body.id).toSorted()).toEqual(['same-title', 'same-title-2', 'same-title-3']);
  });

  it('keeps HTML and script in a Markdown file as text', async () => {
    const md = '## Section\n\n<script>alert(1)</script>\n\nText with <b onclick="x()">tags</b>.\n';
    const created = await upload('/api/documents', 'html.md', md);
    expect(created.status).toBe(201);
    const text = await textOf(created.body.id);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<b onclick="x()">');
  });

  it('lets only the Secretariat create or preview', async () => {
    const { cookie } = await t.person({ role: 'working-group' });
    expect((await upload('/api/documents', 'a.md', '## A', {}, cookie)).status).toBe(403);
    expect((await upload('/api/documents/preview', 'a.md', '## A', {}, cookie)).status).toBe(403);
    expect((await t.api('POST', '/api/documents', { cookie, body: { title: 'x' } })).status).toBe(403);
  });

  it('previews without storing anything', async () => {
    const before = await footprint();
    const res = await upload('/api/documents/preview', 'guidelines.docx', await smallWordDraft());
    expect(res.status).toBe(200);
    expect(await footprint()).toEqual(before);
  });
});

describe('bad input', () => {
  /** The answers of the preview and the create routes, as "status code"; and whether anything was left behind. */
  async function refused(name: string, bytes: Uint8Array | string) {
    const before = await footprint();
    const answers: string[] = [];
    for (const route of ['/api/documents/preview', '/api/documents']) {
      const res = await upload(route, name, bytes);
      // A message that says what to do, not just a code.
      answers.push(`${res.status} ${res.body.error?.code}${res.body.error?.message?.length > 40 ? '' : ' (no message)'}`);
    }
    return { answers, leftBehind: JSON.stringify(await footprint()) !== JSON.stringify(before) };
  }
  const twice = (answer: string) => ({ answers: [answer, answer], leftBehind: false });

  it('refuses a PNG named .docx', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await refused('draft.docx', png)).toEqual(twice('415 unsupported_file'));
  });

  it('refuses a damaged Word file', async () => {
    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 7) % 256)]);
    expect(await refused('draft.docx', damaged)).toEqual(twice('422 unreadable_file'));
    // A real zip that is not a Word document.
    expect(await refused('draft.docx', zipSync({ 'hello.txt': strToU8('hello') }))).toEqual(twice('422 unreadable_file'));
    // A Word file whose document part is not XML.
    const broken = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('not xml <<<'), '_rels/.rels': strToU8('<x') });
    expect(await refused('draft.docx', broken)).toEqual(twice('422 unreadable_file'));
  });

  it('refuses an encrypted Word file', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 504 }, () => 0)]);
    expect(await refused('secret.docx', ole)).toEqual(twice('422 encrypted_file'));
  });

  it('refuses a zip bomb by the sizes its directory declares, before inflating it', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'word/big.bin': new Uint8Array(1000) });
    // Declare 3 GB for big.bin in the central directory (uncompressed size at offset 24 of its entry).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 46 <= zip.byteLength; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
      if (name === 'word/big.bin') view.setUint32(at + 24, 3_000_000_000, true);
    }
    expect(await refused('bomb.docx', zip)).toEqual(twice('422 unpacks_too_large'));
  });

  it('refuses a file over 20 MB with 413', async () => {
    expect(await refused('big.txt', 'a'.repeat(20 * 1024 * 1024 + 1))).toEqual(twice('413 file_too_large'));
    // Far over: refused by the body limit, before the form is read.
    expect(await refused('bigger.txt', 'a'.repeat(30 * 1024 * 1024))).toEqual(twice('413 file_too_large'));
  });

  it('refuses an empty file, and a file of another type', async () => {
    expect(await refused('empty.md', '')).toEqual(twice('422 empty_file'));
    expect(await refused('blank.txt', '  \n\n ')).toEqual(twice('422 empty_file'));
    expect(await refused('draft.pdf', '%PDF-1.4')).toEqual(twice('415 unsupported_file'));
  });

  it('refuses a file with 5,000 headings', async () => {
    const md = Array.from({ length: 5000 }, (_, i) => `## Heading ${i}\n\ntext\n`).join('\n');
    expect(await refused('many.md', md)).toEqual(twice('422 too_many_sections'));
  });

  it('refuses a title of 10,000 characters, and fields it does not know', async () => {
    const long = 'x'.repeat(10_000);
    const before = await footprint();
    expect((await upload('/api/documents', 'a.md', '## A', { title: long })).status).toBe(400);
    expect((await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: long } })).status).toBe(400);
    expect((await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'ok', owner: 'me' } })).status).toBe(400);
    expect((await upload('/api/documents', 'a.md', '## A', { colour: 'red' })).status).toBe(400);
    expect((await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: {} })).status).toBe(400);
    expect(await footprint()).toEqual(before);
  });

  // A full disk is lowdb's failure; the database's are in pgStore.test.ts.
  it.skipIf(onPostgres())('leaves no text behind when the record cannot be written', async () => {
    const before = await footprint();
    // The records file cannot be written (a full disk); the text's own file can.
    const restore = diskFull('accord.json');
    const res = await upload('/api/documents', 'draft.md', '## One\n\ntext');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('storage_unavailable');
    restore();
    expect(await footprint()).toEqual(before);
    // And it works once the disk does.
    expect((await upload('/api/documents', 'draft.md', '## One\n\ntext')).status).toBe(201);
  });

  it('refuses a form without a file', async () => {
    const form = new FormData();
    form.append('title', 'No file');
    const res = await fetch(`${t.url}/api/documents`, { method: 'POST', headers: { origin: t.url, cookie: t.adminCookie }, body: form });
    expect(res.status).toBe(400);
  });
});

describe('document details', () => {
  it('are edited by the Secretariat with a strict body, and shown in GET /api/documents/:id', async () => {
    const id = (await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Details' } })).body.id;
    const patch = { reference: 'P-PG/Training (2021) 2', language: 'fr', description: 'For participants of Module II.', workingGroup: 'Training working group' };
    const res = await t.api('PATCH', `/api/documents/${id}`, { cookie: t.adminCookie, body: patch });
    expect(res.status).toBe(200);
    expect((await t.api('GET', `/api/documents/${id}`, { cookie: t.adminCookie })).body).toMatchObject({ ...patch, archived: false, editionOf: null });
    expect((await t.api('PATCH', `/api/documents/${id}`, { cookie: t.adminCookie, body: { language: 'de' } })).status).toBe(400);
    expect((await t.api('PATCH', `/api/documents/${id}`, { cookie: t.adminCookie, body: { phase: 'adopted' } })).status).toBe(400);
    expect((await t.api('PATCH', `/api/documents/${id}`, { cookie: t.adminCookie, body: { description: 'y'.repeat(2001) } })).status).toBe(400);
    const { cookie } = await t.person({ role: 'working-group' });
    expect((await t.api('PATCH', `/api/documents/${id}`, { cookie, body: { reference: 'x' } })).status).toBe(403);
  });
});
