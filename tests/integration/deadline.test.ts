/** Moving a running consultation's deadline: the current phase sent with a new deadline. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.close();
});

const move = (deadline: unknown, cookie = t.adminCookie) => t.api('POST', `/api/documents/${DOC}/phase`, { cookie, body: { phase: 'consultation', deadline } });

it('moves the deadline without a phase change, a new version or a phase audit row', async () => {
  const versionsBefore = (await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body.length;
  const res = await move('2031-06-30T23:59:00+02:00');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ id: DOC, phase: 'consultation', deadline: '2031-06-30T21:59:00.000Z' });
  expect((await move('2031-07-15T12:00:00Z')).body.deadline).toBe('2031-07-15T12:00:00.000Z');
  expect((await t.api('GET', `/api/documents/${DOC}/versions`, { cookie: t.adminCookie })).body.length).toBe(versionsBefore);
  const audit = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body;
  const entries: Array<{ action: string; detail: Record<string, unknown> }> = Array.isArray(audit) ? audit : audit.events;
  expect(entries.filter((e) => e.action === 'document.phase')).toEqual([]);
  expect(entries.filter((e) => e.action === 'document.deadline').map((e) => e.detail)).toEqual([
    { phase: 'consultation', from: '2031-06-30T21:59:00.000Z', to: '2031-07-15T12:00:00.000Z' },
    { phase: 'consultation', from: null, to: '2031-06-30T21:59:00.000Z' },
  ]);
});

it('refuses a deadline in the past, changing nothing, and anyone but the Secretariat', async () => {
  await move('2031-06-30T12:00:00Z');
  const past = await move(new Date(Date.now() - 60_000).toISOString());
  expect(past.status).toBe(400);
  expect(past.body.error.message).toMatch(/future/);
  const wg = await t.person({ role: 'working-group' });
  expect((await move('2032-01-01T00:00:00Z', wg.cookie)).status).toBe(403);
  expect((await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body).toMatchObject({ phase: 'consultation', deadline: '2031-06-30T12:00:00.000Z' });
});

it('reopens a consultation whose deadline had passed when it is moved to a later day', async () => {
  const participant = await t.person();
  const sectionId = (await t.api('GET', `/api/documents/${DOC}`, { cookie: participant.cookie })).body.sections[0].id;
  const post = () => t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId, kind: 'general', body: 'Late.' } });
  await t.server.services.records.documents.update(DOC, { deadline: new Date(Date.now() - 1000).toISOString() });
  expect((await post()).status).toBe(403);
  expect((await move('2031-01-01T00:00:00Z')).status).toBe(200);
  expect((await post()).status).toBe(201);
});
