/**
 * The people page after a language switch: the countries of the filter are sorted by their names in
 * the new language, and the invitation suggests the inviter's interface language for the e-mails.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const suite = browserSuite();

describe('the people page follows the interface language', () => {
  it('in the order of the countries and the language suggested for a new person’s e-mails', async () => {
    // The Secretariat's own account is from France.
    for (const country of ['ES', 'DE', 'BE']) await suite.server.person({ country });
    const page = await (await suite.track(secretariatContext(suite.browser, suite.server))).newPage();
    await page.goto(`${suite.server.url}/people`);
    const countries = () => page.locator('.filters select').nth(2).locator('option').allTextContents();
    await expect.poll(countries).toEqual(['All countries', 'Belgium', 'France', 'Germany', 'Spain']);
    const emailLanguage = () => page.getByTestId('invite-form').locator('select[name="language"]').inputValue();
    expect(await emailLanguage()).toBe('en');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await expect.poll(countries).toEqual(['Tous les pays', 'Allemagne', 'Belgique', 'Espagne', 'France']);
    expect(await emailLanguage()).toBe('fr');
  });
});
