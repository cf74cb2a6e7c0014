/**
 * The Secretariat's pages in French on a phone (390 × 844): the people, members and audit pages speak
 * French and fit the screen's width, with no sideways scrolling; the bulk invitation speaks French
 * too, and the document checkboxes of the invitation form each have their own name.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_IDS } from '../helpers/testServer.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

/** The seeded Secretariat account, its language set to French, on a phone. */
async function frenchSecretariat(): Promise<Page> {
  const saved = await suite.server.api('PATCH', '/api/session', { cookie: suite.server.adminCookie, body: { language: 'fr' } });
  expect(saved.status).toBe(200);
  const context = await suite.track(secretariatContext(suite.browser, suite.server, PHONE));
  return context.newPage();
}

/** People with long names and organisations, as the real list has; inviting them also fills the audit log. */
async function invitePeople(): Promise<void> {
  const people = [
    { name: 'Marie-Christine Lefèvre-Dumont', email: 'mc.lefevre@sante.gouv.fr', role: 'reviewer', country: 'FR', organisation: 'Mission interministérielle de lutte contre les drogues et les conduites addictives', stakeholder: 'government' },
    { name: 'Koffi Mensah', email: 'koffi.mensah@harmreduction-ghana.example.org', role: 'participant', country: 'GH', organisation: 'Harm Reduction Ghana', stakeholder: 'civil-society' },
  ];
  for (const body of people) {
    const created = await suite.server.api('POST', '/api/people', { cookie: suite.server.adminCookie, body });
    expect(created.status).toBe(201);
  }
}

const fitsWidth = (page: Page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));

describe('the Secretariat’s pages in French on a phone', () => {
  it('people, members and audit log: French headings and words, and nothing scrolls sideways', async () => {
    await invitePeople();
    const page = await frenchSecretariat();

    await page.goto(`${suite.server.url}/people`);
    await page.getByRole('heading', { level: 1, name: 'Personnes' }).waitFor();
    await page.getByRole('heading', { name: 'Inviter une personne' }).waitFor();
    await page.getByRole('heading', { name: 'Personnes invitées' }).waitFor();
    await page.getByTestId('people-table').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const koffi = page.getByTestId('person-row').filter({ hasText: 'Koffi Mensah' });
    await koffi.getByText('Société civile').waitFor();
    await koffi.getByTestId('sign-in-status').getByText('Invité, jamais connecté').waitFor();
    await koffi.getByRole('button', { name: 'Changer le rôle de Koffi Mensah' }).waitFor();
    const people = await fitsWidth(page);
    expect(people.scrollWidth).toBeLessThanOrEqual(people.innerWidth);

    // Each document of the invitation form is a checkbox named after its document, never twice the same name.
    const boxes = page.getByTestId('invite-documents').getByRole('checkbox');
    expect(await boxes.count()).toBe(SEED_IDS.length);
    const names = await boxes.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''));
    expect(new Set(names).size).toBe(names.length);

    await page.getByRole('button', { name: 'Inviter une liste de personnes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inviter une liste de personnes' });
    await dialog.getByLabel('La liste').fill('Ana Lima;ana@example.org;BR;Fiocruz;government\nSans Adresse;;FR;;');
    await dialog.getByRole('button', { name: 'Vérifier la liste' }).click();
    await dialog.getByTestId('bulk-summary').getByText('2 lignes : 1 personne est prête à être invitée ; 1 ligne présente des problèmes et sera écartée.').waitFor();
    await dialog.getByTestId('bulk-row').filter({ hasText: 'Ana Lima' }).getByText('Prête').waitFor();
    // The server's reasons, worded in French from their codes.
    const bad = dialog.getByTestId('bulk-row').filter({ hasText: 'Sans Adresse' });
    await bad.getByText('L’adresse électronique manque.').waitFor();
    await bad.getByText('La catégorie de parties prenantes manque (gouvernement, société civile, organisation internationale ou autre).').waitFor();
    const bulk = await fitsWidth(page);
    expect(bulk.scrollWidth).toBeLessThanOrEqual(bulk.innerWidth);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.goto(`${suite.server.url}/documents/${SEED_IDS[0]}/members`);
    await page.getByRole('heading', { name: 'Ajouter un membre' }).waitFor();
    await page.getByTestId('members-table').waitFor();
    const members = await fitsWidth(page);
    expect(members.scrollWidth).toBeLessThanOrEqual(members.innerWidth);

    await page.goto(`${suite.server.url}/audit`);
    await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.getByText('Invitation d’une personne').first().waitFor();
    await table.getByText('Koffi Mensah, rôle\u00a0: Participant').waitFor();
    const audit = await fitsWidth(page);
    expect(audit.scrollWidth).toBeLessThanOrEqual(audit.innerWidth);
  });
});
