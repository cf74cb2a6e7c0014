/**
 * A button pressed with the keyboard keeps the focus while its request runs: it says it is busy with
 * aria-disabled instead of becoming disabled, which would drop the focus onto the page (WCAG 2.4.3).
 * The request is held on its way to the real server until the button has been checked, then let go.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SEED_IDS } from '../helpers/testServer.ts';
import { dragSelect, openDocument, signedInContext } from './browser.ts';
import { secretariatContext } from './scenario.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite();

async function open(token: string): Promise<Page> {
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
  return openDocument(context, suite.server.url, DOC);
}

const card = (page: Page, text: string) => page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: text });

/**
 * Presses Enter on the button and, while the request it sends (method and path) is held, checks that
 * the button still has the focus and says it is busy. Lets the request go and returns once answered.
 */
async function pressWhileHeld(page: Page, button: Locator, method: string, path: RegExp): Promise<void> {
  let arrived!: () => void;
  const seen = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const matches = (url: URL) => path.test(url.pathname);
  await page.route(matches, async (route) => {
    if (route.request().method() !== method) return route.fallback();
    arrived();
    await gate;
    await route.continue();
  });
  const answered = page.waitForResponse((response) => response.request().method() === method && path.test(new URL(response.url()).pathname));
  // The element itself: its words change while it is busy ("Sending…"), so the locator would lose it.
  const element = (await button.elementHandle())!;
  await element.focus();
  await page.keyboard.press('Enter');
  await seen;
  const state = await element.evaluate((pressed) => ({
    focused: pressed === document.activeElement,
    ariaDisabled: pressed.getAttribute('aria-disabled'),
    disabled: (pressed as HTMLButtonElement).disabled,
  }));
  release();
  expect(state).toEqual({ focused: true, ariaDisabled: 'true', disabled: false });
  expect((await answered).status()).toBeLessThan(300);
  await page.unroute(matches);
}

describe('a busy button keeps the keyboard focus', () => {
  it('on the comment composer, a reply being changed or withdrawn, and the author’s reaction', async () => {
    const author = await suite.server.person({ name: 'Lena Novak', role: 'participant' });
    const [thread] = await comment(suite.server, DOC, [{ cookie: author.cookie, paragraph: 1, body: 'Why this wording?' }]);
    await suite.server.api('POST', `/api/threads/${thread!.id}/replies`, { cookie: author.cookie, body: { body: 'Because of the treaty.' } });
    const page = await open(author.token);

    await dragSelect(page, 0, 0, 24);
    await page.getByTestId('comment-float').getByRole('button', { name: /Comment/ }).click();
    const composer = page.getByTestId('composer');
    await composer.getByLabel('Comment', { exact: true }).fill('Say which seminar.');
    await pressWhileHeld(page, composer.getByRole('button', { name: 'Submit comment' }), 'POST', /\/api\/documents\/[^/]+\/threads$/);
    await card(page, 'Say which seminar.').waitFor();

    await card(page, 'Why this wording?').click();
    const reply = page.getByTestId('reply').first();
    await reply.getByRole('button', { name: 'Edit reply' }).click();
    await reply.getByTestId('reply-edit-body').fill('Because of the 1961 treaty.');
    await pressWhileHeld(page, reply.getByRole('button', { name: 'Save reply' }), 'PATCH', /\/replies\//);
    const changed = page.getByTestId('reply').filter({ hasText: 'Because of the 1961 treaty.' });
    await changed.getByRole('button', { name: 'Withdraw reply' }).click();
    await pressWhileHeld(page, changed.getByRole('button', { name: 'Withdraw reply' }), 'DELETE', /\/replies\//);
    await changed.waitFor({ state: 'detached' });

    // The working group answers; the author reacts.
    await suite.server.setPhase(DOC, 'revision');
    const answered = await suite.server.api('PATCH', `/api/threads/${thread!.id}`, { cookie: suite.server.adminCookie, body: { status: 'noted', response: 'Noted.' } });
    expect(answered.status).toBe(200);
    const reaction = card(page, 'Why this wording?').getByTestId('reaction-form');
    await pressWhileHeld(page, reaction.getByRole('button', { name: 'I accept this answer' }), 'POST', /\/reaction$/);
    await reaction.waitFor({ state: 'detached' });
  });

  it('on Undo after an apply, and on a confirmation dialog', async () => {
    const author = await suite.server.person({ role: 'participant' });
    const [proposal] = await comment(suite.server, DOC, [{ cookie: author.cookie, paragraph: 0, from: 0, to: 19, body: 'Reword.', proposedText: 'Drug policy concerns' }]);
    await suite.server.setPhase(DOC, 'revision');
    const maria = await suite.server.person({ role: 'working-group' });
    expect((await suite.server.api('POST', `/api/threads/${proposal!.id}/apply`, { cookie: maria.cookie, body: {} })).status).toBe(200);
    const wg = await open(maria.token);
    await card(wg, 'Reword.').click();
    const undo = card(wg, 'Reword.').getByTestId('undo-apply');
    await pressWhileHeld(wg, undo, 'DELETE', /\/apply$/);
    await undo.waitFor({ state: 'detached' });

    // Restoring a version asks first (ConfirmDialog).
    const secretariat = await suite.track(secretariatContext(suite.browser, suite.server));
    const versions = await secretariat.newPage();
    await versions.goto(`${suite.server.url}/documents/${DOC}/versions`);
    await versions.getByRole('button', { name: /^Restore “/ }).first().click();
    const dialog = versions.getByRole('dialog');
    await pressWhileHeld(versions, dialog.getByRole('button', { name: 'Restore this version' }), 'POST', /\/restore$/);
    await dialog.waitFor({ state: 'detached' });
  });
});
