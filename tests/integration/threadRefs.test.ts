/** Permanent comment references, and comments the Secretariat enters for their author (received by e-mail). */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_IDS, onPostgres, startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function firstSection(server: TestServer, cookie = server.adminCookie): Promise<string> {
  const sections = (await server.api('GET', `/api/documents/${DOC}`, { cookie })).body.sections as Array<{ id: string; number: string }>;
  return sections.find((s) => s.number === '1')!.id;
}

const post = (server: TestServer, cookie: string, body: Record<string, unknown>) => server.api('POST', `/api/documents/${DOC}/threads`, { cookie, body });

describe('comment references', () => {
  it('numbers each country on its own, the Secretariat as SEC, and never reuses a withdrawn number', async () => {
    t = await startTestServer();
    const sectionId = await firstSection(t);
    const de = await t.person({ country: 'DE' });
    const fr = await t.person({ country: 'fr' });
    const comment = { sectionId, kind: 'general', body: 'A comment.' };
    expect((await post(t, de.cookie, comment)).body.ref).toBe('DE-001');
    expect((await post(t, fr.cookie, comment)).body.ref).toBe('FR-001');
    const second = (await post(t, de.cookie, comment)).body;
    expect(second.ref).toBe('DE-002');
    expect(second.link).toBe(`/documents/${DOC}?thread=DE-002`);
    expect((await post(t, t.adminCookie, comment)).body.ref).toBe('SEC-001');

    expect((await t.api('DELETE', `/api/threads/${second.id}`, { cookie: de.cookie })).status).toBe(204);
    expect((await post(t, de.cookie, comment)).body.ref).toBe('DE-003');
    // And after a restart, from the stored counter.
    await t.restart();
    const cookie = (await t.person({ country: 'DE' })).cookie;
    expect((await post(t, cookie, comment)).body.ref).toBe('DE-004');
    const refs = (await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body.map((th: { ref: string }) => th.ref).toSorted();
    expect(refs).toEqual(['DE-001', 'DE-003', 'DE-004', 'FR-001', 'SEC-001']);
  });

  it('gives 50 comments posted at once 50 different references', async () => {
    t = await startTestServer();
    const server = t;
    const sectionId = await firstSection(server);
    const { cookie } = await server.person({ country: 'JO' });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post(server, cookie, { sectionId, kind: 'general', body: `Comment ${i}` })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const expected = Array.from({ length: 50 }, (_, i) => `JO-${String(i + 1).padStart(3, '0')}`);
    expect(results.map((r) => r.body.ref).toSorted()).toEqual(expected);
  });

  // Rewrites lowdb's thread file as the previous release wrote it.
  it.skipIf(onPostgres())('gives comments stored before references existed one, once, by creation time', async () => {
    const dataDir = tempDataDir();
    t = await startTestServer({ dataDir });
    const sectionId = await firstSection(t);
    const de = await t.person({ country: 'DE' });
    const comment = { sectionId, kind: 'general', body: 'A comment.' };
    for (let i = 0; i < 3; i++) expect((await post(t, de.cookie, comment)).status).toBe(201);
    await t.server.close();
    // Rewrite the file as the previous release stored it: no refs, no counters; creation times shuffled.
    const file = path.join(dataDir, 'threads', `${DOC}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const times = ['2025-03-02T10:00:00.000Z', '2025-03-01T10:00:00.000Z', '2025-03-03T10:00:00.000Z'];
    stored.threads.forEach((thread: Record<string, unknown>, i: number) => {
      delete thread.ref;
      thread.createdAt = times[i];
      thread.body = `created ${times[i]}`;
    });
    delete stored.refCounters;
    writeFileSync(file, JSON.stringify(stored));

    await t.restart();
    const byBody = async () =>
      Object.fromEntries((await t!.api('GET', `/api/documents/${DOC}/threads`, { cookie: t!.adminCookie })).body.map((th: { body: string; ref: string }) => [th.body, th.ref]));
    const given = {
      'created 2025-03-01T10:00:00.000Z': 'DE-001',
      'created 2025-03-02T10:00:00.000Z': 'DE-002',
      'created 2025-03-03T10:00:00.000Z': 'DE-003',
    };
    expect(await byBody()).toEqual(given);
    expect(JSON.parse(readFileSync(file, 'utf8')).threads.map((th: { ref: string }) => th.ref)).toEqual(['DE-002', 'DE-001', 'DE-003']);
    await t.restart();
    expect(await byBody()).toEqual(given);
    expect((await post(t, de.cookie, comment)).body.ref).toBe('DE-004');
  });
});

describe('comments received by e-mail', () => {
  it('lets the Secretariat enter a comment for a person, who is its author, with who entered it and when it came', async () => {
    t = await startTestServer();
    const sectionId = await firstSection(t);
    const sender = await t.person({ name: 'Amal Haddad', country: 'JO', organisation: 'Ministry of Health', stakeholder: 'government' });
    const res = await post(t, t.adminCookie, { sectionId, kind: 'technical', body: 'Sent by e-mail.', onBehalfOf: sender.person.id, receivedAt: '2025-05-04T09:30:00+02:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ref: 'JO-001',
      author: { id: sender.person.id, name: 'Amal Haddad', country: 'JO', organisation: 'Ministry of Health', stakeholder: 'government' },
      received: { at: '2025-05-04T07:30:00.000Z', enteredBy: 'Secretariat' },
    });
    // The author owns it: they may reword it.
    const edit = await t.api('PATCH', `/api/threads/${res.body.id}`, { cookie: sender.cookie, body: { body: 'Reworded.' } });
    expect(edit.status).toBe(200);
    const audit = (await t.api('GET', '/api/audit', { cookie: t.adminCookie })).body;
    const entries = Array.isArray(audit) ? audit : audit.events;
    expect(entries.find((e: { action: string }) => e.action === 'thread.enter')).toMatchObject({ target: res.body.id, detail: { ref: 'JO-001', authorName: 'Amal Haddad' } });
  });

  it('refuses onBehalfOf from anyone but the Secretariat, for an unknown person, or with a future date, storing nothing', async () => {
    t = await startTestServer();
    const sectionId = await firstSection(t);
    const wg = await t.person({ role: 'working-group' });
    const participant = await t.person();
    const comment = { sectionId, kind: 'general', body: 'By e-mail.' };
    expect((await post(t, wg.cookie, { ...comment, onBehalfOf: participant.person.id })).status).toBe(403);
    expect((await post(t, participant.cookie, { ...comment, onBehalfOf: participant.person.id })).status).toBe(403);
    const unknown = await post(t, t.adminCookie, { ...comment, onBehalfOf: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/onBehalfOf/);
    expect((await post(t, t.adminCookie, { ...comment, onBehalfOf: 'not-an-id' })).status).toBe(400);
    // Only for a member of the document: someone invited to another document only is refused.
    const elsewhere = await t.person({ name: 'Not On This Text' });
    await t.api('DELETE', `/api/documents/${DOC}/members/${elsewhere.person.id}`, { cookie: t.adminCookie });
    const outsider = await post(t, t.adminCookie, { ...comment, onBehalfOf: elsewhere.person.id });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toBe('onBehalfOf: that person does not take part in this document');
    expect((await post(t, t.adminCookie, { ...comment, onBehalfOf: participant.person.id, receivedAt: '2999-01-01T00:00:00Z' })).status).toBe(400);
    expect((await post(t, t.adminCookie, { ...comment, receivedAt: '2025-01-01T00:00:00Z' })).status).toBe(400);
    expect((await t.api('GET', `/api/documents/${DOC}/threads`, { cookie: t.adminCookie })).body).toEqual([]);
    // The phase rules hold for the Secretariat: nothing is taken once adopted.
    await t.setPhase(DOC, 'adopted');
    expect((await post(t, t.adminCookie, { ...comment, onBehalfOf: participant.person.id })).status).toBe(403);
  });
});
