/**
 * Undo takes back a word at a time, whether the person types fast or slowly, as word processors do:
 * not a letter at a time (a slow typist under Yjs's default 500 ms grouping) and not a whole sentence.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { clickEndOfParagraph, openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';

const DOCUMENT_ID = SEED_IDS[0];
const suite = browserSuite();

describe('undo', () => {
  it('undoes the last word typed slowly, then the one before', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const { token } = await suite.server.person({ name: 'Jonas Berg', role: 'working-group' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
    const page = await openDocument(context, suite.server.url, DOCUMENT_ID);
    const paragraph = page.getByTestId('editor').locator(':scope > p').nth(0);
    const original = (await paragraph.textContent()) ?? '';

    await clickEndOfParagraph(page, 0);
    // 700 ms between keys: slower than Yjs's default grouping, as many people type.
    await page.keyboard.type(' red fox', { delay: 700 });
    await expect.poll(() => paragraph.textContent()).toBe(`${original} red fox`);

    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraph.textContent()).toBe(`${original} red `);
    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraph.textContent()).toBe(`${original} `);
    // The space typed first, after a pause, was a step of its own.
    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraph.textContent()).toBe(original);
  });
});
