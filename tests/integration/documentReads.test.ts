/**
 * Reading a document writes nothing: REST reads and a comment posted with nobody connected leave its
 * log as it was, and a document nobody holds stays loaded for a grace period so that the next request
 * reuses it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PREAMBLE_SECTION_ID } from '../../shared/sections.ts';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEED_IDS, onPostgres, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/collabClient.ts';

const DOC: string = SEED_IDS[0];
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).toReversed()) await f();
});

async function server(config: { roomGraceMs?: number } = {}): Promise<TestServer> {
  const t = await startTestServer({ config });
  cleanup.push(() => t.close());
  return t;
}

function logFile(t: TestServer) {
  const file = path.join(t.dataDir, 'documents', `${DOC}.ylog`);
  const { ino, mtimeMs } = statSync(file);
  return { ino, mtimeMs, bytes: readFileSync(file) };
}

describe('reading a document', () => {
  // Reads lowdb's log file (its inode and bytes).
  it.skipIf(onPostgres())('leaves its log as it was: GETs, a comment with nobody connected, and the unload after them', async () => {
    const t = await server();
    // The seed import and its first version are done; let the rooms they used go.
    await waitFor(() => t.server.services.collab.rooms.size === 0, 5000, 'the start-up rooms to unload');
    const before = logFile(t);
    const get = async (route: string) => expect((await t.api('GET', route, { cookie: t.adminCookie })).status).toBe(200);
    const document = await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie });
    await get(`/api/documents/${DOC}/threads`);
    await get(`/api/documents/${DOC}/text`);
    await get(`/api/documents/${DOC}/report`);
    await get(`/api/documents/${DOC}/versions`);
    const versionId = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body[0].id;
    await get(`/api/documents/${DOC}/compare?from=${versionId}`);
    const posted = await t.api('POST', `/api/documents/${DOC}/threads`, {
      cookie: t.adminCookie,
      body: { sectionId: document.body.sections[0].id, kind: 'general', body: 'Posted with nobody connected' },
    });
    expect(posted.status).toBe(201);
    await waitFor(() => t.server.services.collab.rooms.size === 0, 5000, 'the room to unload');
    expect(logFile(t)).toEqual(before);
  });

  it('keeps a document nobody holds for its grace period, so the next request reuses it', async () => {
    const t = await server({ roomGraceMs: 60_000 });
    const rooms = t.server.services.collab.rooms;
    await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie });
    const first = await rooms.loaded(DOC);
    expect(first?.holders).toBe(0);
    await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie });
    expect(await rooms.loaded(DOC)).toBe(first);
    expect(rooms.size).toBe(SEED_IDS.length);
  });
});

describe('the text as it stands (GET /api/documents/:id/text)', () => {
  it('gives a member the words of the live text, headings with their section ids, and the generation', async () => {
    const t = await server();
    const participant = await t.person({ name: 'Reader', country: 'FR' });
    const detail = (await t.api('GET', `/api/documents/${DOC}`, { cookie: participant.cookie })).body;
    const res = await t.api('GET', `/api/documents/${DOC}/text`, { cookie: participant.cookie });
    expect(res.status).toBe(200);
    expect(res.body.generation).toBe(detail.generation);
    type Node = { type: string; attrs?: { id?: string }; text?: string; content?: Node[] };
    const words = (node: Node): string => node.text ?? (node.content ?? []).map(words).join('');
    const headings = (res.body.content as Node[]).filter((node) => node.type === 'heading');
    // The text before the first heading is a section of its own ("0") without a heading.
    const titled = detail.sections.filter((section: { id: string }) => section.id !== PREAMBLE_SECTION_ID);
    expect(headings.map((h) => ({ id: h.attrs?.id, title: words(h).trim() }))).toEqual(titled.map((s: { id: string; title: string }) => ({ id: s.id, title: s.title })));
  });

  it('shows words typed a moment ago, not only what was stored at start', async () => {
    const t = await server();
    const rooms = t.server.services.collab.rooms;
    const room = await rooms.acquire(DOC);
    try {
      const first = room.doc.getXmlFragment('default').toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement;
      (first.get(0) as Y.XmlText).insert(0, 'Freshly typed. ');
      const res = await t.api('GET', `/api/documents/${DOC}/text`, { cookie: t.adminCookie });
      expect(JSON.stringify(res.body.content)).toContain('Freshly typed. ');
    } finally {
      await rooms.release(room);
    }
  });

  it('refuses the signed-out and a malformed id', async () => {
    const t = await server();
    expect((await t.api('GET', `/api/documents/${DOC}/text`)).status).toBe(401);
    const bad = await t.api('GET', '/api/documents/NOT_AN_ID!/text', { cookie: t.adminCookie });
    expect([400, 404]).toContain(bad.status);
    expect(bad.body.error.code).toBeTruthy();
  });
});
