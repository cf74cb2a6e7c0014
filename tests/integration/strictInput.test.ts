/**
 * Input that is not exactly what a route takes is refused with 400 and changes nothing: unknown fields
 * in any body or query, and deadlines in the past (issue 12, part 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC: string = SEED_IDS[1];
const SOME_ID = '00000000-0000-4000-8000-000000000000';
let t: TestServer;
/** A real thread: routes under /api/threads/:id answer 404 for an unknown one before reading the body. */
let threadId = '';
beforeAll(async () => {
  t = await startTestServer();
  const detail = await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie });
  const opened = await t.api('POST', `/api/documents/${DOC}/threads`, {
    cookie: t.adminCookie,
    body: { sectionId: detail.body.sections[1].id, anchor: null, kind: 'general', body: 'A comment to refuse changes to.' },
  });
  threadId = opened.body.id;
});
afterAll(() => t.close());

const documentNow = async () => (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body as { phase: string; deadline: string | null };

describe('deadlines', () => {
  it.each([
    ['year 0', '0000-01-01T00:00:00Z'],
    ['1970', '1970-01-01T00:00:00.000Z'],
    ['a minute ago', new Date(Date.now() - 60_000).toISOString()],
  ])('refuses a deadline in the past (%s), moving neither phase nor deadline', async (_what, deadline) => {
    const before = await documentNow();
    for (const phase of ['revision', before.phase]) {
      const res = await t.api('POST', `/api/documents/${DOC}/phase`, { cookie: t.adminCookie, body: { phase, deadline } });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', message: 'deadline: deadline must be in the future' });
    }
    expect(await documentNow()).toEqual(before);
  });

  it('takes a deadline in the future, and none at all', async () => {
    expect((await t.api('POST', `/api/documents/${DOC}/phase`, { cookie: t.adminCookie, body: { phase: 'consultation', deadline: '2999-12-31T23:59:59Z' } })).status).toBe(200);
    expect(await documentNow()).toMatchObject({ deadline: '2999-12-31T23:59:59.000Z' });
    expect((await t.api('POST', `/api/documents/${DOC}/phase`, { cookie: t.adminCookie, body: { phase: 'consultation', deadline: null } })).status).toBe(200);
    expect(await documentNow()).toMatchObject({ deadline: null });
  });
});

describe('unknown fields', () => {
  const person = { name: 'Extra Field', email: 'extra@example.org', role: 'participant', country: 'DE', stakeholder: 'government' };
  it.each([
    ['POST', '/api/session', { token: ADMIN_TOKEN }],
    ['POST', '/api/people', person],
    ['PATCH', `/api/people/${SOME_ID}`, { name: 'New name' }],
    ['POST', `/api/documents/${DOC}/phase`, { phase: 'revision' }],
    ['POST', `/api/documents/${DOC}/threads`, { sectionId: 's', kind: 'general', body: 'A comment.' }],
    ['POST', '/api/threads/:thread/replies', { body: 'A reply.' }],
    ['PATCH', '/api/threads/:thread', { status: 'noted', response: 'Noted.' }],
    ['POST', '/api/threads/:thread/apply', {}],
    ['POST', '/api/threads/:thread/reaction', { reaction: 'accepts' }],
    ['POST', `/api/documents/${DOC}/dispositions`, { threadIds: [SOME_ID], status: 'noted', response: 'Noted.' }],
    ['POST', `/api/documents/${DOC}/versions`, { name: 'A version' }],
    ['POST', `/api/documents/${DOC}/signoffs`, { decision: 'approve' }],
  ] as const)('%s %s refuses a body with a field it does not take', async (method, route, body) => {
    const res = await t.api(method, route.replace(':thread', threadId), { cookie: t.adminCookie, body: { ...body, unexpected: true } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });

  it('changes nothing when a phase change or an invitation carries an unknown field', async () => {
    const before = await documentNow();
    const people = (await t.api('GET', '/api/people', { cookie: t.adminCookie })).body.length;
    expect((await t.api('POST', `/api/documents/${DOC}/phase`, { cookie: t.adminCookie, body: { phase: 'revision', adoptedBy: 'me' } })).status).toBe(400);
    expect((await t.api('POST', '/api/people', { cookie: t.adminCookie, body: { ...person, tokenHash: 'x' } })).status).toBe(400);
    expect(await documentNow()).toEqual(before);
    expect((await t.api('GET', '/api/people', { cookie: t.adminCookie })).body).toHaveLength(people);
  });

  it.each([
    ['/api/audit?format=json&surprise=1'],
    [`/api/documents/${DOC}/compare?from=current&to=current&surprise=1`],
    [`/api/documents/${DOC}/versions/${SOME_ID}?format=md&surprise=1`],
    [`/api/documents/${DOC}/report?surprise=1`],
  ])('GET %s refuses a query parameter it does not take', async (route) => {
    const res = await t.api('GET', route, { cookie: t.adminCookie });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
  });
});
