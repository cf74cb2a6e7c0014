/**
 * What follows a language switch at once, without reloading: on the people page, the countries of
 * the filter (sorted by their names in the new language) and the language suggested for a new
 * person's e-mails; on the versions page, the names of the versions Accord took by itself.
 */
import { describe, expect, it } from 'vitest';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';
import { SEED_IDS } from '../helpers/testServer.ts';

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

  it('in the names of automatic versions', async () => {
    await suite.server.setPhase(SEED_IDS[0], 'revision');
    const page = await (await suite.track(secretariatContext(suite.browser, suite.server))).newPage();
    await page.goto(`${suite.server.url}/documents/${SEED_IDS[0]}/versions`);
    const names = () => page.getByTestId('version-row').locator('th').allTextContents();
    await expect.poll(names).toEqual([expect.stringMatching(/^Text as consulted, closed \d{1,2}\s[A-Z][a-z]+\s\d{4}$/), expect.stringMatching(/^Text put out for consultation, /)]);
    await page.getByRole('button', { name: 'Français' }).click();
    await expect.poll(names).toEqual([
      expect.stringMatching(/^Texte à la clôture de la consultation, \d{1,2}\s[a-zéû]+\s\d{4}$/),
      expect.stringMatching(/^Texte soumis à la consultation, /),
    ]);
  });
});
