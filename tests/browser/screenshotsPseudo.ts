/**
 * Screenshots in the pseudo language (English with accents, a third longer, in ⟦brackets⟧) of the main
 * pages, on a laptop and a phone, for a person to look at: a message cut off shows without its closing ⟧.
 * `node --import tsx tests/browser/screenshotsPseudo.ts` writes PNGs into tests/.artifacts/ and prints,
 * for each, whether the page scrolls sideways and which visible elements clip their text.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { ROOT, SEED_IDS, startTestServer } from '../helpers/testServer.ts';
import { launchBrowser, signedInContext } from './browser.ts';
import { comment } from './threadFixtures.ts';

const OUT = path.join(ROOT, 'tests', '.artifacts');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

/** The pseudo language is chosen on the browser (client/i18n/pseudoLocale.ts), before any page script runs. */
async function pseudo(context: BrowserContext): Promise<BrowserContext> {
  await context.addInitScript(() => localStorage.setItem('accord.pseudo', '1'));
  return context;
}

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(OUT, `pseudo-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  const { scroll, inner, clipped } = await page.evaluate(() => {
    // Elements whose own text is wider than their box while they hide the overflow: cut-off words.
    // (Text for screen readers only, in a 1 px box, is meant to be hidden.)
    const cut = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((e) => e.getBoundingClientRect().width > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'hidden' && e.textContent?.includes('⟦'))
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, clipped: cut };
  });
  console.log(`${file}  ${scroll > inner ? `SCROLLS SIDEWAYS (${scroll} in ${inner})` : 'fits'}${clipped.length ? `  clipped: ${clipped.join(', ')}` : ''}`);
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | null = null;
  try {
    const documentId = SEED_IDS[0];
    await server.setPhase(documentId, 'consultation', new Date(Date.now() + 5 * 86_400_000).toISOString());
    const secretariat = await server.person({ name: 'Marie-Christine Delacroix-Beaumont', role: 'secretariat', country: 'FR', language: 'en' });
    const lucia = await server.person({ name: 'Lucía Fernández', role: 'participant', country: 'ES', stakeholder: 'government' });
    await comment(server, documentId, [
      { cookie: lucia.cookie, paragraph: 0, body: 'The scope should be stated more precisely.', kind: 'technical' },
      { cookie: lucia.cookie, paragraph: 1, body: 'A more inclusive wording.', proposedText: 'the people concerned', kind: 'editorial' },
    ]);
    browser = await launchBrowser();
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const signedOut = await pseudo(await browser.newContext({ viewport, locale: 'en-GB' }));
      const outPage = await signedOut.newPage();
      await outPage.goto(`${server.url}/sign-in`);
      await outPage.locator('h1').waitFor();
      await shoot(outPage, `${device}-sign-in`);
      await signedOut.close();

      const context = await pseudo(await signedInContext(browser, server.url, secretariat.token, viewport));
      const page = await context.newPage();
      const pages: [string, string, string][] = [
        ['documents', '/', 'main h1'],
        ['document', `/documents/${documentId}`, '[data-testid="editor"] p'],
        ['report', `/documents/${documentId}/report`, '[data-testid="report-totals"]'],
        ['versions', `/documents/${documentId}/versions`, 'main h1'],
        ['people', '/people', 'main table'],
        ['settings', '/settings', 'main h1'],
        ['my-comments', '/my-comments', 'main h1'],
      ];
      for (const [name, address, ready] of pages) {
        await page.goto(`${server.url}${address}`);
        await page.locator(ready).first().waitFor();
        await page.waitForFunction(() => !document.querySelector('output.placeholder, [aria-busy="true"]'));
        // The document is long: its first screen holds the banner, toolbar and panel.
        await shoot(page, `${device}-${name}`, name !== 'document');
      }
      await context.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

await main();
