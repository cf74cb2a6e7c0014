/**
 * Screenshots of the main pages on a laptop and a tablet, for a person to look at:
 * `node --import tsx tests/browser/screenshots.ts` writes PNGs into tests/.artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { ROOT, SEED_IDS, startTestServer } from '../helpers/testServer.ts';
import { clickEndOfParagraph, launchBrowser, signedInContext } from './browser.ts';

const OUT = path.join(ROOT, 'tests', '.artifacts');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, tablet: { width: 768, height: 1024 } };

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | null = null;
  try {
    const documentId = SEED_IDS[0];
    await server.setPhase(documentId, 'revision');
    const editor = await server.person({ name: 'Amira Haddad', role: 'working-group', country: 'JO' });
    const colleague = await server.person({ name: 'Jonas Berg', role: 'working-group', country: 'SE' });
    const participant = await server.person({ name: 'Lucía Fernández', role: 'participant', country: 'ES' });
    browser = await launchBrowser();

    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const anonymous = await browser.newContext({ viewport });
      const signIn = await anonymous.newPage();
      await signIn.goto(`${server.url}/sign-in`);
      await signIn.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shoot(signIn, `${device}-sign-in`);
      await signIn.getByLabel('Sign-in link or token').fill('not-a-real-token');
      await signIn.getByRole('button', { name: 'Sign in' }).click();
      await signIn.getByRole('alert').waitFor();
      await shoot(signIn, `${device}-sign-in-error`);
      await anonymous.close();

      const other = await signedInContext(browser, server.url, colleague.token, viewport);
      const otherPage = await other.newPage();
      await otherPage.goto(`${server.url}/documents/${documentId}`);
      await otherPage.locator('[data-testid=editor]').waitFor();
      await clickEndOfParagraph(otherPage, 1);

      const context = await signedInContext(browser, server.url, editor.token, viewport);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('link', { name: /cooperation/i }).waitFor();
      await shoot(page, `${device}-documents`);
      await page.goto(`${server.url}/documents/${documentId}`);
      await page.locator('[data-testid=editor] h1').first().waitFor();
      await page.locator('.collaboration-carets__label').waitFor();
      await shoot(page, `${device}-document-editing`);
      if (device === 'tablet') {
        await page.getByRole('button', { name: 'Sections' }).click();
        await shoot(page, `${device}-document-sections-open`);
      }
      const target = page.locator('[data-testid=outline] button').nth(8);
      const sectionId = await target.getAttribute('data-section-id');
      await target.click();
      // Smooth scrolling: wait until the heading has arrived under the bar.
      await page.waitForFunction((id) => {
        const heading = document.querySelector(`[data-testid=editor] [data-id="${id}"]`);
        const top = heading?.getBoundingClientRect().top ?? Infinity;
        const bar = document.querySelector('.docbar')?.getBoundingClientRect().bottom ?? 0;
        return top > bar + 40 && top < bar + 90 && document.querySelector(`[aria-current][data-section-id="${id}"]`) !== null;
      }, sectionId);
      // ...and has stopped: sticky elements lag behind a smooth scroll while it runs.
      await page.waitForFunction(async () => {
        const y = window.scrollY;
        for (let frame = 0; frame < 10; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
        return window.scrollY === y;
      });
      await shoot(page, `${device}-document-scrolled`);
      await context.close();
      await other.close();

      const reader = await signedInContext(browser, server.url, participant.token, viewport);
      const readerPage = await reader.newPage();
      await server.setPhase(SEED_IDS[1], 'consultation');
      await readerPage.goto(`${server.url}/documents/${SEED_IDS[1]}`);
      await readerPage.locator('[data-testid=editor] h1').first().waitFor();
      await shoot(readerPage, `${device}-document-reading`);
      await readerPage.goto(`${server.url}/documents/no-such-document`);
      await readerPage.getByRole('heading', { name: 'Document not found' }).waitFor();
      await shoot(readerPage, `${device}-not-found`);
      await reader.close();

      const admin = await browser.newContext({ viewport });
      const [name, value] = server.adminCookie.split('=');
      await admin.addCookies([{ name: name ?? '', value: value ?? '', url: server.url }]);
      const adminPage = await admin.newPage();
      await adminPage.goto(`${server.url}/documents/${SEED_IDS[1]}`);
      await adminPage.locator('[data-testid=editor] h1').first().waitFor();
      await adminPage.getByLabel('Phase').selectOption('revision');
      await adminPage.getByRole('dialog').waitFor();
      await shoot(adminPage, `${device}-phase-confirm`);
      await admin.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

await main();
