/**
 * A list of people confirmed after the people list changed (someone else invited one of them in the
 * meantime): the refusal is in the reader's language, whether the change is caught when the list is
 * judged again or only when it is written. Hono's own refusals are worded from the catalogue too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HTTPException } from 'hono/http-exception';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { fromHttpException } from '../../server/http/errors.ts';

const NBSP = '\u00a0';
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

const row = (n: number) => ({ name: `Personne ${n}`, email: `course${n}@example.fr`, country: 'FR', organisation: 'Ministère', stakeholder: 'government', role: '', language: '' });

describe('a list confirmed after the people list changed', () => {
  it('is refused in French for a French reader, naming the address', async () => {
    const secretariat = (await t.person({ role: 'secretariat', language: 'fr' })).cookie;
    const rows = [row(1), row(2)];
    // Two Secretariat members confirm the same list at once: one list is created, the other refused.
    const answers = await Promise.all([0, 1].map(() => t.api('POST', '/api/people/bulk', { cookie: secretariat, body: { rows } })));
    const refused = answers.find((a) => a.status !== 201)!;
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect([400, 409]).toContain(refused.status);
    // Caught when the list is judged again (400), or only when it is written (409).
    const judged = `Ligne 1${NBSP}: Personne 1 a déjà un compte avec cette adresse. 1 autre ligne pose aussi problème. Personne n’a été créé.`;
    const written = `course1@example.fr a déjà un compte. Personne n’a été créé${NBSP}; vérifiez de nouveau la liste.`;
    expect([judged, written]).toContain(refused.body.error.message);
    // The next confirmation is judged again and refused the same way.
    const again = await t.api('POST', '/api/people/bulk', { cookie: secretariat, body: { rows } });
    expect([again.status, again.body.error.message]).toEqual([400, judged]);
  });
});

describe('a refusal by the web framework itself', () => {
  it('is worded from the catalogue, not in Hono’s English', () => {
    const refusal = new HTTPException(405, { message: 'Method Not Allowed' });
    expect(fromHttpException(refusal, 'fr')).toMatchObject({ status: 405, code: 'http_error', message: 'Le serveur a refusé cette demande.' });
    expect(fromHttpException(refusal, 'en')).toMatchObject({ status: 405, code: 'http_error', message: 'The server refused this request.' });
  });
});
