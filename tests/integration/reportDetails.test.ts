/** The report's title page carries the document's details: reference, working group, description. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC = SEED_IDS[1];
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  const res = await t.api('PATCH', `/api/documents/${DOC}`, {
    cookie: t.adminCookie,
    body: { reference: 'P-PG/Training (2021) 2', workingGroup: 'Working group on stigma', description: 'Guidelines reviewed at the Module II seminar.' },
  });
  if (res.status !== 200) throw new Error(`details not saved: ${res.status} ${JSON.stringify(res.body)}`);
});
afterAll(() => t.close());

describe('report details', () => {
  it('gives the details in the JSON report and under the Markdown title', async () => {
    const json = await t.api('GET', `/api/documents/${DOC}/report`, { cookie: t.adminCookie });
    expect(json.body.document).toMatchObject({
      reference: 'P-PG/Training (2021) 2',
      workingGroup: 'Working group on stigma',
      description: 'Guidelines reviewed at the Module II seminar.',
    });
    const md = await t.api('GET', `/api/documents/${DOC}/report?format=md`, { cookie: t.adminCookie });
    expect(md.status).toBe(200);
    expect(md.body).toContain('- Reference: P-PG/Training (2021) 2\n- Working group: Working group on stigma\n- Guidelines reviewed at the Module II seminar.\n- Phase: Consultation');
  });
});
