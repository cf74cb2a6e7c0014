import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('health and sessions', () => {
  it('answers health without a session', async () => {
    expect(await t.api('GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('signs in with a token, reads the session, signs out', async () => {
    const res = await t.api('POST', '/api/session', { body: { token: ADMIN_TOKEN } });
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ role: 'secretariat' });
    expect(res.body.person).not.toHaveProperty('tokenHash');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];
    expect((await t.api('GET', '/api/session', { cookie })).status).toBe(200);
    expect((await t.api('DELETE', '/api/session', { cookie })).status).toBe(204);
    expect((await t.api('GET', '/api/session', { cookie })).status).toBe(401);
  });

  it('refuses a wrong token with 401 and a clear error', async () => {
    const res = await t.api('POST', '/api/session', { body: { token: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'invalid_token' });
  });

  it('GET /join/:token opened directly (from a mail program, typed, bookmarked) signs in and redirects to /', async () => {
    for (const headers of [{}, { 'sec-fetch-site': 'none' }, { 'sec-fetch-site': 'same-origin' }] as Array<Record<string, string>>) {
      const res = await t.api('GET', `/join/${ADMIN_TOKEN}`, { headers });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/');
      expect(res.headers.get('set-cookie')).toMatch(/accord_session=.+HttpOnly/i);
    }
    expect((await t.api('GET', '/join/not-a-token')).status).toBe(401);
  });

  it('GET /join/:token sent from another site shows a same-origin button that signs in; the link alone signs nobody in', async () => {
    for (const from of ['same-site', 'cross-site']) {
      const refused = await t.api('GET', `/join/${ADMIN_TOKEN}`, { headers: { 'sec-fetch-site': from } });
      expect(refused.status).toBe(200);
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    const page = await t.api('GET', `/join/${ADMIN_TOKEN}`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(page.body).toMatch(/<form method="post"><button type="submit"[^>]*>Sign in<\/button><\/form>/);
    expect(page.body).not.toMatch(/<script/i);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    // The button: a same-origin POST to the same address.
    const res = await t.api('POST', `/join/${ADMIN_TOKEN}`, { headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toMatch(/accord_session=.+HttpOnly/i);
    expect((await t.api('POST', '/join/not-a-token')).status).toBe(401);
  });

  it('refuses a sign-in posted from another site (login CSRF), setting no cookie', async () => {
    const attempts: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of attempts) {
      const join = await t.api('POST', `/join/${ADMIN_TOKEN}`, { headers });
      expect(join.status).toBe(403);
      expect(join.headers.get('set-cookie')).toBeNull();
      const api = await t.api('POST', '/api/session', { body: { token: ADMIN_TOKEN }, headers });
      expect(api.status).toBe(403);
      expect(api.headers.get('set-cookie')).toBeNull();
    }
  });

  it('needs a session on every other /api route', async () => {
    for (const [method, route] of [
      ['GET', '/api/session'],
      ['GET', '/api/documents'],
      ['GET', `/api/documents/${SEED_IDS[0]}`],
      ['POST', `/api/documents/${SEED_IDS[0]}/phase`],
      ['GET', '/api/people'],
      ['POST', '/api/people'],
    ] as const) {
      const res = await t.api(method, route, { body: method === 'POST' ? {} : undefined });
      expect(res.status, `${method} ${route}`).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });
});

describe('people', () => {
  it('lets the Secretariat invite a person, whose link signs them in', async () => {
    const res = await t.api('POST', '/api/people', {
      cookie: t.adminCookie,
      body: { name: 'Ana Pereira', email: 'ana@example.org', role: 'participant', country: 'pt', organisation: 'Rede', stakeholder: 'civil-society' },
    });
    expect(res.status).toBe(201);
    expect(res.body.person).toMatchObject({ name: 'Ana Pereira', country: 'PT', role: 'participant' });
    expect(res.body.inviteToken.length).toBeGreaterThanOrEqual(43);
    expect(res.body.inviteUrl).toMatch(new RegExp(`/join/${res.body.inviteToken}$`));
    const list = await t.api('GET', '/api/people', { cookie: t.adminCookie });
    expect(list.body.map((p: { email: string }) => p.email)).toContain('ana@example.org');
  });

  it('refuses invitations from other roles with 403', async () => {
    const { cookie } = await t.person({ role: 'working-group' });
    const res = await t.api('POST', '/api/people', { cookie, body: { name: 'X', email: 'x@example.org', role: 'participant', country: 'DE', stakeholder: 'government' } });
    expect(res.status).toBe(403);
    expect((await t.api('GET', '/api/people', { cookie })).status).toBe(403);
  });

  it('answers bad input with 400 and stores nothing', async () => {
    const before = (await t.api('GET', '/api/people', { cookie: t.adminCookie })).body.length;
    for (const body of [
      { name: '', email: 'a@example.org', role: 'participant', country: 'DE', stakeholder: 'government' },
      { name: 'A', email: 'not-an-email', role: 'participant', country: 'DE', stakeholder: 'government' },
      { name: 'A', email: 'a@example.org', role: 'emperor', country: 'DE', stakeholder: 'government' },
      { name: 'A', email: 'a@example.org', role: 'participant', country: 'Germany', stakeholder: 'government' },
      '{"name": ',
      [],
    ]) {
      const res = await t.api('POST', '/api/people', { cookie: t.adminCookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.body.error.message).toBe('string');
    }
    expect((await t.api('GET', '/api/people', { cookie: t.adminCookie })).body.length).toBe(before);
  });
});

describe('documents', () => {
  it('lists the seed drafts in consultation', async () => {
    const res = await t.api('GET', '/api/documents', { cookie: t.adminCookie });
    expect(res.status).toBe(200);
    expect(res.body.map((d: { id: string }) => d.id).toSorted()).toEqual([...SEED_IDS]);
    for (const d of res.body) expect(d).toEqual({ id: d.id, title: expect.any(String), phase: 'consultation', deadline: null, reference: '', role: 'secretariat', comments: 0, unanswered: 0 });
  });

  it('gives a document with its numbered sections in order', async () => {
    const res = await t.api('GET', `/api/documents/${SEED_IDS[1]}`, { cookie: t.adminCookie });
    expect(res.status).toBe(200);
    const numbers = res.body.sections.map((s: { number: string }) => s.number);
    // The seeded draft has an introduction before its first heading: section "0".
    expect(numbers.slice(0, 4)).toEqual(['0', '1', '1.1', '1.2']);
    expect(res.body.sections.filter((s: { level: number }) => s.level === 1).length).toBeGreaterThanOrEqual(8);
    for (const s of res.body.sections) expect(Object.keys(s).toSorted()).toEqual(['id', 'level', 'number', 'title']);
  });

  it('answers 404 for an unknown document and 400 for an id that is not one', async () => {
    expect((await t.api('GET', '/api/documents/no-such-doc', { cookie: t.adminCookie })).status).toBe(404);
    expect((await t.api('GET', '/api/documents/..%2F..%2Fetc', { cookie: t.adminCookie })).status).toBe(400);
  });

  it('lets the Secretariat change the phase and deadline, and nobody else', async () => {
    const deadline = '2030-01-31T17:00:00+01:00';
    const res = await t.api('POST', `/api/documents/${SEED_IDS[1]}/phase`, { cookie: t.adminCookie, body: { phase: 'drafting', deadline } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phase: 'drafting', deadline: '2030-01-31T16:00:00.000Z' });
    const { cookie } = await t.person({ role: 'working-group' });
    expect((await t.api('POST', `/api/documents/${SEED_IDS[1]}/phase`, { cookie, body: { phase: 'adopted' } })).status).toBe(403);
    expect((await t.api('POST', `/api/documents/${SEED_IDS[1]}/phase`, { cookie: t.adminCookie, body: { phase: 'done' } })).status).toBe(400);
    expect((await t.api('POST', `/api/documents/${SEED_IDS[1]}/phase`, { cookie: t.adminCookie, body: { phase: 'revision', deadline: 'tomorrow' } })).status).toBe(400);
    await t.setPhase(SEED_IDS[1], 'consultation', null);
  });

  it('reports the caller\'s access to the text', async () => {
    const { cookie } = await t.person({ role: 'participant' });
    const res = await t.api('GET', `/api/documents/${SEED_IDS[0]}`, { cookie });
    expect(res.body.access).toEqual({ edit: false, reason: 'access.commentInConsultation' });
  });
});

describe('web hardening', () => {
  it('refuses cookie-authenticated writes from another origin', async () => {
    const res = await t.api('POST', '/api/people', {
      cookie: t.adminCookie,
      headers: { origin: 'https://evil.example' },
      body: { name: 'Eve', email: 'eve@example.org', role: 'secretariat', country: 'DE', stakeholder: 'other' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('foreign_origin');
  });

  it('sends a Content-Security-Policy that allows no inline script', async () => {
    const res = await fetch(`${t.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.api('GET', '/api/nothing-here', { cookie: t.adminCookie });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await t.api('POST', '/api/session', { body: { token: 'x'.repeat(400_000) } });
    expect(res.status).toBe(413);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After to wrong tokens once an address has used its failed attempts, and still lets valid tokens in', async () => {
    const limited = await startTestServer({ config: { signInLimitPerMinute: 10 } });
    try {
      // Successful sign-ins never count: a whole seminar may sign in from one address.
      for (let i = 0; i < 15; i++) expect((await limited.api('POST', '/api/session', { body: { token: ADMIN_TOKEN } })).status).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await limited.api('POST', '/api/session', { body: { token: `wrong-${i}` } })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401]);
      const wrong = await limited.api('POST', '/api/session', { body: { token: 'wrong-again' } });
      expect(wrong.status).toBe(429);
      expect(Number(wrong.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(wrong.body.error.code).toBe('too_many_requests');
      expect((await limited.api('POST', '/join/wrong-link')).status).toBe(429);
      // The guesser behind the same address locks nobody else out.
      expect((await limited.api('POST', '/api/session', { body: { token: ADMIN_TOKEN } })).status).toBe(200);
      expect((await limited.api('POST', `/join/${ADMIN_TOKEN}`)).status).toBe(303);
    } finally {
      await limited.close();
    }
  });
});
