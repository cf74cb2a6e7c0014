/**
 * A refused request changes nothing (issue 12, part 5): each command checks everything, then writes
 * everything in one store change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskFull } from '../helpers/diskFaults.ts';
import { SEED_IDS, onPostgres, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, type CollabClient } from '../helpers/collabClient.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { plainText, TEXT_FIELD } from '../../server/documents/text.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
const clients: CollabClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

async function comment(cookie: string, paragraph: number, proposedText?: string) {
  const c = connect(t.wsUrl, DOC, cookie);
  clients.push(c);
  await c.synced;
  const target = paragraphs(c.doc)[paragraph]!;
  const { anchor } = anchorOn(target.text, 4, 24);
  const res = await t.api('POST', `/api/documents/${DOC}/threads`, {
    cookie,
    body: { sectionId: target.sectionId, anchor, kind: 'editorial', body: 'Reword this.', proposedText },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const threadById = async (id: string) =>
  ((await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body as Array<{ id: string }>).find((th) => th.id === id) as Record<string, unknown>;

const liveText = () => t.server.services.collab.rooms.use(DOC, (room) => plainText(room.doc.getXmlFragment(TEXT_FIELD)));

describe('PATCH /api/threads/:id', () => {
  it('refuses an author who also sets a status, and keeps their words as they were', async () => {
    const author = await t.person({ role: 'participant' });
    const id = await comment(author.cookie, 0);
    const res = await t.api('PATCH', `/api/threads/${id}`, { cookie: author.cookie, body: { body: 'Changed words', status: 'noted', response: 'Self-answered' } });
    expect(res.status).toBe(403);
    expect(await threadById(id)).toMatchObject({ body: 'Reword this.', status: 'open', response: null });
  });

  it('refuses a disposition without reasoning, and keeps the author-edit part unwritten too', async () => {
    const id = await comment(t.adminCookie, 0);
    const res = await t.api('PATCH', `/api/threads/${id}`, { cookie: t.adminCookie, body: { body: 'Edited by its author', status: 'noted' } });
    expect(res.status).toBe(400);
    expect(await threadById(id)).toMatchObject({ body: 'Reword this.', status: 'open' });
    const both = await t.api('PATCH', `/api/threads/${id}`, { cookie: t.adminCookie, body: { body: 'Edited by its author', status: 'noted', response: 'Noted.' } });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ body: 'Edited by its author', status: 'noted', response: 'Noted.' });
  });
});

describe('POST /api/documents/:id/dispositions', () => {
  it('refuses the whole batch when one thread has no reasoning, changing none of them', async () => {
    const author = await t.person({ role: 'participant' });
    const reasoned = await comment(author.cookie, 0);
    const unreasoned = await comment(author.cookie, 1);
    // The first already carries the working group's reasoning, the second has none.
    expect((await t.api('PATCH', `/api/threads/${reasoned}`, { cookie: t.adminCookie, body: { response: 'Already discussed.' } })).status).toBe(200);
    const res = await t.api('POST', `/api/documents/${DOC}/dispositions`, { cookie: t.adminCookie, body: { threadIds: [reasoned, unreasoned], status: 'noted' } });
    expect(res.status).toBe(400);
    expect(await threadById(reasoned)).toMatchObject({ status: 'open', response: 'Already discussed.' });
    expect(await threadById(unreasoned)).toMatchObject({ status: 'open', response: null });
    expect((await threadById(reasoned)).dispositions).toHaveLength(1);
  });

  it('writes every thread of a good batch', async () => {
    const author = await t.person({ role: 'participant' });
    const a = await comment(author.cookie, 0);
    const b = await comment(author.cookie, 1);
    const res = await t.api('POST', `/api/documents/${DOC}/dispositions`, { cookie: t.adminCookie, body: { threadIds: [a, b], status: 'noted', response: 'Thanks.' } });
    expect(res.status).toBe(200);
    expect(await threadById(a)).toMatchObject({ status: 'noted', response: 'Thanks.' });
    expect(await threadById(b)).toMatchObject({ status: 'noted', response: 'Thanks.' });
  });
});

describe('POST /api/threads/:id/apply', () => {
  // A full disk is lowdb's failure; the database's are in pgStore.test.ts.
  it.skipIf(onPostgres())('leaves the live text as it was when the thread cannot be stored', async () => {
    const author = await t.person({ role: 'participant' });
    const id = await comment(author.cookie, 0, 'NEW AGREED WORDING');
    await t.setPhase(DOC, 'revision');
    const before = await liveText();
    // The disk is full: every file the server opens for writing fails (the thread store writes a new file).
    const restore = diskFull();
    const failed = await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} });
    expect(failed.status).toBe(503);
    restore();
    expect(await liveText() === before).toBe(true);
    expect(await threadById(id)).toMatchObject({ status: 'open', applied: null });
    // Once the disk works again, the same request goes through.
    const applied = await t.api('POST', `/api/threads/${id}/apply`, { cookie: t.adminCookie, body: {} });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'accepted', quote: 'NEW AGREED WORDING' });
    expect(await liveText()).toContain('NEW AGREED WORDING');
  });
});
