/**
 * Screenshots in French of the document page and the report, on a laptop and a phone, for a person to
 * look at (long French words must not be cut off): `node --import tsx tests/browser/screenshotsFrench.ts`
 * writes PNGs into tests/.artifacts/ and prints, for each, whether the page scrolls sideways.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { ROOT, SEED_IDS, startTestServer } from '../helpers/testServer.ts';
import { launchBrowser, signedInContext } from './browser.ts';
import { comment } from './threadFixtures.ts';

const OUT = path.join(ROOT, 'tests', '.artifacts');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 }, narrow: { width: 320, height: 640 } };
const ONLY = process.env.VIEWPORT;

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  const file = path.join(OUT, `fr-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (fullPage) {
    // A long page in screen-high pieces too, readable at full size.
    const { width, height } = await page.evaluate(() => ({ width: window.innerWidth, height: document.documentElement.scrollHeight }));
    for (let y = 0, part = 1; y < height; y += 1200, part++) {
      await page.screenshot({ path: file.replace(/\.png$/, `-${part}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(1200, height - y) } });
    }
  }
  const { scroll, inner, wide } = await page.evaluate(() => {
    const width = window.innerWidth;
    // The outermost elements that reach past the right edge: what makes the page scroll sideways.
    // (Not those inside a box that scrolls or clips: they cannot widen the page.)
    const past = [...document.body.querySelectorAll('*')].filter((e) => {
      if (e.getBoundingClientRect().right <= width + 1) return false;
      for (let up = e.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return false;
      return true;
    });
    const outermost = past.filter((e) => !past.includes(e.parentElement as Element));
    return {
      scroll: document.documentElement.scrollWidth,
      inner: width,
      wide: outermost.slice(0, 8).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} in ${e.parentElement?.closest('[class]')?.className ?? ''} ${Math.round(e.getBoundingClientRect().right)}`),
    };
  });
  console.log(`${file}  scrollWidth ${scroll} / innerWidth ${inner}${scroll > inner ? `  SCROLLS SIDEWAYS: ${wide.join(', ')}` : ''}`);
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | null = null;
  try {
    const documentId = SEED_IDS[0];
    await server.setPhase(documentId, 'consultation', new Date(Date.now() + 5 * 86_400_000).toISOString());
    const secretariat = await server.person({ name: 'Marie-Christine Delacroix-Beaumont', role: 'secretariat', country: 'FR', language: 'fr' });
    const lucia = await server.person({ name: 'Lucía Fernández', role: 'participant', country: 'ES', stakeholder: 'government' });
    const jan = await server.person({ name: 'Jan de Vries', role: 'participant', country: 'NL', stakeholder: 'civil-society' });
    await comment(server, documentId, [
      { cookie: lucia.cookie, paragraph: 0, body: 'Il conviendrait de préciser le champ d’application.', kind: 'technical' },
      { cookie: jan.cookie, paragraph: 1, body: 'Nous proposons une formulation plus inclusive.', proposedText: 'les personnes concernées', kind: 'editorial' },
      { cookie: jan.cookie, paragraph: 2, body: 'Question sur la définition retenue.', kind: 'question', wholeSection: true },
    ]);
    browser = await launchBrowser();
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      if (ONLY && ONLY !== device) continue;
      const context = await signedInContext(browser, server.url, secretariat.token, viewport);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.locator('html[lang=fr]').waitFor();
      await shoot(page, `${device}-documents`);
      await page.goto(`${server.url}/documents/${documentId}`);
      await page.getByTestId('editor').locator('p').first().waitFor();
      await shoot(page, `${device}-document`, false);
      await page.goto(`${server.url}/documents/${documentId}/report`);
      await page.getByTestId('report-totals').waitFor();
      await shoot(page, `${device}-report`);
      await context.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

await main();
