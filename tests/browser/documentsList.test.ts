/**
 * The documents list when several consultations run at once: each document with the reader's role
 * on it and its comments, searchable by title or reference and narrowed by phase.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';
import { comment } from './threadFixtures.ts';

const suite = browserSuite();

describe('documents list', () => {
  it('shows role and comments, and finds documents by title, reference and phase', async () => {
    const t = suite.server;
    // Invited before the new document exists: they take part in the two seeded ones only.
    const participant = await t.person({ name: 'Ines Duarte', country: 'PT' });
    const created = await t.api('POST', '/api/documents', { cookie: t.adminCookie, body: { title: 'Guidelines on stigma, second edition' } });
    expect(created.status).toBe(201);
    const patched = await t.api('PATCH', `/api/documents/${created.body.id}`, { cookie: t.adminCookie, body: { reference: 'P-PG/Training (2027) 1' } });
    expect(patched.status).toBe(200);
    await comment(t, SEED_IDS[0], [
      { cookie: participant.cookie, paragraph: 1, body: 'First remark.' },
      { cookie: participant.cookie, paragraph: 2, body: 'Second remark.' },
    ]);

    const admin = await suite.track(secretariatContext(suite.browser, t));
    const page = await admin.newPage();
    await page.goto(`${t.url}/`);
    const rows = page.getByTestId('document-row');
    await expect.poll(() => rows.count()).toBe(3);
    const seeded = rows.filter({ hasText: 'civil-society' });
    expect(await seeded.getByTestId('document-comments').textContent()).toBe('2 comments, 2 not yet answered');
    expect(await seeded.locator('td').nth(2).textContent()).toBe('Secretariat');

    await page.getByLabel('Search').fill('STIGMA');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('documents-shown').getByText('2 of 3 documents').waitFor();
    await page.getByLabel('Search').fill('2027');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Phase').selectOption('drafting');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('th a').first().textContent()).toBe('Guidelines on stigma, second edition');

    // A participant sees only their documents, with their role on each.
    const reader = await suite.track(signedInContext(suite.browser, t.url, participant.token));
    const own = await reader.newPage();
    await own.goto(`${t.url}/`);
    const theirs = own.getByTestId('document-row');
    await expect.poll(() => theirs.count()).toBe(2);
    expect(await theirs.first().locator('td').nth(2).textContent()).toBe('Participant');
  });

  it('says the number of comments and of those not yet answered as one phrase of the reader’s language', async () => {
    const t = suite.server;
    const author = await t.person({ name: 'Ines Duarte', country: 'PT' });
    const [first] = await comment(t, SEED_IDS[0], [
      { cookie: author.cookie, paragraph: 1, body: 'First remark.' },
      { cookie: author.cookie, paragraph: 2, body: 'Second remark.' },
    ]);
    const french = await t.person({ name: 'Claire Martin', role: 'working-group', language: 'fr' });
    const page = await (await suite.track(signedInContext(suite.browser, t.url, french.token))).newPage();
    const cell = () => page.getByTestId('document-row').filter({ hasText: 'civil-society' }).getByTestId('document-comments').textContent();
    await page.goto(`${t.url}/`);
    await expect.poll(cell).toBe('2 observations, dont 2 en attente de réponse');
    expect((await t.api('PATCH', `/api/threads/${first!.id}`, { cookie: t.adminCookie, body: { status: 'noted', response: 'Noted.' } })).status).toBe(200);
    await page.reload();
    await expect.poll(cell).toBe('2 observations, dont 1 en attente de réponse');
  });
});
