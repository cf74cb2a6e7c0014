/** People management and the audit log. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('people', () => {
  it('changes a person\'s details and role', async () => {
    const { person } = await t.person({ role: 'participant' });
    const res = await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { role: 'reviewer', organisation: 'Ministry of Health' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'reviewer', organisation: 'Ministry of Health', active: true });
  });

  it('deactivating a person ends their sessions at once, and their link stops working', async () => {
    const { person, cookie, token } = await t.person({ role: 'participant' });
    expect((await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { active: false } })).status).toBe(200);
    expect((await t.api('GET', '/api/documents', { cookie })).status).toBe(401);
    expect((await t.api('POST', '/api/session', { body: { token } })).status).toBe(401);
    expect((await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { active: true } })).status).toBe(200);
    expect(await signIn(t.url, token)).toMatch(/^accord_session=/);
  });

  it('a renewed invitation link replaces the old one', async () => {
    const { person, token } = await t.person({ role: 'working-group' });
    const res = await t.api('POST', `/api/people/${person.id}/invitation`, { cookie: t.adminCookie });
    expect(res.status).toBe(200);
    expect(res.body.inviteToken).not.toBe(token);
    expect((await t.api('POST', '/api/session', { body: { token } })).status).toBe(401);
    expect(await signIn(t.url, res.body.inviteToken)).toMatch(/^accord_session=/);
  });

  it('refuses a second account for the same email address', async () => {
    const { person } = await t.person({ role: 'participant', email: 'twice@example.org' });
    const again = await t.api('POST', '/api/people', { cookie: t.adminCookie, body: { name: 'Twice', email: 'TWICE@example.org', role: 'participant', country: 'DE', stakeholder: 'government' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    const other = await t.person({ role: 'participant' });
    expect((await t.api('PATCH', `/api/people/${other.person.id}`, { cookie: t.adminCookie, body: { email: 'twice@example.org' } })).status).toBe(409);
    expect((await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { email: 'twice@example.org' } })).status).toBe(200);
  });

  it('does not let the Secretariat lock itself out', async () => {
    const me = (await t.api('GET', '/api/session', { cookie: t.adminCookie })).body.person;
    const res = await t.api('PATCH', `/api/people/${me.id}`, { cookie: t.adminCookie, body: { active: false } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('own_account');
    expect((await t.api('GET', '/api/session', { cookie: t.adminCookie })).status).toBe(200);
  });

  it('answers bad changes with 400 or 404 and changes nothing', async () => {
    const { person } = await t.person({ role: 'participant', organisation: 'Before' });
    for (const body of [{}, { role: 'king' }, { active: 'no' }, { tokenHash: 'x' }, { email: 'nope' }, { country: 'XX' }, { name: ' ' }]) {
      expect((await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.api('PATCH', '/api/people/not-a-uuid', { cookie: t.adminCookie, body: { name: 'X' } })).status).toBe(400);
    expect((await t.api('PATCH', '/api/people/00000000-0000-4000-8000-000000000000', { cookie: t.adminCookie, body: { name: 'X' } })).status).toBe(404);
    const list = (await t.api('GET', '/api/people', { cookie: t.adminCookie })).body;
    expect(list.find((p: { id: string }) => p.id === person.id)).toMatchObject({ organisation: 'Before', role: 'participant' });
  });
});

describe('the audit log', () => {
  it('records sign-ins, invitations, changes and phase changes, newest first', async () => {
    const { person } = await t.person({ role: 'participant', name: 'Audited Person' });
    await t.api('PATCH', `/api/people/${person.id}`, { cookie: t.adminCookie, body: { active: false } });
    await t.setPhase('reducing-drug-related-stigma', 'revision');
    const res = await t.api('GET', '/api/audit', { cookie: t.adminCookie });
    expect(res.status).toBe(200);
    const actions = res.body.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('document.phase');
    expect(actions).toEqual(expect.arrayContaining(['session.sign-in', 'person.invite', 'person.deactivate', 'document.phase']));
    expect(res.body[0]).toMatchObject({ actorName: 'Secretariat', target: 'reducing-drug-related-stigma', detail: { to: 'revision' } });
  });

  it('downloads as CSV with a BOM', async () => {
    const res = await fetch(`${t.url}/api/audit?format=csv`, { headers: { cookie: t.adminCookie } });
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('at,actor,actor_id,action,target,detail');
  });

  it('survives a restart', async () => {
    const before = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body.length;
    await t.restart();
    const cookie = await signIn(t.url, (await import('../helpers/testServer.ts')).ADMIN_TOKEN);
    const after = (await t.api('GET', '/api/audit', { cookie })).body;
    expect(after.length).toBe(before + 1);
  });
});
