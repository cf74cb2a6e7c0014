/**
 * The working group's side in a real browser: answering a comment and applying its wording while
 * the author watches the answer and the new text arrive; and a queue of comments answered with the
 * keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Thread } from '../../shared/api.ts';
import { SEED_IDS } from '../helpers/testServer.ts';
import { openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

async function open(token: string): Promise<Page> {
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
  return openDocument(context, suite.server.url, DOC);
}

const threads = async (): Promise<Thread[]> => (await suite.server.api('GET', `/api/documents/${DOC}/threads`, { cookie: suite.server.adminCookie })).body;
/** Whether a fieldset's legend lies wholly inside its frame (a legend sits on the top border by default). */
const legendInside = (set: Element) => {
  const legend = set.querySelector('legend');
  return legend !== null && legend.getBoundingClientRect().top >= set.getBoundingClientRect().top + Number.parseFloat(getComputedStyle(set).borderTopWidth);
};
const card = (page: Page, text: string) => page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: text });

describe('answering and applying', () => {
  it('shows the answer and the new wording to the author as they happen', async () => {
    const author = await suite.server.person({ name: 'Lena Novak', role: 'participant', country: 'SI' });
    const [proposal] = await comment(suite.server, DOC, [
      { cookie: author.cookie, paragraph: 0, from: 0, to: 19, kind: 'editorial', body: 'Say what it concerns.', proposedText: 'Drug policy concerns' },
      { cookie: author.cookie, paragraph: 0, from: 20, to: 10, toParagraph: 1, kind: 'editorial', body: 'Merge these paragraphs.', proposedText: 'One paragraph' },
    ]);
    expect(proposal!.quote).toBe('Drug policy touches');
    await suite.server.setPhase(DOC, 'revision');
    const maria = await suite.server.person({ name: 'Maria Rossi', role: 'working-group', country: 'IT' });
    const lena = await open(author.token);
    const wg = await open(maria.token);

    await card(wg, 'Say what it concerns.').click();
    const form = card(wg, 'Say what it concerns.').getByTestId('disposition-form');
    await form.getByLabel('Answer').selectOption('accepted');
    await form.getByLabel('Response').fill('Clearer, thank you.');
    await form.getByRole('button', { name: 'Save answer' }).click();

    // The author sees the answer without reloading.
    await card(lena, 'Say what it concerns.').click();
    const hers = card(lena, 'Say what it concerns.');
    await hers.getByTestId('disposition-response').getByText('Clearer, thank you.').waitFor();
    await hers.getByTestId('status-badge').getByText('Accepted').waitFor();
    await hers.getByTestId('reaction-form').waitFor();
    // Its title sits inside the frame, under the coloured top edge, not written over it.
    expect(await hers.getByTestId('reaction-form').evaluate(legendInside)).toBe(true);

    await form.getByRole('button', { name: 'Apply proposed wording' }).click();
    await form.getByTestId('apply-confirm').getByRole('button', { name: 'Replace the words' }).click();
    // ...and the new words arrive in her text, highlighted as this comment's.
    await lena.getByTestId('editor').locator(`mark[data-thread-id="${proposal!.id}"]`, { hasText: 'Drug policy concerns' }).waitFor();
    await lena.getByTestId('editor').locator('p', { hasText: 'Drug policy concerns public health' }).waitFor();
    await hers.getByTestId('applied-marker').waitFor();
    await hers.getByRole('button', { name: 'I accept this answer' }).click();
    await card(wg, 'Say what it concerns.').getByTestId('author-reaction').getByText('The author accepts this answer.').waitFor();

    // Words that run across paragraphs cannot be replaced: the server's reason is shown in place.
    await card(wg, 'Merge these paragraphs.').click();
    const other = card(wg, 'Merge these paragraphs.');
    await other.getByRole('button', { name: 'Apply proposed wording' }).click();
    await other.getByRole('button', { name: 'Replace the words' }).click();
    await other.getByTestId('apply-error').getByText(/run across paragraphs|deleted/).waitFor();
    expect((await threads()).find((th) => th.body === 'Merge these paragraphs.')?.status).toBe('open');
  });
});

describe('the queue', () => {
  it('lets a working-group member answer comment after comment with the keyboard alone', async () => {
    const author = await suite.server.person({ name: 'Omar Haddad', role: 'participant', country: 'JO' });
    const bodies = ['First point.', 'Second point.', 'Third point.', 'Fourth point.'];
    await comment(
      suite.server,
      DOC,
      bodies.map((body, i) => ({ cookie: author.cookie, paragraph: i + 2, from: 0, to: 25, body })),
    );
    const maria = await suite.server.person({ name: 'Maria Rossi', role: 'working-group', country: 'IT' });
    const page = await open(maria.token);
    await card(page, 'Fourth point.').waitFor();

    // Tab to the page's own skip link, then into the list.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Skip to comments') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('[data-card]'));
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('First point.');

    await page.keyboard.press('Enter');
    for (const [i, body] of bodies.entries()) {
      await page.waitForFunction((text) => {
        const field = document.activeElement;
        return field?.matches('[data-testid=disposition-status]') && field.closest('[data-card]')?.textContent?.includes(text);
      }, body);
      for (let step = 0; step <= i % 3; step++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`Answer ${i + 1}`);
      if (i === 0) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown'); // Assigned to: me
      }
      await page.keyboard.press('Control+Enter');
    }
    await page.getByTestId('announcement').getByText('That was the last comment in this list.').waitFor();

    const answered = await threads();
    expect(answered.map((th) => [th.body, th.status, th.response])).toEqual([
      ['First point.', 'accepted', 'Answer 1'],
      ['Second point.', 'partially-accepted', 'Answer 2'],
      ['Third point.', 'not-accepted', 'Answer 3'],
      ['Fourth point.', 'accepted', 'Answer 4'],
    ]);
    expect(answered[0]!.assigneeId).toBe(maria.person.id);
  });

  it('answers several comments at once from the bulk bar', async () => {
    const author = await suite.server.person({ name: 'Omar Haddad', role: 'participant' });
    await comment(suite.server, DOC, [0, 1, 2].map((i) => ({ cookie: author.cookie, paragraph: i + 2, from: 0, to: 20, body: `Point ${i + 1}.` })));
    const maria = await suite.server.person({ name: 'Maria Rossi', role: 'working-group' });
    const page = await open(maria.token);
    await card(page, 'Point 3.').waitFor();
    await card(page, 'Point 1.').focus();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('2 comments selected').waitFor();
    await bar.getByLabel('Answer').selectOption('noted');
    await bar.getByLabel('Response').fill('Noted for the next revision.');
    await bar.getByRole('button', { name: 'Answer 2 comments' }).click();
    await page.getByTestId('announcement').getByText('2 comments answered.').waitFor();
    expect((await threads()).map((th) => th.status)).toEqual(['noted', 'noted', 'open']);

    await page.getByTestId('filters-button').click();
    await page.getByRole('button', { name: 'Not yet answered' }).click();
    await page.getByText('Showing 1 comment of 3').waitFor();
    expect(await page.getByTestId('thread-card').count()).toBe(1);
  });
});
