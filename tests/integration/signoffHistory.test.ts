/** A reviewer who changes their decision keeps the earlier one on the record, with its statement. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS, signIn, startTestServer, type TestServer } from '../helpers/testServer.ts';

const DOC = SEED_IDS[0];
let t: TestServer;

beforeEach(async () => {
  t = await startTestServer();
  await t.setPhase(DOC, 'final-review');
});
afterEach(() => t.close());

describe('sign-off history', () => {
  it('keeps each earlier decision, oldest first, when a reviewer changes theirs', async () => {
    const reviewer = await t.person({ role: 'reviewer', country: 'FR' });
    const first = await t.api('POST', `/api/documents/${DOC}/signoffs`, { cookie: reviewer.cookie, body: { decision: 'approve' } });
    expect(first.status).toBe(201);
    expect(first.body.history).toEqual([]);

    const second = await t.api('POST', `/api/documents/${DOC}/signoffs`, {
      cookie: reviewer.cookie,
      body: { decision: 'object', statement: 'Paragraph 4 contradicts our national law.' },
    });
    const third = await t.api('POST', `/api/documents/${DOC}/signoffs`, {
      cookie: reviewer.cookie,
      body: { decision: 'approve-with-reservations', statement: 'Acceptable with the footnote.' },
    });
    expect(third.status).toBe(201);

    const list = await t.api('GET', `/api/documents/${DOC}/signoffs`, { cookie: reviewer.cookie });
    expect(list.body).toHaveLength(1);
    const [signoff] = list.body;
    expect(signoff.decision).toBe('approve-with-reservations');
    expect(signoff.history).toEqual([
      { decision: 'approve', statement: null, at: first.body.updatedAt },
      { decision: 'object', statement: 'Paragraph 4 contradicts our national law.', at: second.body.updatedAt },
    ]);
  });

  it('keeps the history across a restart', async () => {
    const reviewer = await t.person({ role: 'reviewer' });
    await t.api('POST', `/api/documents/${DOC}/signoffs`, { cookie: reviewer.cookie, body: { decision: 'object', statement: 'No.' } });
    await t.api('POST', `/api/documents/${DOC}/signoffs`, { cookie: reviewer.cookie, body: { decision: 'approve' } });
    await t.restart();
    const cookie = await signIn(t.url, reviewer.token);
    const list = await t.api('GET', `/api/documents/${DOC}/signoffs`, { cookie });
    expect(list.body[0].history.map((h: { decision: string }) => h.decision)).toEqual(['object']);
  });
});
