/** Archive, delete a draft, start a new edition, and the text as Word (imported again: same sections). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS, onPostgres, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitFor, type CollabClient } from '../helpers/collabClient.ts';
import { smallWordDraft } from '../helpers/wordFiles.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

let t: TestServer;
const clients: CollabClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t.close();
});

// oxlint-disable-next-line typescript/no-explicit-any -- response bodies are checked by each test's assertions
async function upload(route: string, name: string, bytes: Uint8Array | string): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  const res = await fetch(`${t.url}${route}`, { method: 'POST', headers: { origin: t.url, cookie: t.adminCookie }, body: form });
  return { status: res.status, body: await res.json() };
}

const sectionsOf = (body: { sections: Array<{ number: string; title: string; level: number }> }) => body.sections.map((s) => `${s.number} ${s.title} (${s.level})`);
const ids = async (query = '') => (await t.api('GET', `/api/documents${query}`, { cookie: t.adminCookie })).body.map((d: { id: string }) => d.id);

async function word(route: string, cookie = t.adminCookie): Promise<{ status: number; bytes: Uint8Array; type: string | null }> {
  const res = await fetch(`${t.url}${route}`, { headers: { cookie } });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') };
}

describe('archive', () => {
  it('hides a document from the list unless asked for, makes it read-only for everyone, and keeps it exportable', async () => {
    const doc = SEED_IDS[0];
    const participant = await t.person({ role: 'participant' });
    const archived = await t.api('POST', `/api/documents/${doc}/archive`, { cookie: t.adminCookie, body: { archived: true } });
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect(archived.body.access.edit).toBe(false);
    expect(await ids()).not.toContain(doc);
    expect(await ids('?archived=true')).toContain(doc);

    const sectionId = archived.body.sections[0].id;
    const comment = await t.api('POST', `/api/documents/${doc}/threads`, { cookie: participant.cookie, body: { sectionId, kind: 'general', body: 'Late comment' } });
    expect(comment.status).toBe(403);
    const own = await t.api('POST', `/api/documents/${doc}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'Secretariat too' } });
    expect(own.status).toBe(403);
    expect((await t.api('POST', `/api/documents/${doc}/phase`, { cookie: t.adminCookie, body: { phase: 'revision' } })).status).toBe(403);
    expect((await t.api('PATCH', `/api/documents/${doc}`, { cookie: t.adminCookie, body: { reference: 'x' } })).status).toBe(403);

    expect((await t.api('GET', `/api/documents/${doc}/report?format=csv`, { cookie: t.adminCookie })).status).toBe(200);
    const exported = await word(`/api/documents/${doc}/word`);
    expect(exported.status).toBe(200);

    // Brought back, it can change again.
    const back = await t.api('POST', `/api/documents/${doc}/archive`, { cookie: t.adminCookie, body: { archived: false } });
    expect(back.body.archived).toBe(false);
    expect(await ids()).toContain(doc);
  });

  it('closes the socket of an editor when the document is archived', async () => {
    const id = (await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Editing' } })).body.id;
    const { cookie } = await t.person({ role: 'working-group' });
    const client = connect(t.wsUrl, id, cookie);
    clients.push(client);
    await client.synced;
    let closed = false;
    client.provider.ws?.addEventListener('close', () => (closed = true));
    await t.api('POST', `/api/documents/${id}/archive`, { cookie: t.adminCookie, body: { archived: true } });
    await waitFor(() => closed, 5000, 'the editor socket to close');
    expect(closed).toBe(true);
  });

  it('is for the Secretariat only', async () => {
    const { cookie } = await t.person({ role: 'working-group' });
    expect((await t.api('POST', `/api/documents/${SEED_IDS[0]}/archive`, { cookie, body: { archived: true } })).status).toBe(403);
    expect((await t.api('POST', `/api/documents/${SEED_IDS[0]}/archive`, { cookie: t.adminCookie, body: { archived: 'yes' } })).status).toBe(400);
  });
});

describe('deleting a draft', () => {
  it('names what will be lost, needs the id to confirm, and removes records, threads, versions and the log file', async () => {
    const created = await upload('/api/documents', 'to-delete.md', '## One\n\ntext\n');
    const id = created.body.id;
    const sectionId = created.body.sections[0].id;
    expect((await t.api('POST', `/api/documents/${id}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'A note' } })).status).toBe(201);
    expect((await t.api('POST', `/api/documents/${id}/versions`, { cookie: t.adminCookie, body: { name: 'First' } })).status).toBe(201);

    const impact = await t.api('GET', `/api/documents/${id}/deletion`, { cookie: t.adminCookie });
    expect(impact.body).toEqual({ id, title: 'to-delete', deletable: true, reason: null, threads: 1, replies: 0, versions: 1, signoffs: 0 });

    expect((await t.api('DELETE', `/api/documents/${id}`, { cookie: t.adminCookie, body: { confirm: 'wrong' } })).status).toBe(400);
    expect(await ids()).toContain(id);
    // lowdb's files; in PostgreSQL the rows go in the same calls (the API answers below show it).
    const log = path.join(t.dataDir, 'documents', `${id}.ylog`);
    expect(existsSync(log)).toBe(!onPostgres());

    const deleted = await t.api('DELETE', `/api/documents/${id}`, { cookie: t.adminCookie, body: { confirm: id } });
    expect(deleted.status).toBe(200);
    expect(await ids('?archived=true')).not.toContain(id);
    expect((await t.api('GET', `/api/documents/${id}`, { cookie: t.adminCookie })).status).toBe(404);
    expect((await t.api('GET', `/api/documents/${id}/threads`, { cookie: t.adminCookie })).status).toBe(404);
    expect(existsSync(log)).toBe(false);
    expect(existsSync(path.join(t.dataDir, 'threads', `${id}.json`))).toBe(false);
    expect(existsSync(path.join(t.dataDir, 'versions', id))).toBe(false);

    // Survives a restart: nothing comes back.
    await t.restart();
    expect(await ids('?archived=true')).not.toContain(id);
    // The id is free again.
    expect((await upload('/api/documents', 'to-delete.md', '## One')).body.id).toBe(id);
  });

  it('refuses a document that has been open for consultation, even back in drafting', async () => {
    const id = (await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Consulted' } })).body.id;
    await t.setPhase(id, 'consultation');
    await t.setPhase(id, 'drafting');
    const impact = await t.api('GET', `/api/documents/${id}/deletion`, { cookie: t.adminCookie });
    expect(impact.body.deletable).toBe(false);
    const res = await t.api('DELETE', `/api/documents/${id}`, { cookie: t.adminCookie, body: { confirm: id } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_deletable');
    expect((await t.api('DELETE', `/api/documents/${SEED_IDS[0]}`, { cookie: t.adminCookie, body: { confirm: SEED_IDS[0] } })).status).toBe(409);
    expect(await ids()).toContain(id);
  });
});

describe('next edition', () => {
  it('copies an adopted text into a new draft without comments, naming the edition it came from', async () => {
    const doc = SEED_IDS[1];
    const before = (await t.api('GET', `/api/documents/${doc}`, { cookie: t.adminCookie })).body;
    expect((await t.api('POST', `/api/documents/${doc}/edition`, { cookie: t.adminCookie, body: {} })).status).toBe(409);

    const sectionId = before.sections[0].id;
    expect((await t.api('POST', `/api/documents/${doc}/threads`, { cookie: t.adminCookie, body: { sectionId, kind: 'general', body: 'Old comment' } })).status).toBe(201);
    await t.setPhase(doc, 'adopted');
    const edition = await t.api('POST', `/api/documents/${doc}/edition`, { cookie: t.adminCookie, body: { title: 'Stigma guidelines, 2027 edition' } });
    expect(edition.status).toBe(201);
    expect(edition.body).toMatchObject({ id: 'stigma-guidelines-2027-edition', phase: 'drafting', editionOf: { id: doc, title: before.title } });
    expect(edition.body.sections.map((s: { title: string }) => s.title)).toEqual(before.sections.map((s: { title: string }) => s.title));
    expect((await t.api('GET', `/api/documents/${edition.body.id}/threads`, { cookie: t.adminCookie })).body).toEqual([]);

    const client = connect(t.wsUrl, edition.body.id, t.adminCookie);
    const original = connect(t.wsUrl, doc, t.adminCookie);
    clients.push(client, original);
    await Promise.all([client.synced, original.synced]);
    expect(plainText(client.doc.getXmlFragment(TEXT_FIELD))).toBe(plainText(original.doc.getXmlFragment(TEXT_FIELD)));
  });
});

describe('Word out', () => {
  it('gives the text as .docx that imports again to the same sections, formatting included', async () => {
    const created = await upload('/api/documents', 'guidelines.docx', await smallWordDraft());
    const id = created.body.id;
    const exported = await word(`/api/documents/${id}/word`);
    expect(exported.status).toBe(200);
    expect(exported.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const again = await upload('/api/documents', 'exported.docx', exported.bytes);
    expect(again.status).toBe(201);
    expect(again.body.title).toBe('Training guidelines');
    expect(sectionsOf(again.body)).toEqual(sectionsOf(created.body));

    const a = connect(t.wsUrl, id, t.adminCookie);
    const b = connect(t.wsUrl, again.body.id, t.adminCookie);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const strip = (xml: string) => xml.replace(/ id="[^"]*"/g, '');
    expect(strip(b.doc.getXmlFragment(TEXT_FIELD).toString())).toBe(strip(a.doc.getXmlFragment(TEXT_FIELD).toString()));
  });

  it('round-trips the seed drafts (lists, quotes, nested headings) to the same sections', async () => {
    for (const doc of SEED_IDS) {
      const detail = (await t.api('GET', `/api/documents/${doc}`, { cookie: t.adminCookie })).body;
      const exported = await word(`/api/documents/${doc}/word`);
      const again = await upload('/api/documents/preview', `${doc}.docx`, exported.bytes);
      expect(again.status).toBe(200);
      expect(again.body.title).toBe(detail.title);
      expect(sectionsOf(again.body)).toEqual(sectionsOf(detail));
    }
  });

  it('gives any version as .docx, to anyone who may read the document', async () => {
    const doc = SEED_IDS[0];
    const version = (await t.api('POST', `/api/documents/${doc}/versions`, { cookie: t.adminCookie, body: { name: 'Snapshot' } })).body;
    const { cookie } = await t.person({ role: 'participant' });
    const res = await word(`/api/documents/${doc}/word?version=${version.id}`, cookie);
    expect(res.status).toBe(200);
    expect(res.bytes.byteLength).toBeGreaterThan(1000);
    expect((await word(`/api/documents/${doc}/word?version=00000000-0000-0000-0000-000000000000`)).status).toBe(404);
    expect((await word(`/api/documents/${doc}/word?format=pdf`)).status).toBe(400);
  });
});
