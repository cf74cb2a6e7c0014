/**
 * No silent loose ends: moving to final review names the comments still without an answer, with a
 * link to each, and the adoption dialog names who objects and who has not signed. A reviewer who
 * changed their decision sees the earlier one.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';
import { comment } from './threadFixtures.ts';

const DOCUMENT_ID = SEED_IDS[0];
const suite = browserSuite();

describe('loose ends', () => {
  it('lists the comments without an answer before final review, each with a link', async () => {
    const t = suite.server;
    const ana = await t.person({ name: 'Ana Costa', country: 'PT' });
    const jan = await t.person({ name: 'Jan Novák', country: 'CZ' });
    const [first, , third] = await comment(t, DOCUMENT_ID, [
      { cookie: ana.cookie, paragraph: 1, body: 'Name the national focal points explicitly.' },
      { cookie: jan.cookie, paragraph: 2, body: 'This paragraph repeats section 1.' },
      { cookie: jan.cookie, paragraph: 3, body: 'Add the 2021 reference.' },
    ]);
    await t.setPhase(DOCUMENT_ID, 'revision');
    const answered = await t.api('PATCH', `/api/threads/${first!.id}`, { cookie: t.adminCookie, body: { status: 'noted', response: 'Covered in 2.1.' } });
    expect(answered.status).toBe(200);

    const admin = await suite.track(secretariatContext(suite.browser, t));
    const page = await openDocument(admin, t.url, DOCUMENT_ID);
    await page.getByTestId('phase-select').selectOption('final-review');
    const dialog = page.getByRole('dialog');
    const looseEnds = dialog.getByTestId('loose-ends');
    await looseEnds.getByText('2 comments have no answer yet.').waitFor();
    const links = looseEnds.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Jan Novák (Czechia): “This paragraph repeats section 1.”',
      'Jan Novák (Czechia): “Add the 2021 reference.”',
    ]);
    expect(await links.nth(1).getAttribute('href')).toBe(`/documents/${DOCUMENT_ID}?thread=${third!.id}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('names the objecting and the missing reviewers when adopting, and shows a reviewer their earlier decision', async () => {
    const t = suite.server;
    await t.setPhase(DOCUMENT_ID, 'final-review');
    const objector = await t.person({ name: 'Lena Weber', role: 'reviewer', country: 'DE' });
    await t.person({ name: 'Ola Nordmann', role: 'reviewer', country: 'NO' });
    await t.api('POST', `/api/documents/${DOCUMENT_ID}/signoffs`, { cookie: objector.cookie, body: { decision: 'approve' } });
    await t.api('POST', `/api/documents/${DOCUMENT_ID}/signoffs`, { cookie: objector.cookie, body: { decision: 'object', statement: 'Section 3 goes too far.' } });

    const reviewer = await suite.track(signedInContext(suite.browser, t.url, objector.token));
    const own = await reviewer.newPage();
    await own.goto(`${t.url}/documents/${DOCUMENT_ID}/review`);
    const history = own.getByTestId('decision-history');
    await history.getByText('Your earlier decisions').waitFor();
    await history.getByText('Approve', { exact: true }).waitFor();

    const admin = await suite.track(secretariatContext(suite.browser, t));
    const page = await admin.newPage();
    await page.goto(`${t.url}/documents/${DOCUMENT_ID}/review`);
    await page.getByRole('button', { name: 'Adopt the text' }).click();
    const looseEnds = page.getByRole('dialog').getByTestId('loose-ends');
    await looseEnds.getByText('Objecting:').waitFor();
    const text = await looseEnds.textContent();
    expect(text).toContain('Objecting: Lena Weber (Germany).');
    expect(text).toContain('Not signed yet: Ola Nordmann (Norway).');
  });
});
