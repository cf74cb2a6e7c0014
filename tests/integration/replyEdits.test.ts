/** A reply's author changes or withdraws it, under the same rules as their own comments. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

async function withReply() {
  const author = await t.person({ name: 'Thread author' });
  const replier = await t.person({ name: 'Replier' });
  const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: author.cookie })).body.sections[1].id;
  const thread = (await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: author.cookie, body: { sectionId, kind: 'question', body: 'Why?' } })).body;
  const reply = (await t.api('POST', `/api/threads/${thread.id}/replies`, { cookie: replier.cookie, body: { body: 'Because.' } })).body;
  const replies = async () => (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body[0].replies;
  return { author, replier, threadId: thread.id as string, replyId: reply.id as string, replies };
}

it('lets the reply\'s author change it, and no one else', async () => {
  const { author, replier, threadId, replyId, replies } = await withReply();
  const route = `/api/threads/${threadId}/replies/${replyId}`;
  expect((await t.api('PATCH', route, { cookie: author.cookie, body: { body: 'Hijacked' } })).status).toBe(403);
  expect((await t.api('PATCH', route, { cookie: t.adminCookie, body: { body: 'Hijacked' } })).status).toBe(403);
  expect((await t.api('PATCH', route, { cookie: replier.cookie, body: { body: '  ' } })).status).toBe(400);
  expect((await t.api('PATCH', route, { cookie: replier.cookie, body: { body: 'x', extra: 1 } })).status).toBe(400);
  expect((await t.api('PATCH', `/api/threads/${threadId}/replies/00000000-0000-4000-8000-000000000000`, { cookie: replier.cookie, body: { body: 'x' } })).status).toBe(404);
  const changed = await t.api('PATCH', route, { cookie: replier.cookie, body: { body: 'Because of the treaty.' } });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ id: replyId, body: 'Because of the treaty.', author: { name: 'Replier' } });
  expect(changed.body.updatedAt).toEqual(expect.any(String));
  expect(await replies()).toMatchObject([{ id: replyId, body: 'Because of the treaty.' }]);
});

it('lets the reply\'s author withdraw it; it no longer shows and cannot be changed', async () => {
  const { author, replier, threadId, replyId, replies } = await withReply();
  const route = `/api/threads/${threadId}/replies/${replyId}`;
  expect((await t.api('DELETE', route, { cookie: author.cookie })).status).toBe(403);
  expect((await t.api('DELETE', route, { cookie: replier.cookie })).status).toBe(204);
  expect(await replies()).toEqual([]);
  expect((await t.api('DELETE', route, { cookie: replier.cookie })).status).toBe(404);
  expect((await t.api('PATCH', route, { cookie: replier.cookie, body: { body: 'Back' } })).status).toBe(404);
  const audit = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body;
  const entries = Array.isArray(audit) ? audit : audit.events;
  expect(entries.find((e: { action: string }) => e.action === 'reply.withdraw')).toMatchObject({ target: threadId, detail: { ref: 'DE-001', body: 'Because.' } });
});

it('follows the rules of the author\'s own comments: not once answered, not after the deadline', async () => {
  const { replier, threadId, replyId, replies } = await withReply();
  const route = `/api/threads/${threadId}/replies/${replyId}`;
  const answered = await t.api('PATCH', `/api/threads/${threadId}`, { cookie: t.adminCookie, body: { status: 'noted', response: 'Thank you.' } });
  expect(answered.status).toBe(200);
  expect((await t.api('PATCH', route, { cookie: replier.cookie, body: { body: 'Changed' } })).status).toBe(409);
  expect((await t.api('DELETE', route, { cookie: replier.cookie })).status).toBe(409);
  await t.api('PATCH', `/api/threads/${threadId}`, { cookie: t.adminCookie, body: { status: 'open' } });
  await t.setPhase(DOC, 'revision');
  expect((await t.api('PATCH', route, { cookie: replier.cookie, body: { body: 'Changed' } })).status).toBe(403);
  expect((await t.api('DELETE', route, { cookie: replier.cookie })).status).toBe(403);
  expect(await replies()).toMatchObject([{ body: 'Because.' }]);
});
