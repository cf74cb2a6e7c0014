/**
 * Applying a proposed wording in a real browser: a confirmation that shows the change first, the new
 * words marked in the text, and Undo, which puts the old words back for every connected editor and
 * the comment back to where it was.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Thread } from '../../shared/api.ts';
import { SEED_IDS } from '../helpers/testServer.ts';
import { openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';
import { connect } from '../helpers/collabClient.ts';
import { paragraphs } from '../helpers/anchors.ts';
import { plainText } from '../../server/documents/text.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

async function open(token: string): Promise<Page> {
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
  return openDocument(context, suite.server.url, DOC);
}

const card = (page: Page, text: string) => page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: text });
const threadById = async (id: string): Promise<Thread> =>
  (await suite.server.api('GET', `/api/documents/${DOC}/threads`, { cookie: suite.server.adminCookie })).body.find((t: Thread) => t.id === id);
/** The paragraph the comments are on (the first long one of the text). */
const firstParagraph = (page: Page) => page.getByTestId('editor').locator(':scope > p', { hasText: 'criminal justice, social welfare' });

describe('applying a proposed wording', () => {
  it('asks first, marks the new words, and undoes for every editor', async () => {
    const author = await suite.server.person({ name: 'Lena Novak', role: 'participant' });
    const [proposal] = await comment(suite.server, DOC, [
      { cookie: author.cookie, paragraph: 0, from: 0, to: 19, kind: 'editorial', body: 'Say what it concerns.', proposedText: 'Drug policy concerns' },
    ]);
    expect(proposal!.quote).toBe('Drug policy touches');
    await suite.server.setPhase(DOC, 'revision');
    const maria = await suite.server.person({ name: 'Maria Rossi', role: 'working-group' });
    const jan = await suite.server.person({ name: 'Jan de Vries', role: 'working-group' });
    const wg = await open(maria.token);
    const other = await open(jan.token);
    const before = await firstParagraph(other).textContent();
    expect(before).toContain('Drug policy touches');

    await card(wg, 'Say what it concerns.').click();
    const mine = card(wg, 'Say what it concerns.');
    await mine.getByRole('button', { name: 'Apply proposed wording' }).click();
    // The confirmation shows the change and has the focus; Escape closes it and changes nothing.
    const confirm = mine.getByTestId('apply-confirm');
    await expect.poll(() => confirm.locator('del').textContent()).toBe('Drug policy touches');
    expect(await confirm.locator('ins').textContent()).toBe('Drug policy concerns');
    await wg.waitForFunction(() => document.activeElement?.textContent === 'Replace the words');
    await wg.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await wg.waitForFunction(() => document.activeElement?.textContent?.startsWith('Apply proposed wording'));
    expect((await threadById(proposal!.id)).status).toBe('open');

    // With the keyboard alone: open the confirmation and confirm.
    await wg.keyboard.press('Enter');
    await wg.waitForFunction(() => document.activeElement?.textContent === 'Replace the words');
    await wg.keyboard.press('Enter');

    // The new words are marked in the text for a moment, and both editors have them.
    await wg.locator(`.applied-mark[data-applied-thread="${proposal!.id}"]`, { hasText: 'Drug policy concerns' }).waitFor();
    await firstParagraph(other).getByText('Drug policy concerns public health', { exact: false }).waitFor();
    await mine.getByTestId('applied-marker').waitFor();
    expect((await threadById(proposal!.id)).status).toBe('accepted');

    // Undo from the message at the bottom of the screen.
    const toast = wg.getByTestId('undo-toast');
    await toast.getByText(`The proposed wording of ${proposal!.ref} is now in the text.`).waitFor();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await toast.waitFor({ state: 'detached' });
    await wg.getByTestId('announcement').getByText(`The old words are back in the text; comment ${proposal!.ref}: it is not answered again.`).waitFor();
    await expect.poll(() => firstParagraph(wg).textContent()).toBe(before);
    // The other editor sees the undo too, without reloading.
    await expect.poll(() => firstParagraph(other).textContent()).toBe(before);
    await card(other, 'Say what it concerns.').getByTestId('status-badge').getByText('Not yet answered').waitFor();
    await mine.getByTestId('applied-marker').waitFor({ state: 'detached' });
    expect(await threadById(proposal!.id)).toMatchObject({ status: 'open', applied: null, quote: 'Drug policy touches' });
    await mine.getByRole('button', { name: 'Apply proposed wording' }).waitFor();
  });

  it('refuses the undo, with the reason, once the applied words were edited', async () => {
    const author = await suite.server.person({ role: 'participant' });
    const [proposal] = await comment(suite.server, DOC, [{ cookie: author.cookie, paragraph: 0, from: 0, to: 19, body: 'Reword.', proposedText: 'Drug policy concerns' }]);
    await suite.server.setPhase(DOC, 'revision');
    const maria = await suite.server.person({ role: 'working-group' });
    const wg = await open(maria.token);
    expect((await suite.server.api('POST', `/api/threads/${proposal!.id}/apply`, { cookie: maria.cookie, body: {} })).status).toBe(200);
    const applied = firstParagraph(wg).getByText('Drug policy concerns', { exact: false });
    await applied.waitFor();
    // Another editor changes the applied words.
    const editor = connect(suite.server.wsUrl, DOC, maria.cookie);
    try {
      await editor.synced;
      const text = paragraphs(editor.doc)[0]!.text;
      text.insert(plainText(text).indexOf('concerns'), 'mainly ');
      await firstParagraph(wg).getByText('Drug policy mainly concerns', { exact: false }).waitFor();
    } finally {
      editor.destroy();
    }
    await expect.poll(async () => (await threadById(proposal!.id)).quote).toBe('Drug policy mainly concerns');

    await card(wg, 'Reword.').click();
    await card(wg, 'Reword.').getByTestId('undo-apply').click();
    await card(wg, 'Reword.').getByTestId('undo-apply-error').getByText(/changed in the text since/).waitFor();
    expect((await threadById(proposal!.id)).status).toBe('accepted');
  });
});
