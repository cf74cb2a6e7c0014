/**
 * English and French: the sign-in page speaks the browser's language, a person's first sign-in
 * stores it, the banner's switch changes the whole interface at once and is remembered with the
 * person, and <html lang> follows.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './suite.ts';

const suite = browserSuite();

describe('the interface language', () => {
  it('follows a French browser before and at the first sign-in, and the switch changes it for good', async () => {
    const invited = await suite.server.api('POST', '/api/people', {
      cookie: suite.server.adminCookie,
      body: { name: 'Élise Martin', email: 'elise@example.org', role: 'participant', country: 'FR', organisation: 'Ministère', stakeholder: 'government' },
    });
    expect(invited.status).toBe(201);
    const context = await suite.track(suite.browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } }));
    const page = await context.newPage();

    await page.goto(`${suite.server.url}/sign-in`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Lien ou code de connexion').fill(invited.body.inviteToken);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes observations' }).waitFor();

    const stored = async () => (await suite.server.api('GET', `/api/people`, { cookie: suite.server.adminCookie })).body.find((p: { email: string }) => p.email === 'elise@example.org').language;
    expect(await stored()).toBe('fr');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(stored).toBe('en');

    // Another device, still a French browser: the person's own choice wins once signed in.
    const other = await suite.track(suite.browser.newContext({ locale: 'fr-FR' }));
    const second = await other.newPage();
    await second.goto(`${suite.server.url}/join/${invited.body.inviteToken}`);
    await second.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await second.locator('html').getAttribute('lang')).toBe('en');
  });
});
