/**
 * Deadlines in the deployment's time zone (Europe/Paris by default), labelled; a reader in another
 * zone also sees their own time. The Secretariat's "end of that day" is 23:59 in that zone, whatever
 * its own computer's clock says.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { browserSuite } from './suite.ts';

const DOCUMENT_ID = SEED_IDS[0];
const suite = browserSuite();

describe('deadlines and time zones', () => {
  it('shows the deadline in the deployment zone, with a reader’s own time when their clock differs', async () => {
    const t = suite.server;
    // 30 June 2031, 23:59:59 in Paris (summer time, UTC+2).
    await t.setPhase(DOCUMENT_ID, 'consultation', '2031-06-30T21:59:59.000Z');
    const { token } = await t.person({ name: 'Nino Beridze', country: 'GE' });
    const context = await suite.track(suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Asia/Tbilisi' }));
    const page = await context.newPage();
    await page.goto(`${t.url}/join/${token}`);
    await page.waitForURL(`${t.url}/`);
    await page.goto(`${t.url}/documents/${DOCUMENT_ID}`);
    const deadline = page.getByTestId('deadline').locator('time');
    await deadline.waitFor();
    expect(await deadline.textContent()).toBe('30 June 2031, 23:59 CEST (your time: 1 July 2031, 01:59 GMT+4)');
  });

  it('ends the chosen day at 23:59 in the deployment zone for a Secretariat working elsewhere', async () => {
    const t = suite.server;
    const context = await suite.track(suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'America/New_York' }));
    const [name = '', value = ''] = t.adminCookie.split('=');
    await context.addCookies([{ name, value, url: t.url }]);
    const page = await context.newPage();
    await page.goto(`${t.url}/documents/${DOCUMENT_ID}`);
    await page.getByTestId('change-deadline').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('deadline-day').fill('2031-12-04');
    await dialog.getByRole('button', { name: 'Change deadline' }).click();
    await expect.poll(async () => (await t.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: t.adminCookie })).body.deadline).toBe('2031-12-04T22:59:59.000Z');
  });
});
