/**
 * Undoing an applied wording (DELETE /api/threads/:id/apply): the old words come back, with their
 * formatting, in every connected editor; the thread gets back its status and answer; the audit log
 * says so; and the undo is refused while the applied words have been edited since.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, waitForDoc, type CollabClient } from '../helpers/collabClient.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { plainText } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
const clients: CollabClient[] = [];
async function editor(cookie = t.adminCookie): Promise<CollabClient> {
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

/** A participant's comment on words 4–24 of the first paragraph, proposing `proposedText`; then revision. */
async function proposal(proposedText = 'NEW AGREED WORDING') {
  const author = await t.person({ role: 'participant' });
  const c = await editor(author.cookie);
  const target = paragraphs(c.doc)[0]!;
  const { anchor, quote } = anchorOn(target.text, 4, 24);
  const res = await t.api('POST', `/api/documents/${DOC}/threads`, {
    cookie: author.cookie,
    body: { sectionId: target.sectionId, anchor, kind: 'editorial', body: 'Reword this.', proposedText },
  });
  expect(res.status).toBe(201);
  await t.setPhase(DOC, 'revision');
  return { id: res.body.id as string, quote };
}

const firstParagraph = (c: CollabClient) => plainText(paragraphs(c.doc)[0]!.text);

describe('undoing an applied wording', () => {
  it('puts the old words back in every editor and the thread back to its answer, and logs it', async () => {
    const { id, quote } = await proposal();
    const wg = await t.person({ role: 'working-group', name: 'Wanda Group' });
    const a = await editor(wg.cookie);
    const b = await editor(wg.cookie);
    const original = firstParagraph(a);
    // Part of the words are bold: undo must bring the formatting back too.
    a.doc.transact(() => paragraphs(a.doc)[0]!.text.format(4, 5, { bold: {} }));
    await waitForDoc(b.doc, () => JSON.stringify(paragraphs(b.doc)[0]!.text.toDelta()).includes('bold'));
    const formatted = JSON.stringify(paragraphs(b.doc)[0]!.text.toDelta());

    const answered = await t.api('PATCH', `/api/threads/${id}`, { cookie: wg.cookie, body: { status: 'partially-accepted', response: 'In part.' } });
    expect(answered.status).toBe(200);
    expect((await t.api('POST', `/api/threads/${id}/apply`, { cookie: wg.cookie, body: {} })).status).toBe(200);
    await waitForDoc(b.doc, () => firstParagraph(b) === original.replace(quote, 'NEW AGREED WORDING'));

    const res = await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: wg.cookie });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'partially-accepted', response: 'In part.', applied: null, quote, orphaned: false });
    for (const c of [a, b]) await waitForDoc(c.doc, () => firstParagraph(c) === original);
    expect(JSON.stringify(paragraphs(b.doc)[0]!.text.toDelta())).toBe(formatted);

    const thread = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: wg.cookie })).body.find((th: { id: string }) => th.id === id);
    expect(thread).toMatchObject({ status: 'partially-accepted', applied: null, quote });
    const audit = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body;
    const entries = Array.isArray(audit) ? audit : audit.events;
    expect(entries.find((e: { action: string }) => e.action === 'thread.unapply')).toMatchObject({
      actorName: 'Wanda Group',
      target: id,
      detail: { removed: 'NEW AGREED WORDING', restored: quote, from: 'accepted', to: 'partially-accepted' },
    });

    // The wording can be applied again, and undone again; a second undo finds nothing to undo.
    expect((await t.api('POST', `/api/threads/${id}/apply`, { cookie: wg.cookie, body: {} })).status).toBe(200);
    expect((await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: wg.cookie })).status).toBe(200);
    const again = await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: wg.cookie });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_applied');
    await waitForDoc(a.doc, () => firstParagraph(a) === original);
  });

  it('brings an unanswered comment back to open', async () => {
    const { id } = await proposal();
    expect((await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} })).status).toBe(200);
    const res = await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: t.adminCookie });
    expect(res.body).toMatchObject({ status: 'open', response: null, applied: null });
  });

  it('refuses with 409, changing nothing, once the applied words were edited since', async () => {
    const { id } = await proposal();
    expect((await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} })).status).toBe(200);
    const wg = await t.person({ role: 'working-group' });
    const a = await editor(wg.cookie);
    const probe = await editor();
    await waitForDoc(a.doc, () => firstParagraph(a).includes('NEW AGREED WORDING'));
    const text = paragraphs(a.doc)[0]!.text;
    const at = plainText(text).indexOf('AGREED');
    text.delete(at, 'AGREED'.length);
    text.insert(at, 'DISPUTED');
    await waitForDoc(probe.doc, () => firstParagraph(probe).includes('NEW DISPUTED WORDING'));
    const before = Y.encodeStateVector(probe.doc);

    const res = await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: t.adminCookie });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'text_changed', message: expect.stringMatching(/changed in the text since/) });
    const thread = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body.find((th: { id: string }) => th.id === id);
    expect(thread).toMatchObject({ status: 'accepted', applied: expect.objectContaining({ by: 'Secretariat' }) });
    // Nothing reached the text: a fresh reader sees the edited words, and the probe got no update.
    const fresh = await editor();
    expect(firstParagraph(fresh)).toContain('NEW DISPUTED WORDING');
    expect(Y.encodeStateVector(probe.doc)).toEqual(before);
  });

  it('is refused outside revision and to those who may not apply', async () => {
    const { id } = await proposal();
    expect((await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} })).status).toBe(200);
    const participant = await t.person({ role: 'participant' });
    expect((await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: participant.cookie })).status).toBe(403);
    await t.setPhase(DOC, 'final-review');
    expect((await t.api('DELETE', `/api/threads/${id}/apply`, { cookie: t.adminCookie })).status).toBe(403);
  });
});
