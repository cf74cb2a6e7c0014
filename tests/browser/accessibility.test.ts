/**
 * WCAG 2.1 AA, checked by axe-core on every page each role can open, in English and in French, on a
 * laptop (1366 × 768) and on a phone (390 × 844). The test fails on any violation of serious or
 * critical impact; lesser ones are printed, so they can be read and fixed too. Every page is also
 * checked for sideways scrolling, which WCAG's reflow criterion (1.4.10) forbids at 320 CSS px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../shared/domain.ts';
import { SEED_IDS } from '../helpers/testServer.ts';
import { signedInContext } from './browser.ts';
import { secretariatContext, seedComments } from './scenario.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
const DOC = SEED_IDS[0];
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES = ['en', 'fr'] as const;

/** The pages each role opens in its daily work (the reviewer's review page needs the final review). */
const PAGES: Record<Role, string[]> = {
  secretariat: ['/', '/people', '/audit', '/outbox', '/settings', '/my-comments', `/documents/${DOC}`, `/documents/${DOC}/report`, `/documents/${DOC}/versions`, `/documents/${DOC}/members`, '/no-such-page', '/accessibility'],
  'working-group': ['/', `/documents/${DOC}`, `/documents/${DOC}/report`, `/documents/${DOC}/versions`, '/settings', '/accessibility'],
  participant: ['/', `/documents/${DOC}`, '/my-comments', '/settings', '/accessibility'],
  reviewer: ['/', `/documents/${DOC}`, `/documents/${DOC}/report`, `/documents/${DOC}/versions`, '/accessibility'],
};

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string;
}

/** Waits until the page shows its content, not a loading message. */
async function settled(page: Page): Promise<void> {
  await page.locator('main').first().waitFor();
  // Loading messages are <output class="placeholder">; an empty state is a <p class="placeholder">.
  await page.waitForFunction(() => !document.querySelector('.status-screen [role="status"], output.placeholder, [aria-busy="true"]'));
  // Fonts and the last layout of a page that just arrived.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(resolve))));
}

async function audit(context: BrowserContext, paths: string[], label: string): Promise<{ serious: Finding[]; minor: Finding[]; wide: string[] }> {
  const page = await context.newPage();
  const serious: Finding[] = [];
  const minor: Finding[] = [];
  const wide: string[] = [];
  for (const path of paths) {
    await page.goto(`${suite.server.url}${path}`);
    await settled(page).catch((error: Error) => {
      throw new Error(`${label} ${path} did not finish loading: ${error.message}`);
    });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    // The page itself, not the sign-in page or a redirect.
    expect(new URL(page.url()).pathname, label).toBe(path);
    // axe ran its checks: a page it could not read would pass nothing.
    expect(result.passes.length, `${label} ${path}`).toBeGreaterThan(10);
    for (const violation of result.violations) {
      const finding = { page: `${label} ${path}`, rule: violation.id, impact: violation.impact ?? 'unknown', targets: violation.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') };
      (violation.impact === 'serious' || violation.impact === 'critical' ? serious : minor).push(finding);
    }
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) wide.push(`${label} ${path}: ${scrollWidth} px wide in ${innerWidth}`);
  }
  await page.close();
  return { serious, minor, wide };
}

async function contextFor(role: Role, language: 'en' | 'fr', size: { width: number; height: number }): Promise<BrowserContext> {
  if (role === 'secretariat') {
    const saved = await suite.server.api('PATCH', '/api/session', { cookie: suite.server.adminCookie, body: { language } });
    if (saved.status !== 200) throw new Error(`the Secretariat's language was not saved: ${saved.status}`);
    return suite.track(secretariatContext(suite.browser, suite.server, size));
  }
  const { token } = await suite.server.person({ role, language, name: `${role} ${language}`, country: 'BE' });
  return suite.track(signedInContext(suite.browser, suite.server.url, token, size));
}

describe('every page meets WCAG 2.1 AA (axe-core, serious and critical)', () => {
  for (const role of Object.keys(PAGES) as Role[]) {
    it(`for ${role}, in English and French, on a laptop and a phone`, async () => {
      await seedComments(suite.server, DOC);
      const serious: Finding[] = [];
      const minor: Finding[] = [];
      const wide: string[] = [];
      for (const language of LANGUAGES) {
        for (const [sizeName, size] of Object.entries(SIZES)) {
          const context = await contextFor(role, language, size);
          const found = await audit(context, PAGES[role], `${role}/${language}/${sizeName}`);
          serious.push(...found.serious);
          minor.push(...found.minor);
          wide.push(...found.wide);
          await context.close();
        }
      }
      if (minor.length) console.log(`axe, moderate and minor (${role}):\n${minor.map((f) => `  ${f.page} ${f.rule} (${f.impact}) ${f.targets}`).join('\n')}`);
      expect(serious).toEqual([]);
      expect(wide).toEqual([]);
    }, 240_000);
  }
});

describe('the accessibility statement', () => {
  it('is linked from the sign-in page and readable signed out, in the browser\'s language, and passes axe', async () => {
    const headings = { en: 'Accessibility statement', fr: 'Déclaration d’accessibilité' };
    const serious: Finding[] = [];
    const wide: string[] = [];
    for (const language of LANGUAGES) {
      for (const [sizeName, size] of Object.entries(SIZES)) {
        const context = await suite.track(suite.browser.newContext({ locale: language === 'fr' ? 'fr-FR' : 'en-GB', viewport: size }));
        const page = await context.newPage();
        await page.goto(`${suite.server.url}/sign-in`);
        await page.getByRole('link', { name: language === 'fr' ? 'Accessibilité' : 'Accessibility' }).click();
        await page.waitForURL(`${suite.server.url}/accessibility`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(headings[language]);
        // All 50 criteria of WCAG 2.1 A and AA are there, one table row each.
        expect(await page.locator('[data-testid="accessibility-statement"] tbody tr').count()).toBe(50);
        await page.close();
        const found = await audit(context, ['/sign-in', '/accessibility'], `signed-out/${language}/${sizeName}`);
        serious.push(...found.serious);
        wide.push(...found.wide);
        await context.close();
      }
    }
    expect(serious).toEqual([]);
    expect(wide).toEqual([]);
  }, 120_000);
});
