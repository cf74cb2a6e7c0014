/**
 * A participant's main flow with the keyboard alone: select words in the (read-only) text with
 * Shift and the arrows, comment on them with a kind chosen by arrow keys, reply to a comment and
 * endorse one. No clicks, no focus() or fill() on the app's controls: Tab, arrows, Enter, Space, typing.
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

async function participant(name: string): Promise<{ page: Page; id: string }> {
  const made = await suite.server.person({ role: 'participant', name, country: 'SI' });
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, made.token));
  return { page: await openDocument(context, suite.server.url, DOC), id: made.person.id };
}

const threads = async (): Promise<Thread[]> => (await suite.server.api('GET', `/api/documents/${DOC}/threads`, { cookie: suite.server.adminCookie })).body;
const card = (page: Page, text: string) => page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: text });

describe('a participant, with the keyboard alone', () => {
  it('selects words in the text, comments on them with a kind, and sends', async () => {
    const { page } = await participant('Lena Novak');
    const text = page.getByTestId('editor');
    await tabTo(page, text);
    // Three words from the caret, with Ctrl+Shift+Right.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    const selected = await page.evaluate(() => document.getSelection()?.toString().trim() ?? '');
    expect(selected.split(/\s+/)).toHaveLength(3);

    // The Comment button beside the words is the next tab stop; Enter on it puts the focus in the comment box.
    await page.keyboard.press('Tab');
    await expectFocus(page, page.getByTestId('comment-float').getByRole('button'));
    await page.keyboard.press('Enter');
    const composer = page.getByTestId('composer');
    await expectFocus(page, composer.getByLabel('Comment', { exact: true }));
    await page.keyboard.type('Name the ministries concerned.');

    // The kinds are a radio group: Shift+Tab back to it, an arrow to the next kind.
    const kinds = composer.getByRole('radio');
    await tabTo(page, kinds.and(page.locator(':checked')), 10, 'Shift+Tab');
    const before = await kinds.and(page.locator(':checked')).getAttribute('value');
    await page.keyboard.press('ArrowRight');
    const kind = await kinds.and(page.locator(':checked')).getAttribute('value');
    expect(kind).not.toBe(before);

    await tabTo(page, composer.getByRole('button', { name: 'Submit comment' }), 10);
    await page.keyboard.press('Enter');
    await composer.waitFor({ state: 'detached' });
    await expect.poll(async () => (await threads()).map((th) => [th.body, th.kind, th.quote])).toEqual([['Name the ministries concerned.', kind, selected]]);
    // The focus is somewhere a person can go on from, not lost on the page.
    expect(await focusedName(page)).not.toBe('<body>');
  });

  it('comments with Ctrl+Alt+M after selecting words, and Escape on an empty box gives the text back', async () => {
    const { page } = await participant('Kenji Sato');
    const text = page.getByTestId('editor');
    await tabTo(page, text);
    await page.keyboard.press('Control+ArrowDown');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Alt+M');
    const composer = page.getByTestId('composer');
    await expectFocus(page, composer.getByLabel('Comment', { exact: true }));
    await page.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });
    await expectFocus(page, text);

    // Words again, from where the caret came back.
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Alt+M');
    await expectFocus(page, composer.getByLabel('Comment', { exact: true }));
    await page.keyboard.type('Sent with Ctrl+Enter.');
    await page.keyboard.press('Control+Enter');
    await composer.waitFor({ state: 'detached' });
    await expect.poll(async () => (await threads()).map((th) => th.body)).toEqual(['Sent with Ctrl+Enter.']);
  });

  it('replies to a comment and endorses it', async () => {
    const author = await suite.server.person({ role: 'participant', name: 'Omar Haddad', country: 'JO' });
    const [made] = await comment(suite.server, DOC, [{ cookie: author.cookie, paragraph: 1, from: 0, to: 30, body: 'Add peer-led outreach.' }]);
    const { page, id } = await participant('Amina Diallo');

    // Into the list by its skip link, then Enter opens the comment.
    await tabTo(page, page.getByRole('link', { name: 'Skip to comments' }));
    await page.keyboard.press('Enter');
    const mine = card(page, 'Add peer-led outreach.');
    await expectFocus(page, mine);
    await page.keyboard.press('Enter');

    const reply = mine.getByLabel('Reply', { exact: true });
    await tabTo(page, reply, 30);
    await page.keyboard.type('Yes, and name the services.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // In the list of replies (the box may still hold the words for a moment after the reply arrives).
    await mine.getByTestId('reply').getByText('Yes, and name the services.').waitFor();
    expect(await focusedName(page), 'after sending a reply').not.toBe('<body>');

    const endorse = mine.getByRole('button', { name: 'Endorse' });
    await tabTo(page, endorse, 30, 'Shift+Tab');
    await page.keyboard.press('Space');
    await mine.getByRole('button', { name: 'Endorsed' }).waitFor();
    // The button stays where the keyboard was, to take the endorsement back with the same key.
    await expectFocus(page, mine.getByRole('button', { name: 'Endorsed' }));

    const [after] = await threads();
    expect(after!.id).toBe(made!.id);
    expect(after!.replies.map((r) => r.body)).toEqual(['Yes, and name the services.']);
    expect(after!.endorsements).toEqual([id]);
  });
});
