/** A person's language: chosen by the Secretariat, else by their browser at the first sign-in, then by them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const invite = async (email: string, language?: 'en' | 'fr') => {
  const body = { name: 'Invitee', email, role: 'participant', country: 'BE', stakeholder: 'government', ...(language ? { language } : {}) };
  const res = await t.api('POST', '/api/people', { cookie: t.adminCookie, body });
  expect(res.status).toBe(201);
  return res.body as { person: { id: string; language: string }; inviteToken: string };
};

const signInWith = (token: string, acceptLanguage: string) => t.api('POST', '/api/session', { body: { token }, headers: { 'accept-language': acceptLanguage } });

describe('a person’s language', () => {
  it('is taken from the browser at the first sign-in when the invitation gave none', async () => {
    const { inviteToken } = await invite('first@example.be');
    const first = await signInWith(inviteToken, 'fr-BE,fr;q=0.9,nl;q=0.8');
    expect(first.status).toBe(200);
    expect(first.body.person.language).toBe('fr');
    // A later sign-in from an English browser keeps it: only the person changes it now.
    expect((await signInWith(inviteToken, 'en-GB')).body.person.language).toBe('fr');
  });

  it('stays as the Secretariat chose it', async () => {
    const { inviteToken } = await invite('chosen@example.be', 'en');
    expect((await signInWith(inviteToken, 'fr-FR')).body.person.language).toBe('en');
  });

  it('is English for a browser that speaks neither language', async () => {
    const { inviteToken } = await invite('neither@example.be');
    expect((await signInWith(inviteToken, 'ka-GE,ru;q=0.8')).body.person.language).toBe('en');
  });
});

describe('refusals in the reader’s language', () => {
  it('answers in the browser’s language before sign-in, and keeps the codes', async () => {
    const fr = await t.api('GET', '/api/documents', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    expect(fr.status).toBe(401);
    expect(fr.body.error).toEqual({ code: 'unauthenticated', message: 'Connectez-vous pour continuer.' });
    const en = await t.api('GET', '/api/documents', { headers: { 'accept-language': 'en-GB' } });
    expect(en.body.error).toEqual({ code: 'unauthenticated', message: 'Sign in to continue.' });
  });

  it('answers a signed-in person in their own language, naming the field as the request did', async () => {
    const { cookie } = await t.person({ language: 'fr', email: 'refus@example.be' });
    const bad = await t.api('PATCH', '/api/session', { cookie, body: { language: 'de' }, headers: { 'accept-language': 'en' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_input');
    expect(bad.body.error.message).toMatch(/^language\u00a0: .*(invalide|attendu)/i);
    const missing = await t.api('GET', '/api/documents/no-such-document', { cookie });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Il n’y a rien ici, ou rien à quoi vous preniez part.');
  });
});
