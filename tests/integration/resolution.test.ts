/** Dispositions, applying proposed wording to the live text, bulk answers and the author's reply. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
const clients: CollabClient[] = [];
async function reader(cookie = t.adminCookie): Promise<CollabClient> {
  const c = connect(t.wsUrl, DOC, cookie);
  clients.push(c);
  await c.synced;
  return c;
}

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

async function comment(options: { from?: number; to?: number; proposedText?: string; paragraph?: number } = {}) {
  const author = await t.person({ role: 'participant', name: 'Commenting Author' });
  const c = await reader(author.cookie);
  const target = paragraphs(c.doc)[options.paragraph ?? 0]!;
  const { anchor, quote } = anchorOn(target.text, options.from ?? 4, options.to ?? 24);
  const res = await t.api('POST', `/api/documents/${DOC}/threads`, {
    cookie: author.cookie,
    body: { sectionId: target.sectionId, anchor, kind: 'editorial', body: 'Reword this.', proposedText: options.proposedText },
  });
  expect(res.status).toBe(201);
  return { author, id: res.body.id as string, quote, anchor };
}

describe('dispositions', () => {
  it('needs a reason for any status but open, keeps the history and allows reopening', async () => {
    const { id } = await comment();
    const wg = await t.person({ role: 'working-group', name: 'Maria Rossi' });
    const noReason = await t.api('PATCH', `/api/threads/${id}`, { cookie: wg.cookie, body: { status: 'not-accepted' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/reasoning/);
    const blank = await t.api('PATCH', `/api/threads/${id}`, { cookie: wg.cookie, body: { status: 'noted', response: '   ' } });
    expect(blank.status).toBe(400);
    const answered = await t.api('PATCH', `/api/threads/${id}`, { cookie: wg.cookie, body: { status: 'partially-accepted', response: 'We kept the first half.', assigneeId: wg.person.id } });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'partially-accepted', response: 'We kept the first half.', assigneeId: wg.person.id });
    const reopened = await t.api('PATCH', `/api/threads/${id}`, { cookie: wg.cookie, body: { status: 'open' } });
    expect(reopened.body.status).toBe('open');
    expect(reopened.body.dispositions.map((d: { status: string; by: string }) => [d.status, d.by])).toEqual([
      ['partially-accepted', 'Maria Rossi'],
      ['open', 'Maria Rossi'],
    ]);
  });

  it('assigns only to working-group or Secretariat members', async () => {
    const { id, author } = await comment();
    const res = await t.api('PATCH', `/api/threads/${id}`, { cookie: t.adminCookie, body: { assigneeId: author.person.id } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/assigned to an active working-group/);
  });

  it('answers several threads at once, checking all before changing any', async () => {
    const a = await comment();
    const b = await comment({ paragraph: 1 });
    const bad = await t.api('POST', `/api/documents/${DOC}/dispositions`, {
      cookie: t.adminCookie,
      body: { threadIds: [a.id, '00000000-0000-4000-8000-000000000000'], status: 'noted', response: 'Thanks' },
    });
    expect(bad.status).toBe(404);
    const threads = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body;
    expect(threads.every((th: { status: string }) => th.status === 'open')).toBe(true);
    const ok = await t.api('POST', `/api/documents/${DOC}/dispositions`, { cookie: t.adminCookie, body: { threadIds: [a.id, b.id], status: 'noted', response: 'Thanks' } });
    expect(ok.status).toBe(200);
    expect(ok.body.map((th: { status: string }) => th.status)).toEqual(['noted', 'noted']);
  });

  it('lets the author accept the answer or maintain the objection', async () => {
    const { id, author } = await comment();
    expect((await t.api('POST', `/api/threads/${id}/reaction`, { cookie: author.cookie, body: { reaction: 'accepts' } })).status).toBe(409);
    await t.api('PATCH', `/api/threads/${id}`, { cookie: t.adminCookie, body: { status: 'not-accepted', response: 'Out of scope.' } });
    const res = await t.api('POST', `/api/threads/${id}/reaction`, { cookie: author.cookie, body: { reaction: 'maintains-objection', statement: 'It is in scope.' } });
    expect(res.status).toBe(200);
    expect(res.body.authorReaction).toMatchObject({ reaction: 'maintains-objection', statement: 'It is in scope.' });
  });

  it('takes no disposition once the document is adopted', async () => {
    const { id } = await comment();
    await t.setPhase(DOC, 'adopted');
    expect((await t.api('PATCH', `/api/threads/${id}`, { cookie: t.adminCookie, body: { status: 'noted', response: 'Late' } })).status).toBe(403);
  });
});

describe('applying proposed wording', () => {
  it('replaces the anchored words in every connected editor at once and accepts the thread', async () => {
    const { id, quote } = await comment({ proposedText: 'NEW AGREED WORDING' });
    await t.setPhase(DOC, 'revision');
    const editorA = await reader((await t.person({ role: 'working-group' })).cookie);
    const editorB = await reader((await t.person({ role: 'working-group' })).cookie);
    const before = plainText(paragraphs(editorA.doc)[0]!.text);
    const res = await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', response: 'The proposed wording was applied to the text.', quote: 'NEW AGREED WORDING', orphaned: false, originalQuote: quote });
    expect(res.body.applied).toMatchObject({ by: 'Secretariat' });
    const expected = before.replace(quote, 'NEW AGREED WORDING');
    for (const editor of [editorA, editorB]) {
      await waitForDoc(editor.doc, () => plainText(paragraphs(editor.doc)[0]!.text) === expected);
    }
    expect(plainText(editorA.doc.getXmlFragment(TEXT_FIELD))).toBe(plainText(editorB.doc.getXmlFragment(TEXT_FIELD)));
    const again = await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_applied');
  });

  it('refuses with 409 and changes nothing when the words are gone or there is nothing to apply', async () => {
    const gone = await comment({ proposedText: 'Replacement' });
    const none = await comment();
    await t.setPhase(DOC, 'revision');
    const editor = await reader((await t.person({ role: 'working-group' })).cookie);
    paragraphs(editor.doc)[0]!.text.delete(0, 40);
    const probe = await reader();
    await waitForDoc(probe.doc, () => plainText(paragraphs(probe.doc)[0]!.text) === plainText(paragraphs(editor.doc)[0]!.text));
    const textBefore = plainText(probe.doc.getXmlFragment(TEXT_FIELD));
    const res = await t.api('POST', `/api/threads/${gone.id}/apply`, { cookie: t.adminCookie, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/deleted/);
    expect((await t.api('POST', `/api/threads/${none.id}/apply`, { cookie: t.adminCookie, body: {} })).body.error.code).toBe('no_proposal');
    const threads = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body;
    expect(threads.every((th: { status: string }) => th.status === 'open')).toBe(true);
    await t.server.services.collab.rooms.use(DOC, (room) => expect(plainText(room.doc.getXmlFragment(TEXT_FIELD))).toBe(textBefore));
  });

  it('is refused outside revision', async () => {
    const { id } = await comment({ proposedText: 'Replacement' });
    const res = await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} });
    expect(res.status).toBe(403);
  });

  it('keeps the formatting of the replaced words', async () => {
    await t.setPhase(DOC, 'revision');
    const editor = await reader((await t.person({ role: 'working-group' })).cookie);
    const target = paragraphs(editor.doc)[0]!;
    target.text.format(4, 20, { bold: true });
    const probe = await reader();
    const isBold = () => (paragraphs(probe.doc)[0]!.text.toDelta() as Array<{ attributes?: Record<string, unknown> }>).some((op) => op.attributes?.bold);
    await waitForDoc(probe.doc, isBold);
    await t.setPhase(DOC, 'consultation');
    const { id } = await comment({ proposedText: 'bold words' });
    await t.setPhase(DOC, 'revision');
    await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} });
    const fresh = await reader();
    const delta = paragraphs(fresh.doc)[0]!.text.toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>;
    expect(delta.find((op) => op.insert.includes('bold words'))?.attributes).toEqual({ bold: true });
  });
});
