/**
 * What a document page draws first when its comments arrive: the highlights in the text, then the
 * comments list (in a later render, so that a thousand cards never hold back a thousand highlights),
 * and the section buttons' tooltips, written only when a pointer comes near.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';
import { comment } from './threadFixtures.ts';

const DOCUMENT_ID = SEED_IDS[0];
const suite = browserSuite();

/** Numbers each batch of changes to the page, and notes the batch in which each kind first showed. */
const RECORD_BATCHES = `(() => {
  const first = {};
  window.accordFirstBatch = first;
  let batch = 0;
  const kinds = { mark: '.ProseMirror mark[data-thread-id]', card: '[data-testid="thread-card"]' };
  new MutationObserver(() => {
    batch++;
    for (const [kind, selector] of Object.entries(kinds)) if (first[kind] === undefined && document.querySelector(selector)) first[kind] = batch;
  }).observe(document, { subtree: true, childList: true });
})();`;

describe('a document page whose comments arrive after its text', () => {
  it('draws the highlights before the comments list', async () => {
    const t = suite.server;
    await comment(t, DOCUMENT_ID, [
      { cookie: t.adminCookie, paragraph: 0, from: 0, to: 20, body: 'The first sentence says too little.' },
      { cookie: t.adminCookie, paragraph: 1, from: 5, to: 25, body: 'Who does this?' },
    ]);
    const context = await suite.track(secretariatContext(suite.browser, t));
    const page = await context.newPage();
    await page.addInitScript(RECORD_BATCHES);
    // The list is held back until the live text is on screen and painted (its section buttons show a frame after).
    let textShown: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (textShown = resolve));
    await page.route(`**/api/documents/${DOCUMENT_ID}/threads`, async (route) => {
      await shown;
      await route.continue();
    });
    await page.goto(`${t.url}/documents/${DOCUMENT_ID}`);
    await page.locator('.ProseMirror .section-comment-button').first().waitFor({ state: 'attached' });
    textShown();
    await page.getByTestId('thread-card').first().waitFor();
    await page.locator('.ProseMirror mark[data-thread-id]').first().waitFor();
    const first = (await page.evaluate('window.accordFirstBatch')) as { mark?: number; card?: number };
    expect(first.mark).toBeDefined();
    expect(first.card).toBeDefined();
    expect(first.mark!).toBeLessThan(first.card!);
  });
});

describe("a section's comment button", () => {
  it('names its section when pointed at', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    const heading = page.locator('.ProseMirror h2').first();
    const button = heading.locator('.section-comment-button');
    await button.waitFor({ state: 'attached' });
    await heading.hover();
    await button.hover();
    const title = (await heading.textContent())!.trim();
    await expect.poll(() => button.getAttribute('title')).toBe(`Comment on the whole section “${title}”`);
  });
});
