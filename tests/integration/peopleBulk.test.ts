/**
 * Inviting a list of people: the preview's verdict on each row, creation of all or none, duplicates
 * in the list and against people already invited, memberships, e-mailed invitations, and who may.
 * Also: the Secretariat sees when each person first signed in and was last seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';
import type { BulkRow } from '../../shared/bulkInvite.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

let n = 0;
const row = (overrides: Partial<BulkRow> = {}): BulkRow => ({
  name: `Listed Person ${++n}`,
  email: `listed${n}@example.org`,
  country: 'FR',
  organisation: 'Ministère de la Santé',
  stakeholder: 'government',
  role: '',
  language: '',
  ...overrides,
});

const people = async () => (await t.api('GET', '/api/people', { cookie: t.adminCookie })).body as Array<{ id: string; email: string; name: string; role: string; country: string; stakeholder: string; language: string; lastSeenAt: string | null }>;

describe('the bulk invitation preview', () => {
  it('gives each bad row its reason and creates nothing', async () => {
    const existing = await t.person({ email: 'already@example.org', name: 'Ada Already' });
    const before = (await people()).length;
    const rows = [
      row({ name: 'Good One', email: 'good.one@example.org', country: 'be', stakeholder: 'Société civile', role: 'Groupe de travail', language: 'Français' }),
      row({ email: 'not an address' }),
      row({ email: 'Good.One@example.org' }),
      row({ email: existing.person.email.toUpperCase() }),
      row({ country: 'XX' }),
      row({ role: 'king' }),
      row({ stakeholder: '' }),
      row({ name: ' ', language: 'de' }),
      row({ country: 'Belgium' }),
    ];
    const res = await t.api('POST', '/api/people/bulk/preview', { cookie: t.adminCookie, body: { rows } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: 2, invalid: 7 });
    const reasons = res.body.rows.map((r: { problems: Array<{ field: string; message: string }> }) => r.problems.map((p) => `${p.field}: ${p.message}`).join(' | '));
    expect(reasons[0]).toBe('');
    expect(res.body.rows[0].person).toMatchObject({ name: 'Good One', country: 'BE', stakeholder: 'civil-society', role: 'working-group', language: 'fr' });
    expect(reasons[1]).toBe('email: “not an address” is not an e-mail address.');
    expect(reasons[2]).toBe('email: The same address is on row 1.');
    expect(reasons[3]).toBe('email: Ada Already already has an account with this address.');
    expect(reasons[4]).toMatch(/^country: “XX” is not a country code/);
    expect(reasons[5]).toMatch(/^role: “king” is not a role/);
    expect(reasons[6]).toMatch(/^stakeholder: The stakeholder group is missing/);
    expect(reasons[7]).toMatch(/^name: The name is missing\. \| language: “de” is not a language/);
    expect(reasons[8]).toBe('');
    expect(res.body.rows[8].person.country).toBe('BE');
    expect(res.body.rows.map((r: { row: number }) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await people()).length).toBe(before);
  });

  it('refuses a list over the limit and unknown fields with 400', async () => {
    const many = Array.from({ length: 501 }, (_, i) => row({ email: `many${i}@example.org` }));
    const tooMany = await t.api('POST', '/api/people/bulk/preview', { cookie: t.adminCookie, body: { rows: many } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/at most 500 people at once/);
    expect((await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [{ ...row(), tokenHash: 'x' }] } })).status).toBe(400);
    expect((await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [row()], admin: true } })).status).toBe(400);
  });
});

describe('creating the list', () => {
  it('creates none of the rows when one is bad, and says which', async () => {
    const before = (await people()).length;
    const res = await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [row(), row({ country: 'ZZ' }), row()] } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Row 2: “ZZ” is not a country code.*Nothing was created\.$/);
    expect((await people()).length).toBe(before);
    expect((await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [] } })).status).toBe(400);
  });

  it('creates every row in one go, each with a working sign-in link, in every open document by default', async () => {
    const rows = [row({ name: 'Lucía Gómez', role: 'reviewer', country: 'ES' }), row({ name: 'Jan de Vries', country: 'NL', stakeholder: 'other' })];
    const res = await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows, defaultRole: 'participant' } });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(0);
    expect(res.body.people.map((p: { person: { name: string; role: string } }) => [p.person.name, p.person.role])).toEqual([
      ['Lucía Gómez', 'reviewer'],
      ['Jan de Vries', 'participant'],
    ]);
    expect(res.body.people[0].person).toMatchObject({ firstSignInAt: null, lastSeenAt: null, active: true });
    const listed = await people();
    expect(listed.filter((p) => p.name === 'Lucía Gómez' || p.name === 'Jan de Vries')).toHaveLength(2);
    const cookie = await signIn(t.url, res.body.people[1].inviteUrl.split('/join/')[1]);
    const documents = (await t.api('GET', '/api/documents', { cookie })).body.map((d: { id: string; role: string }) => [d.id, d.role]);
    expect(documents).toEqual(expect.arrayContaining(SEED_IDS.map((id) => [id, 'participant'])));
    const audit = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body;
    expect(audit.filter((e: { action: string; detail: { name: string } }) => e.action === 'person.invite' && ['Lucía Gómez', 'Jan de Vries'].includes(e.detail.name))).toHaveLength(2);
  });

  it('adds them to one chosen document with the role chosen there, and e-mails their invitations', async () => {
    const rows = [row({ name: 'Only Here', role: 'participant' }), row({ name: 'Also Here' })];
    const res = await t.api('POST', '/api/people/bulk', {
      cookie: t.adminCookie,
      body: { rows, document: { id: SEED_IDS[1], role: 'reviewer' }, sendInvitation: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(2);
    const cookie = await signIn(t.url, res.body.people[0].inviteUrl.split('/join/')[1]);
    expect((await t.api('GET', '/api/documents', { cookie })).body.map((d: { id: string; role: string }) => [d.id, d.role])).toEqual([[SEED_IDS[1], 'reviewer']]);
    const outbox = (await t.api('GET', '/api/outbox', { cookie: t.adminCookie })).body.messages as Array<{ to: string; kind: string }>;
    for (const r of rows) expect(outbox.some((m) => m.to.includes(r.email) && m.kind === 'invitation')).toBe(true);
  });

  it('refuses an unknown document and creates nobody', async () => {
    const before = (await people()).length;
    const res = await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [row()], document: { id: 'no-such-document', role: 'participant' } } });
    expect(res.status).toBe(400);
    expect((await people()).length).toBe(before);
  });

  it('a second list with the same address is refused whole', async () => {
    const first = row();
    expect((await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [first] } })).status).toBe(201);
    const before = (await people()).length;
    const again = await t.api('POST', '/api/people/bulk', { cookie: t.adminCookie, body: { rows: [row(), { ...row(), email: first.email.toUpperCase() }] } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/^Row 2: .* already has an account with this address\./);
    expect((await people()).length).toBe(before);
  });

  it('is the Secretariat’s alone', async () => {
    for (const role of ['working-group', 'participant', 'reviewer'] as const) {
      const { cookie } = await t.person({ role });
      for (const route of ['/api/people/bulk', '/api/people/bulk/preview']) {
        const res = await t.api('POST', route, { cookie, body: { rows: [row()] } });
        expect(res.status, `${role} ${route}`).toBe(403);
      }
    }
    expect((await t.api('POST', '/api/people/bulk', { body: { rows: [row()] } })).status).toBe(401);
  });
});

describe('sign-in status', () => {
  it('records the first sign-in and when the person was last seen', async () => {
    const invited = await t.api('POST', '/api/people', { cookie: t.adminCookie, body: { name: 'Never Came', email: 'never@example.org', role: 'participant', country: 'DE', stakeholder: 'government' } });
    const came = await t.person({ name: 'Came Once' });
    const list = await people();
    const never = list.find((p) => p.id === invited.body.person.id)!;
    const once = list.find((p) => p.id === came.person.id)! as unknown as { firstSignInAt: string; lastSeenAt: string };
    expect(never).toMatchObject({ firstSignInAt: null, lastSeenAt: null });
    expect(Date.parse(once.firstSignInAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(once.lastSeenAt >= once.firstSignInAt).toBe(true);
    // Requests soon after do not write it again (at most every few minutes per person).
    await t.api('GET', '/api/documents', { cookie: came.cookie });
    const again = (await people()).find((p) => p.id === came.person.id)!;
    expect(again.lastSeenAt).toBe(once.lastSeenAt);
  });
});
