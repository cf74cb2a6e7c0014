/**
 * 200 % zoom (WCAG 1.4.4 and 1.4.10): a 1366 × 768 window zoomed to 200 % lays pages out in
 * 683 × 384 CSS px at two device pixels per CSS px. Every page the Secretariat opens must fit that
 * width without scrolling sideways, and what stays on screen while scrolling (sticky or fixed bars)
 * must leave most of the 384 px for the content.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { seedComments } from './scenario.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
const DOC = SEED_IDS[0];
const ZOOMED = { width: 683, height: 384 };
const PATHS = ['/', '/people', '/audit', '/outbox', '/settings', '/my-comments', `/documents/${DOC}`, `/documents/${DOC}/report`, `/documents/${DOC}/versions`, `/documents/${DOC}/members`, '/accessibility'];

describe('at 200 % zoom of a 1366 × 768 window', () => {
  it('every page fits the width, and bars that stay on screen leave room for the content, in English and French', async () => {
    await seedComments(suite.server, DOC);
    const problems: string[] = [];
    for (const language of ['en', 'fr'] as const) {
      expect((await suite.server.api('PATCH', '/api/session', { cookie: suite.server.adminCookie, body: { language } })).status).toBe(200);
      // The Secretariat's session, as secretariatContext() sets it, in a zoomed window.
      const context = await suite.track(suite.browser.newContext({ viewport: ZOOMED, deviceScaleFactor: 2, locale: 'en-GB', timezoneId: 'Europe/Brussels' }));
      const [name = '', value = ''] = suite.server.adminCookie.split('=');
      await context.addCookies([{ name, value, url: suite.server.url }]);
      const page = await context.newPage();
      for (const path of PATHS) {
        await page.goto(`${suite.server.url}${path}`);
        await page.locator('main').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('.status-screen [role="status"], output.placeholder, [aria-busy="true"]'));
        const layout = await page.evaluate(() => {
          // Scrolled down a little, so that only what sticks stays at the top.
          window.scrollTo(0, 200);
          let stuck = 0;
          for (const element of document.querySelectorAll<HTMLElement>('body *')) {
            const style = getComputedStyle(element);
            if (style.position !== 'sticky' && style.position !== 'fixed') continue;
            const box = element.getBoundingClientRect();
            if (box.height > 0 && box.bottom > 0 && box.top < window.innerHeight && box.width > window.innerWidth / 2) stuck += Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
          }
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, stuck, dpr: window.devicePixelRatio };
        });
        expect(layout.dpr).toBe(2);
        if (layout.scrollWidth > layout.innerWidth) problems.push(`${language} ${path}: ${layout.scrollWidth} px wide in ${layout.innerWidth}`);
        if (layout.stuck > ZOOMED.height / 2) problems.push(`${language} ${path}: ${layout.stuck} px of ${ZOOMED.height} held by bars that stay on screen`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
