/**
 * WCAG 2.1 AA with things open: axe-core sees a page as it first loads in accessibility.test.ts; here
 * it runs again with the main dialogs, forms and pop-ups open, in English and French, on a laptop and
 * on a phone: the comment composer, the answer form, the comment filters, who is here, the phase
 * change's confirmation, the invitation of a list of people, the dialog of a person's row, and the
 * confirmation of a restore. The test fails on any violation of serious or critical impact, and on a
 * page that scrolls sideways with them open.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Role } from '../../shared/domain.ts';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { SEED_IDS } from '../helpers/testServer.ts';
import { dragSelect, openDocument, signedInContext } from './browser.ts';
import { secretariatContext, seedComments } from './scenario.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
const DOC = SEED_IDS[0];
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES = ['en', 'fr'] as const;
type Language = (typeof LANGUAGES)[number];
/** The catalogues name the buttons the test presses; what axe finds does not come from them. */
const WORDS = { en, fr } as const;

/** Problems axe and the layout find with the page as it is now: "label: rule (impact) targets". */
async function check(page: Page, label: string, opened: Locator): Promise<string[]> {
  await opened.waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.passes.length, label).toBeGreaterThan(10);
  const found = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  if (scrollWidth > innerWidth) found.push(`${label}: ${scrollWidth} px wide in ${innerWidth}`);
  return found;
}

async function personPage(role: Role, language: Language, size: { width: number; height: number }): Promise<Page> {
  const { token } = await suite.server.person({ role, language, name: `${role} ${language}`, country: 'BE' });
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token, size));
  return openDocument(context, suite.server.url, DOC);
}

async function secretariatPage(language: Language, size: { width: number; height: number }, path: string): Promise<Page> {
  expect((await suite.server.api('PATCH', '/api/session', { cookie: suite.server.adminCookie, body: { language } })).status).toBe(200);
  const context = await suite.track(secretariatContext(suite.browser, suite.server, size));
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`);
  return page;
}

/** On a phone the comments are a sheet over the text, opened by their button. */
async function showComments(page: Page): Promise<void> {
  const toggle = page.getByTestId('comments-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** The violations found in every language and size; each test expects none. */
async function eachLanguageAndSize(run: (language: Language, size: { width: number; height: number }, label: string) => Promise<string[]>): Promise<string[]> {
  await seedComments(suite.server, DOC);
  const found: string[] = [];
  for (const language of LANGUAGES) for (const [name, size] of Object.entries(SIZES)) found.push(...(await run(language, size, `${language}/${name}`)));
  return found;
}

describe('WCAG 2.1 AA with dialogs and pop-ups open (axe-core, serious and critical)', () => {
  it(
    'for a participant: the comment composer, the comment filters, and who is here',
    async () => {
      const violations = await eachLanguageAndSize(async (language, size, label) => {
      const page = await personPage('participant', language, size);
      const found: string[] = [];
      await dragSelect(page, 1, 0, 20);
      await page.getByTestId('comment-float').getByRole('button').first().click();
      found.push(...(await check(page, `${label} composer`, page.getByTestId('composer'))));
      await page.keyboard.press('Escape');
      await page.getByTestId('composer').waitFor({ state: 'detached' });
      await showComments(page);
      await page.getByTestId('filters-button').click();
      found.push(...(await check(page, `${label} comment filters`, page.getByTestId('filter-bar'))));
      const presence = page.getByTestId('presence').locator('summary');
      if (await presence.isVisible()) {
        await presence.click();
        found.push(...(await check(page, `${label} who is here`, page.getByTestId('presence').locator('[open], ul, ol').first())));
      }
      await page.context().close();
      return found;
      });
      expect(violations).toEqual([]);
    },
    240_000,
  );

  it(
    'for the working group: the answer form of a comment',
    async () => {
      const violations = await eachLanguageAndSize(async (language, size, label) => {
      await suite.server.setPhase(DOC, 'revision');
      const page = await personPage('working-group', language, size);
      await showComments(page);
      const card = page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: 'Does “civil society” include' });
      await card.click();
      const found = await check(page, `${label} answer form`, card.getByTestId('disposition-form'));
      await page.context().close();
      return found;
      });
      expect(violations).toEqual([]);
    },
    240_000,
  );

  it(
    'for the Secretariat: the phase change, a list of people to invite, a person’s dialog, and a restore',
    async () => {
      const violations = await eachLanguageAndSize(async (language, size, label) => {
      const words = WORDS[language];
      const found: string[] = [];
      const document = await secretariatPage(language, size, `/documents/${DOC}`);
      await document.getByTestId('editor').locator('p').first().waitFor();
      await document.getByTestId('phase-select').selectOption('final-review');
      found.push(...(await check(document, `${label} phase change`, document.locator('dialog[open]'))));
      await document.keyboard.press('Escape');
      await document.locator('dialog[open]').waitFor({ state: 'detached' });

      await document.goto(`${suite.server.url}/people`);
      await document.getByRole('button', { name: words['people.bulkOpen'] }).click();
      found.push(...(await check(document, `${label} invite a list`, document.getByRole('dialog'))));
      await document.keyboard.press('Escape');
      await document.getByRole('dialog').waitFor({ state: 'detached' });
      const row = document.getByTestId('person-row').filter({ hasText: 'Lucía Fernández' });
      await row.getByRole('button').first().click();
      found.push(...(await check(document, `${label} a person’s dialog`, document.getByRole('dialog'))));
      await document.keyboard.press('Escape');

      // A version can be restored while the text may be edited.
      await suite.server.setPhase(DOC, 'revision');
      await document.goto(`${suite.server.url}/documents/${DOC}/versions`);
      await document.getByTestId('version-table').first().waitFor();
      await document.locator('details.versions-automatic').first().evaluate((details) => ((details as HTMLDetailsElement).open = true));
      await document.getByTestId('version-row').first().getByRole('button', { name: language === 'en' ? /^Restore “/ : /^Rétablir «/ }).click();
      found.push(...(await check(document, `${label} restore`, document.getByRole('dialog'))));
      await document.context().close();
      return found;
      });
      expect(violations).toEqual([]);
    },
    240_000,
  );
});
