/**
 * A working-group member's main flow with the keyboard alone: answer a comment with a status and a
 * reason, tick several comments and answer them at once, and apply a proposed wording through its
 * confirmation. No clicks, no focus() or fill() on the app's controls.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Thread } from '../../shared/api.ts';
import { SEED_IDS } from '../helpers/testServer.ts';
import { openDocument, signedInContext } from './browser.ts';
import { expectFocus, focusedName, tabTo } from './keyboard.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

async function member(): Promise<Page> {
  const made = await suite.server.person({ role: 'working-group', name: 'Maria Rossi', country: 'IT' });
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, made.token));
  return openDocument(context, suite.server.url, DOC);
}

const threads = async (): Promise<Thread[]> => (await suite.server.api('GET', `/api/documents/${DOC}/threads`, { cookie: suite.server.adminCookie })).body;
const card = (page: Page, text: string) => page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: text });

/** From the top of the page into the comment list by its skip link, then down the list with j to the card. */
async function toCard(page: Page, text: string): Promise<void> {
  await tabTo(page, page.getByRole('link', { name: 'Skip to comments' }));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('[data-card]'));
  await tabTo(page, card(page, text), 20, 'j');
}

async function author() {
  return suite.server.person({ role: 'participant', name: 'Omar Haddad', country: 'JO' });
}

describe('a working-group member, with the keyboard alone', () => {
  it('answers a comment with a status and a reason', async () => {
    const omar = await author();
    await comment(suite.server, DOC, [
      { cookie: omar.cookie, paragraph: 1, from: 0, to: 25, body: 'First point.' },
      { cookie: omar.cookie, paragraph: 2, from: 0, to: 25, body: 'Second point.' },
    ]);
    const page = await member();
    await toCard(page, 'Second point.');
    await page.keyboard.press('Enter');
    const form = card(page, 'Second point.').getByTestId('disposition-form');
    await expectFocus(page, form.getByTestId('disposition-status'));
    // Open → Accepted → Partially accepted.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Added in section 4.1 instead.');
    await tabTo(page, form.getByRole('button', { name: 'Save answer' }), 5);
    await page.keyboard.press('Enter');

    await expect.poll(async () => (await threads()).map((th) => [th.body, th.status, th.response])).toEqual([
      ['First point.', 'open', null],
      ['Second point.', 'partially-accepted', 'Added in section 4.1 instead.'],
    ]);
    await card(page, 'Second point.').getByTestId('disposition-response').waitFor();
    expect(await focusedName(page), 'after saving an answer').not.toBe('<body>');
  });

  it('ticks several comments with x and answers them together from the bulk bar', async () => {
    const omar = await author();
    await comment(suite.server, DOC, [0, 1, 2].map((i) => ({ cookie: omar.cookie, paragraph: i + 2, from: 0, to: 20, body: `Point ${i + 1}.` })));
    const page = await member();
    await toCard(page, 'Point 1.');
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    const bar = page.getByTestId('bulk-bar');
    await bar.getByText('2 comments selected').waitFor();

    // The bar sits above the list: back to it with Shift+Tab.
    await tabTo(page, bar.getByLabel('Answer'), 20, 'Shift+Tab');
    await page.keyboard.press('ArrowDown'); // Noted → the next status, whatever the list's order
    const chosen = await bar.getByLabel('Answer').inputValue();
    await tabTo(page, bar.getByLabel('Response'), 5);
    await page.keyboard.type('Answered together.');
    await tabTo(page, bar.getByRole('button', { name: 'Answer 2 comments' }), 5);
    await page.keyboard.press('Enter');
    await page.getByTestId('announcement').getByText('2 comments answered.').waitFor();
    expect((await threads()).map((th) => [th.status, th.response])).toEqual([
      [chosen, 'Answered together.'],
      [chosen, 'Answered together.'],
      ['open', null],
    ]);
    expect(await focusedName(page), 'after answering from the bulk bar').not.toBe('<body>');
  });

  it('applies a proposed wording through its confirmation; Escape on the confirmation gives the focus back', async () => {
    const omar = await author();
    const [proposal] = await comment(suite.server, DOC, [
      { cookie: omar.cookie, paragraph: 0, from: 0, to: 19, kind: 'editorial', body: 'Say what it concerns.', proposedText: 'Drug policy concerns' },
    ]);
    await suite.server.setPhase(DOC, 'revision');
    const page = await member();
    await toCard(page, 'Say what it concerns.');
    await page.keyboard.press('Enter');
    const mine = card(page, 'Say what it concerns.');
    const apply = mine.getByRole('button', { name: 'Apply proposed wording' });
    await tabTo(page, apply, 15);
    await page.keyboard.press('Enter');
    const confirmation = mine.getByTestId('apply-confirm');
    await expectFocus(page, confirmation.getByRole('button', { name: 'Replace the words' }));
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'detached' });
    await expectFocus(page, apply);
    // The card is still open: Escape closed only the confirmation.
    await mine.getByTestId('disposition-form').waitFor();

    await page.keyboard.press('Enter');
    await expectFocus(page, confirmation.getByRole('button', { name: 'Replace the words' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('editor').locator(`mark[data-thread-id="${proposal!.id}"]`, { hasText: 'Drug policy concerns' }).waitFor();
    await mine.getByTestId('applied-marker').waitFor();
    expect(await focusedName(page), 'after applying').not.toBe('<body>');
    expect((await threads())[0]!.applied).toBeTruthy();
  });
});
