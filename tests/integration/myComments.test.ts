/** GET /api/me/comments: one's own comments across one's documents, newest first, with their answers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const [A, B] = SEED_IDS;
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

async function comment(cookie: string, documentId: string, body: string) {
  const sections = (await t.api('GET', `/api/documents/${documentId}`, { cookie: t.adminCookie })).body.sections;
  const res = await t.api('POST', `/api/documents/${documentId}/threads`, { cookie, body: { sectionId: sections[1].id, kind: 'technical', body } });
  if (res.status !== 201) throw new Error(`comment failed: ${res.status}`);
  return res.body;
}

describe('my comments', () => {
  it('lists only the caller’s comments, newest first, with document and answer', async () => {
    const me = await t.person({ name: 'Mia Own', country: 'FI' });
    const other = await t.person({ name: 'Otto Other', country: 'AT' });
    const first = await comment(me.cookie, A, 'My first remark.');
    await comment(other.cookie, A, 'Not mine.');
    await comment(me.cookie, B, 'My second remark.');
    const answered = await t.api('PATCH', `/api/threads/${first.id}`, { cookie: t.adminCookie, body: { status: 'noted', response: 'Thank you, noted.' } });
    expect(answered.status).toBe(200);

    const res = await t.api('GET', '/api/me/comments', { cookie: me.cookie });
    expect(res.status).toBe(200);
    expect(res.body.map((c: { document: { id: string }; thread: { body: string; status: string; response: string | null; ref: string } }) => [c.document.id, c.thread.body, c.thread.status, c.thread.response, c.thread.ref])).toEqual([
      [B, 'My second remark.', 'open', null, 'FI-001'],
      [A, 'My first remark.', 'noted', 'Thank you, noted.', 'FI-001'],
    ]);

    // Removed from a document, its comments are no longer listed for them.
    await t.api('DELETE', `/api/documents/${B}/members/${me.person.id}`, { cookie: t.adminCookie });
    expect((await t.api('GET', '/api/me/comments', { cookie: me.cookie })).body.map((c: { document: { id: string } }) => c.document.id)).toEqual([A]);
    expect((await t.api('GET', '/api/me/comments')).status).toBe(401);
  });
});
