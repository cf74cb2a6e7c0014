/** A working-group member can hand a comment to any colleague of the document, not only to themselves. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const [DOC, OTHER] = SEED_IDS;
let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(() => t.close());

describe('assignees', () => {
  it('lists the document’s working group and the Secretariat to those who answer, and lets them assign a colleague', async () => {
    const ana = await t.person({ name: 'Ana Working', role: 'working-group' });
    const ben = await t.person({ name: 'Ben Working', role: 'working-group' });
    const elsewhere = await t.person({ name: 'Cleo Elsewhere', role: 'working-group' });
    await t.api('DELETE', `/api/documents/${DOC}/members/${elsewhere.person.id}`, { cookie: t.adminCookie });
    const participant = await t.person({ name: 'Dora Participant' });

    const list = await t.api('GET', `/api/documents/${DOC}/assignees`, { cookie: ana.cookie });
    expect(list.status).toBe(200);
    expect(list.body.map((a: { name: string }) => a.name)).toEqual(['Ana Working', 'Ben Working', 'Secretariat']);
    expect((await t.api('GET', `/api/documents/${OTHER}/assignees`, { cookie: elsewhere.cookie })).body.map((a: { name: string }) => a.name)).toContain('Cleo Elsewhere');
    expect((await t.api('GET', `/api/documents/${DOC}/assignees`, { cookie: participant.cookie })).status).toBe(403);
    expect((await t.api('GET', `/api/documents/${DOC}/assignees`, { cookie: elsewhere.cookie })).status).toBe(404);

    const sections = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections;
    const thread = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: sections[1].id, kind: 'general', body: 'Please look at this.' } });
    const assigned = await t.api('PATCH', `/api/threads/${thread.body.id}`, { cookie: ana.cookie, body: { assigneeId: ben.person.id } });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(ben.person.id);
    const refused = await t.api('PATCH', `/api/threads/${thread.body.id}`, { cookie: ana.cookie, body: { assigneeId: elsewhere.person.id } });
    expect(refused.status).toBe(400);
  });
});
