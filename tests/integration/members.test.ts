/**
 * Membership of documents: who takes part in which document with which role, on REST and on the
 * socket. A document one does not take part in answers exactly like an unknown one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connect, type CollabClient } from '../helpers/collabClient.ts';
import { rawPeer } from '../helpers/rawSocket.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';

const [A, B] = SEED_IDS;
let t: TestServer;
const clients: CollabClient[] = [];

beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await t.close();
});

let invited = 0;
/** Invites a person into the given documents only (POST /api/people `documents`) and signs them in. */
async function invite(role: string, documents: string[] | undefined, name?: string) {
  const n = ++invited;
  const body = { name: name ?? `Member ${n}`, email: `member${n}-${role}@example.org`, role, country: 'PT', stakeholder: 'government', ...(documents ? { documents } : {}) };
  const res = await t.api('POST', '/api/people', { cookie: t.adminCookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { person: res.body.person as { id: string; name: string }, cookie: await signIn(t.url, res.body.inviteToken) };
}

const upgradeStatus = (documentId: string, cookie: string) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(`${t.wsUrl}/collab/${documentId}`, { headers: { cookie, origin: t.url } });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });

async function threadOn(documentId: string, cookie: string, body = 'A comment.') {
  const doc = await t.api('GET', `/api/documents/${documentId}`, { cookie });
  const res = await t.api('POST', `/api/documents/${documentId}/threads`, { cookie, body: { sectionId: doc.body.sections[1].id, kind: 'general', body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

describe('invitations name the documents', () => {
  it('makes the person a member of the named documents only, with the role they were invited with', async () => {
    const { person, cookie } = await invite('working-group', [B]);
    const list = await t.api('GET', '/api/documents', { cookie });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      { id: B, title: 'Draft guidelines on measures to reduce drug-related stigma', phase: 'consultation', deadline: null, reference: '', role: 'working-group', comments: 0, unanswered: 0 },
    ]);
    const members = await t.api('GET', `/api/documents/${B}/members`, { cookie: t.adminCookie });
    expect(members.status).toBe(200);
    expect(members.body).toEqual([{ person: expect.objectContaining({ id: person.id, name: person.name, active: true }), role: 'working-group' }]);
    expect((await t.api('GET', `/api/documents/${A}/members`, { cookie: t.adminCookie })).body).toEqual([]);
  });

  it('without documents, makes the person a member of every document', async () => {
    const { cookie } = await invite('reviewer', undefined);
    const list = await t.api('GET', '/api/documents', { cookie });
    expect(list.body.map((d: { id: string; role: string }) => `${d.id} ${d.role}`).toSorted()).toEqual([`${A} reviewer`, `${B} reviewer`]);
  });

  it('refuses unknown document ids with 400 and creates nobody', async () => {
    const before = (await t.api('GET', '/api/people', { cookie: t.adminCookie })).body.length;
    const body = { name: 'Nobody', email: 'nobody@example.org', role: 'participant', country: 'PT', stakeholder: 'government' };
    for (const documents of [[A, 'no-such-document'], ['Not An Id'], 'everything']) {
      const res = await t.api('POST', '/api/people', { cookie: t.adminCookie, body: { ...body, documents } });
      expect(res.status, JSON.stringify(documents)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect((await t.api('GET', '/api/people', { cookie: t.adminCookie })).body.length).toBe(before);
    expect((await t.api('GET', `/api/documents/${A}/members`, { cookie: t.adminCookie })).body).toEqual([]);
    // The address was not taken by a half-made person.
    expect((await t.api('POST', '/api/people', { cookie: t.adminCookie, body: { ...body, documents: [A] } })).status).toBe(201);
  });

  it('lists for the Secretariat every document, with its role and the counts of comments and unanswered ones', async () => {
    const { cookie } = await invite('participant', [A]);
    const first = await threadOn(A, cookie, 'First.');
    await threadOn(A, cookie, 'Second.');
    await t.api('PATCH', `/api/threads/${first.id}`, { cookie: t.adminCookie, body: { status: 'noted', response: 'Noted.' } });
    // A withdrawn comment counts neither as a comment nor as unanswered.
    const withdrawn = await threadOn(A, cookie, 'Third, withdrawn.');
    expect((await t.api('DELETE', `/api/threads/${withdrawn.id}`, { cookie })).status).toBe(204);
    const list = await t.api('GET', '/api/documents', { cookie: t.adminCookie });
    const byId = Object.fromEntries(list.body.map((d: { id: string }) => [d.id, d]));
    expect(byId[A]).toMatchObject({ role: 'secretariat', comments: 2, unanswered: 1 });
    expect(byId[B]).toMatchObject({ role: 'secretariat', comments: 0, unanswered: 0 });
  });
});

describe('a document one does not take part in does not exist', () => {
  it('answers every document and thread route exactly like an unknown id', async () => {
    const insider = await invite('working-group', [A]);
    const outsider = await invite('working-group', [B]);
    const thread = await threadOn(A, insider.cookie);
    const routes = t.server.routes.filter((r) => r.path.startsWith('/api/documents/:id') || r.path.startsWith('/api/threads/:id'));
    expect(routes.length).toBeGreaterThan(15);
    const fill = (path: string, id: string, threadId: string) =>
      path
        .replace('/api/documents/:id', `/api/documents/${id}`)
        .replace('/api/threads/:id', `/api/threads/${threadId}`)
        .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
    const differences: string[] = [];
    for (const { method, path } of routes) {
      const hidden = await t.api(method, fill(path, A, thread.id), { cookie: outsider.cookie, body: method === 'GET' ? undefined : {} });
      const unknown = await t.api(method, fill(path, 'no-such-document', '11111111-1111-4111-8111-111111111111'), {
        cookie: outsider.cookie,
        body: method === 'GET' ? undefined : {},
      });
      if (hidden.status !== 404) differences.push(`${method} ${path}: ${hidden.status} ${JSON.stringify(hidden.body)}`);
      if (JSON.stringify(hidden.body) !== JSON.stringify(unknown.body)) differences.push(`${method} ${path}: ${JSON.stringify(hidden.body)} vs ${JSON.stringify(unknown.body)}`);
    }
    expect(differences).toEqual([]);
    // The same routes answer the member.
    expect((await t.api('GET', `/api/documents/${A}/threads`, { cookie: insider.cookie })).status).toBe(200);
    expect((await t.api('POST', `/api/threads/${thread.id}/replies`, { cookie: insider.cookie, body: { body: 'Mine.' } })).status).toBe(201);
  });

  it('answers a bulk disposition naming a thread of another document like one naming an unknown thread', async () => {
    const author = await invite('participant', [A]);
    const editor = await invite('working-group', [B]);
    const hidden = await threadOn(A, author.cookie);
    const dispose = (threadId: string) =>
      t.api('POST', `/api/documents/${B}/dispositions`, { cookie: editor.cookie, body: { threadIds: [threadId], status: 'noted', response: 'Noted.' } });
    const other = await dispose(hidden.id);
    const unknown = await dispose('11111111-1111-4111-8111-111111111111');
    expect(other.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
    expect((await t.api('GET', `/api/documents/${A}/threads`, { cookie: t.adminCookie })).body[0]).toMatchObject({ id: hidden.id, status: 'open' });
  });

  it('gives the documented 404 bodies for a document and a thread', async () => {
    const insider = await invite('participant', [A]);
    const outsider = await invite('participant', [B]);
    const thread = await threadOn(A, insider.cookie);
    expect((await t.api('GET', `/api/documents/${A}`, { cookie: outsider.cookie })).body).toEqual({ error: { code: 'not_found', message: 'No such document.' } });
    expect((await t.api('POST', `/api/threads/${thread.id}/replies`, { cookie: outsider.cookie, body: { body: 'Hello' } })).body).toEqual({
      error: { code: 'not_found', message: 'No such thread.' },
    });
    const events = await fetch(`${t.url}/api/documents/${A}/events`, { headers: { cookie: outsider.cookie } });
    expect(events.status).toBe(404);
    expect(await events.json()).toEqual({ error: { code: 'not_found', message: 'No such document.' } });
  });

  it('refuses the socket like an unknown document', async () => {
    const outsider = await invite('working-group', [B]);
    expect(await upgradeStatus(A, outsider.cookie)).toBe(404);
    expect(await upgradeStatus('no-such-document', outsider.cookie)).toBe(404);
    expect(t.server.services.collab.rooms.size).toBe(0);
    expect(await upgradeStatus(B, outsider.cookie)).toBe(101);
  });
});

describe('members', () => {
  it('adds, changes and removes members (Secretariat only), and a role on one document leaves the other alone', async () => {
    const { person, cookie } = await invite('participant', [A, B]);
    await t.setPhase(A, 'drafting');
    await t.setPhase(B, 'drafting');
    const version = (id: string) => t.api('POST', `/api/documents/${id}/versions`, { cookie, body: { name: 'Mine' } });
    expect((await version(A)).status).toBe(403);

    const put = await t.api('PUT', `/api/documents/${A}/members/${person.id}`, { cookie: t.adminCookie, body: { role: 'working-group' } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ person: { id: person.id }, role: 'working-group' });
    expect((await version(A)).status).toBe(201);
    expect((await version(B)).status).toBe(403);
    const list = await t.api('GET', '/api/documents', { cookie });
    expect(list.body.map((d: { id: string; role: string }) => `${d.id} ${d.role}`).toSorted()).toEqual([`${A} working-group`, `${B} participant`]);

    // A member of the document is not the Secretariat: the members routes are not theirs.
    expect((await t.api('GET', `/api/documents/${A}/members`, { cookie })).status).toBe(403);
    expect((await t.api('PUT', `/api/documents/${A}/members/${person.id}`, { cookie, body: { role: 'reviewer' } })).status).toBe(403);

    expect((await t.api('DELETE', `/api/documents/${A}/members/${person.id}`, { cookie: t.adminCookie })).status).toBe(204);
    expect((await t.api('GET', `/api/documents/${A}`, { cookie })).status).toBe(404);
    expect((await t.api('GET', `/api/documents/${B}`, { cookie })).status).toBe(200);
    expect((await t.api('DELETE', `/api/documents/${A}/members/${person.id}`, { cookie: t.adminCookie })).status).toBe(404);
  });

  it('a new role on the People page holds on every document the person takes part in, and on no other', async () => {
    const { person, cookie } = await invite('participant', [A, B]);
    await t.api('PUT', `/api/documents/${B}/members/${person.id}`, { cookie: t.adminCookie, body: { role: 'reviewer' } });
    const other = await invite('participant', [B]);
    const res = await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { role: 'working-group' } });
    expect(res.status).toBe(200);
    const list = await t.api('GET', '/api/documents', { cookie });
    expect(list.body.map((d: { id: string; role: string }) => `${d.id} ${d.role}`).toSorted()).toEqual([`${A} working-group`, `${B} working-group`]);
    expect((await t.api('GET', '/api/documents', { cookie: other.cookie })).body.map((d: { id: string; role: string }) => `${d.id} ${d.role}`)).toEqual([`${B} participant`]);
  });

  it('counts on the sign-off tally only the reviewers who take part in the document', async () => {
    await invite('reviewer', [A], 'Reviewer of A');
    await invite('reviewer', [B], 'Reviewer of B');
    const tally = await t.api('GET', `/api/documents/${A}/signoffs/tally`, { cookie: t.adminCookie });
    expect(tally.status).toBe(200);
    expect(tally.body.reviewers.map((r: { reviewer: { name: string } }) => r.reviewer.name)).toEqual(['Reviewer of A']);
  });

  it('refuses bad member changes whole', async () => {
    const { person } = await invite('participant', [A]);
    const admin = (await t.api('GET', '/api/session', { cookie: t.adminCookie })).body.person;
    const cases: Array<[string, unknown, number]> = [
      [`/api/documents/${A}/members/${person.id}`, { role: 'secretariat' }, 400],
      [`/api/documents/${A}/members/${person.id}`, { role: 'reviewer', extra: 1 }, 400],
      [`/api/documents/${A}/members/not-a-person`, { role: 'reviewer' }, 400],
      [`/api/documents/${A}/members/00000000-0000-4000-8000-000000000000`, { role: 'reviewer' }, 404],
      [`/api/documents/no-such-document/members/${person.id}`, { role: 'reviewer' }, 404],
      [`/api/documents/${A}/members/${admin.id}`, { role: 'reviewer' }, 409],
    ];
    for (const [route, body, status] of cases) expect((await t.api('PUT', route, { cookie: t.adminCookie, body })).status, `${route} ${JSON.stringify(body)}`).toBe(status);
    expect((await t.api('GET', `/api/documents/${A}/members`, { cookie: t.adminCookie })).body).toEqual([
      { person: expect.objectContaining({ id: person.id }), role: 'participant' },
    ]);
  });

  it('keeps what a removed member wrote, attributed to them', async () => {
    const { person, cookie } = await invite('participant', [A], 'Removed Writer');
    const thread = await threadOn(A, cookie, 'Words that stay.');
    expect((await t.api('DELETE', `/api/documents/${A}/members/${person.id}`, { cookie: t.adminCookie })).status).toBe(204);
    const threads = await t.api('GET', `/api/documents/${A}/threads`, { cookie: t.adminCookie });
    expect(threads.body.find((x: { id: string }) => x.id === thread.id)).toMatchObject({ body: 'Words that stay.', author: { id: person.id, name: 'Removed Writer' } });
  });

  it('closes the removed member\'s open socket and event stream at once, and only on that document', async () => {
    const { person, cookie } = await invite('working-group', [A, B]);
    const onA = rawPeer(t.wsUrl, A, cookie);
    const onB = connect(t.wsUrl, B, cookie);
    clients.push(onB);
    await Promise.all([onA.opened, onB.synced]);
    const controller = new AbortController();
    const events = await fetch(`${t.url}/api/documents/${A}/events`, { headers: { cookie }, signal: controller.signal });
    expect(events.status).toBe(200);
    const reader = events.body!.getReader();
    await reader.read(); // the `ready` event

    expect((await t.api('DELETE', `/api/documents/${A}/members/${person.id}`, { cookie: t.adminCookie })).status).toBe(204);
    expect(await onA.closed).toEqual({ code: CLOSE_CODES.forbidden, reason: 'You no longer take part in this document' });
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    expect(ended).toBe(true);
    expect(onB.provider.wsconnected).toBe(true);
    expect(await upgradeStatus(A, cookie)).toBe(404);
    controller.abort();
  });

  it('a role change on one document closes an editing socket there only', async () => {
    const { person, cookie } = await invite('working-group', [A, B]);
    await t.setPhase(A, 'drafting');
    await t.setPhase(B, 'drafting');
    const onA = rawPeer(t.wsUrl, A, cookie);
    const onB = connect(t.wsUrl, B, cookie);
    clients.push(onB);
    await Promise.all([onA.opened, onB.synced]);
    expect((await t.api('PUT', `/api/documents/${A}/members/${person.id}`, { cookie: t.adminCookie, body: { role: 'participant' } })).status).toBe(200);
    expect((await onA.closed).code).toBe(CLOSE_CODES.rightsChanged);
    expect(onB.provider.wsconnected).toBe(true);
  });
});
