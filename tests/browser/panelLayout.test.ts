/**
 * The document page on a 1366×768 laptop: the comments column keeps its actions in view (the
 * composer's Submit, the answer form's Save) with the filters folded behind one button; the read-only
 * text shows a caret one line high and a focus that is not a thick frame; no label is cut off.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SEED_IDS } from '../helpers/testServer.ts';
import { dragSelect, openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

async function open(token: string): Promise<Page> {
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token, { width: 1366, height: 768 }));
  return openDocument(context, suite.server.url, DOC);
}

/** Whether the element is wholly inside the window, and is what a click at its middle would reach. */
const inView = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth && (hit === element || element.contains(hit));
  });

describe('the comments column at 1366×768', () => {
  it('shows the composer’s Submit without scrolling, with the filters folded away', async () => {
    const author = await suite.server.person({ role: 'participant' });
    await comment(suite.server, DOC, [0, 1, 2].map((i) => ({ cookie: author.cookie, paragraph: i, from: 0, to: 30, body: `Point ${i + 1}.` })));
    const lena = await suite.server.person({ name: 'Lena Novak', role: 'participant' });
    const page = await open(lena.token);
    const panel = page.getByTestId('threads-panel');
    await panel.getByText('Point 3.').waitFor();

    // Folded by default: one button, no search box or toggles in sight.
    const filters = panel.getByTestId('filters-button');
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.getByTestId('filter-bar').isVisible()).toBe(false);
    expect(await panel.getByLabel('Search comments').isVisible()).toBe(false);

    await dragSelect(page, 4, 0, 48);
    await page.getByTestId('comment-float').getByRole('button').click();
    const composer = page.getByTestId('composer');
    await composer.getByLabel('Comment', { exact: true }).fill('Consider adding a sentence on peer workers.');
    const submit = composer.getByRole('button', { name: 'Submit comment' });
    expect(await inView(submit)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(0);
    expect(await panel.locator('.threads-panel__body').evaluate((body) => body.scrollTop)).toBe(0);
    await submit.click();
    // The new card: the composer may still hold the words until the answer to its request arrives.
    await panel.getByTestId('thread-list').getByText('Consider adding a sentence on peer workers.').waitFor();

    // Opened, the filters take the focus in their search box; what is in use is counted on the button.
    await filters.click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('placeholder') === 'Search comments');
    await panel.getByRole('button', { name: 'Not yet answered' }).click();
    await panel.getByLabel('Search comments').fill('Point');
    await filters.click();
    expect(await panel.getByTestId('filter-bar').isVisible()).toBe(false);
    expect(await filters.textContent()).toBe('Filters2 in use');
    await panel.getByText('Showing 3 comments of 4').waitFor();
    await panel.getByRole('button', { name: 'Show all' }).click();
    expect(await filters.textContent()).toBe('Filters');
  });

  it('keeps the working group’s Save answer in view on an open comment', async () => {
    const author = await suite.server.person({ role: 'participant' });
    await comment(suite.server, DOC, [
      { cookie: author.cookie, paragraph: 0, from: 0, to: 19, body: 'Say what it concerns.', proposedText: 'Drug policy concerns' },
      { cookie: author.cookie, paragraph: 1, from: 0, to: 30, body: 'Another point.' },
    ]);
    await suite.server.setPhase(DOC, 'revision');
    const maria = await suite.server.person({ role: 'working-group' });
    const page = await open(maria.token);
    const card = page.getByTestId('thread-card').filter({ hasText: 'Say what it concerns.' });
    await card.click();
    const form = card.getByTestId('disposition-form');
    await form.waitFor();
    await expect.poll(() => inView(form.getByRole('button', { name: 'Save answer' }))).toBe(true);
    expect(await inView(form.getByLabel('Response'))).toBe(true);
  });
});

describe('the read-only text', () => {
  it('shows a caret one line high and a thin focus line, and names the section in full', async () => {
    const lena = await suite.server.person({ role: 'participant' });
    const page = await open(lena.token);
    const text = page.getByTestId('editor');
    // Tab stops on the text put the caret at the start of the first block in sight.
    await text.focus();
    const caret = page.locator('.reading-caret');
    await expect.poll(() => caret.evaluate((element) => getComputedStyle(element).visibility)).toBe('visible');
    const lineHeight = await text.locator(':scope > p').first().evaluate((p) => Number.parseFloat(getComputedStyle(p).lineHeight));
    const caretHeight = await caret.evaluate((element) => element.getBoundingClientRect().height);
    expect(caretHeight).toBeGreaterThan(10);
    expect(caretHeight).toBeLessThanOrEqual(lineHeight * 1.2);

    // The focus shows on the page's edge, without the thick yellow frame around the whole column.
    const paper = await page.locator('.paper').evaluate((element) => getComputedStyle(element).boxShadow);
    expect(paper).not.toContain('rgb(255, 221, 0)');
    expect(paper).not.toBe('none');

    const where = page.getByTestId('section-bar').locator('.section-bar__where');
    expect(await where.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight)).toBe(true);
  });
});
