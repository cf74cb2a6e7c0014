/**
 * A document opened by its address shows its words from the page itself, before any script has run,
 * and hands over to the app without a blank frame and without both showing at once.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const DOCUMENT_ID = SEED_IDS[0];
const FIRST_WORDS = 'Draft for consultation at the Module II seminar.';
const suite = browserSuite();

/**
 * On the page's clock, one letter per animation frame: B while the page's own words are there, T
 * once the app shows the text (its snapshot or the live editor) and they are gone, X if both are,
 * N if neither is. Runs before the page's scripts.
 */
const RECORD_FRAMES = `(() => {
  const frames = [];
  window.accordBootFrames = frames;
  const tick = () => {
    const boot = document.getElementById('boot-text') !== null;
    const app = document.querySelector('#root [data-testid="text-snapshot"] p, #root [data-testid="editor"] p') !== null;
    const state = boot && app ? 'X' : boot ? 'B' : app ? 'T' : 'N';
    if (frames.at(-1) !== state) frames.push(state);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

describe("a document's words in its page", () => {
  it('show before any script runs, read-only and marked busy', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    await context.route('**/assets/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    const words = page.getByTestId('boot-text').getByRole('document');
    await expect.poll(() => words.locator('p').first().textContent()).toContain(FIRST_WORDS);
    expect(await words.locator('p').first().isVisible()).toBe(true);
    expect(await words.getAttribute('aria-busy')).toBe('true');
    expect(await words.locator('[contenteditable]').count()).toBe(0);
    expect(await page.getByTestId('boot-text').getByRole('heading', { level: 1 }).first().textContent()).toContain('Draft guidance');
  });

  it('are not in the page of someone signed out', async () => {
    const context = await suite.track(suite.browser.newContext());
    await context.route('**/assets/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    expect(await page.content()).not.toContain(FIRST_WORDS);
  });

  it('give way to the app when it shows the text: no blank frame, never both', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.routeWebSocket(/\/collab\//, async (ws) => {
      await held;
      ws.connectToServer();
    });
    const page = await context.newPage();
    await page.addInitScript(RECORD_FRAMES);
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.getByTestId('text-snapshot').locator('p').first().waitFor();
    release();
    await page.locator('.ProseMirror p').first().waitFor();
    await expect.poll(async () => ((await page.evaluate('window.accordBootFrames')) as string[]).join('')).toMatch(/^N?B+T$/);
    expect(await page.getByTestId('boot-text').count()).toBe(0);
    expect(await page.getByRole('document').count()).toBe(1);
    expect(await page.locator('.ProseMirror p').first().isVisible()).toBe(true);
  });

  it("give way to the app's error when the page cannot start", async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    await context.route(/\/assets\/DocumentPage-[^/]+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('boot-text').count()).toBe(0);
    expect(await page.getByRole('alert').isVisible()).toBe(true);
  });
});
