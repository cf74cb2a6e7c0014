/**
 * E-mail in a real browser: the Secretariat e-mails a new person their sign-in link and finds it in
 * the outbox (outbox mode: an .eml file it can open); a participant chooses their e-mails.
 */
import { describe, expect, it } from 'vitest';
import { signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const suite = browserSuite();

describe('e-mail', () => {
  it('sends an invitation by e-mail and shows it in the outbox with its .eml', async () => {
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/people`);
    const form = page.getByTestId('invite-form');
    await form.getByLabel('Full name').fill('Élise Martin');
    await form.getByLabel('Email address').fill('elise@example.fr');
    await form.getByLabel('Role').selectOption({ label: 'Permanent Correspondent' });
    await form.getByLabel('Country').selectOption({ label: 'France' });
    await form.getByLabel('Stakeholder group').selectOption({ label: 'Government' });
    await form.getByLabel('Language of their e-mails').selectOption({ label: 'Français' });
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const result = page.getByTestId('invite-result');
    await result.getByRole('button', { name: 'Send by e-mail' }).click();
    await result.getByText('Queued for elise@example.fr.').waitFor();
    await suite.server.server.services.mail.flush();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    await page.getByText('No mail server is configured').waitFor();
    const row = page.getByTestId('outbox-table').getByRole('row').filter({ hasText: 'elise@example.fr' });
    await row.getByText('Votre invitation à Accord').waitFor();
    await row.getByText('Sent').waitFor();
    const href = await row.getByRole('link', { name: 'Open .eml' }).getAttribute('href');
    const eml = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(eml).toMatch(/^Subject: Votre invitation =\?UTF-8\?|^Subject: =\?UTF-8\?/m);
    expect(eml).toContain('To: =?UTF-8?Q?=C3=89lise_Martin?= <elise@example.fr>');
  });

  it('lets a participant choose the language and the e-mails they receive', async () => {
    const { token } = await suite.server.person({ name: 'Kofi Mensah', role: 'participant', country: 'GH' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'E-mail settings' }).click();
    await page.getByRole('heading', { name: 'E-mail settings', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    await page.getByLabel('Your language, for Accord and its e-mails').selectOption({ label: 'Français' });
    await page.getByRole('group', { name: 'Your comment was answered' }).getByLabel('At once').check();
    await page.getByRole('group', { name: 'A text is adopted' }).getByLabel('Never').check();
    await page.getByRole('button', { name: 'Save' }).click();
    // One language for the interface and the e-mails: the page now speaks French.
    await page.getByText('Enregistré.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.reload();
    await page.getByRole('heading', { name: 'Préférences de courriel', level: 1 }).waitFor();
    expect(await page.getByLabel('Votre langue, pour Accord et ses courriels').inputValue()).toBe('fr');
    expect(await page.getByRole('group', { name: 'Suite donnée à votre observation' }).getByLabel('Immédiatement').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Adoption d’un texte' }).getByLabel('Jamais').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Réponse à votre observation' }).getByLabel('Immédiatement').isChecked()).toBe(true);
  });
});
