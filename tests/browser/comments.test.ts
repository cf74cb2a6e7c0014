/**
 * Commenting in a real browser against the real server: a participant selects words with the mouse
 * and comments, another sees it live and answers; the same flow with the keyboard alone; and a
 * read-only text that typing and pasting cannot change.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Thread } from '../../shared/api.ts';
import { connect, waitFor, type CollabClient } from '../helpers/collabClient.ts';
import { SEED_IDS, type TestServer } from '../helpers/testServer.ts';
import { dragSelect, openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment, serverText } from './threadFixtures.ts';

const DOC = SEED_IDS[0];
let clients: CollabClient[] = [];
const suite = browserSuite({
  beforeEachTest: (server) => server.setPhase(DOC, 'consultation'),
  afterEachTest: () => {
    clients.forEach((c) => c.destroy());
    clients = [];
  },
});

async function participant(fields: Parameters<TestServer['person']>[0]) {
  const made = await suite.server.person({ role: 'participant', ...fields });
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, made.token));
  const page = await openDocument(context, suite.server.url, DOC);
  return { ...made, page };
}

const threads = async (): Promise<Thread[]> => (await suite.server.api('GET', `/api/documents/${DOC}/threads`, { cookie: suite.server.adminCookie })).body;
const panel = (page: Page) => page.getByTestId('threads-panel');
const card = (page: Page, text: string) => panel(page).getByTestId('thread-card').filter({ hasText: text });

describe('commenting with the mouse', () => {
  it('shows a new comment, its reply and endorsement live to everyone', async () => {
    const amina = await participant({ name: 'Amina Diallo', country: 'SN', organisation: 'Réseau Santé', stakeholder: 'civil-society' });
    const bruno = await participant({ name: 'Bruno Costa', country: 'PT', organisation: 'Ministry of Health', stakeholder: 'government' });

    const words = await dragSelect(amina.page, 2, 0, 40);
    await amina.page.getByTestId('comment-float').getByRole('button', { name: /Comment/ }).click();
    const composer = amina.page.getByTestId('composer');
    await composer.locator('q').getByText(words.trim()).waitFor();
    await composer.getByLabel(/Technical/).check();
    await composer.getByLabel('Comment', { exact: true }).fill('Name the ministries concerned.');
    const proposal = composer.getByLabel(/Proposed wording/);
    expect(await proposal.inputValue()).toBe(words.trim());
    await proposal.fill('Drug policy concerns health, justice and social ministries');
    await composer.getByRole('button', { name: 'Submit comment' }).click();
    await card(amina.page, 'Name the ministries concerned.').waitFor();

    const [thread] = await threads();
    expect(thread).toMatchObject({ kind: 'technical', quote: words.trim(), proposedText: 'Drug policy concerns health, justice and social ministries' });

    // Bruno sees the highlight and the comment without reloading, and opens it from the text.
    const highlight = bruno.page.locator(`mark[data-thread-id="${thread!.id}"]`);
    await highlight.first().waitFor();
    expect((await highlight.allTextContents()).join('')).toBe(words.trim());
    await highlight.first().click();
    const seen = card(bruno.page, 'Name the ministries concerned.');
    await seen.getByText('Amina Diallo', { exact: true }).waitFor();
    await seen.getByText('Réseau Santé · Senegal · Civil society').waitFor();
    await seen.getByLabel('Reply').fill('Agreed, and add the interior ministry.');
    await seen.getByRole('button', { name: 'Send reply' }).click();
    await seen.getByRole('button', { name: 'Endorse' }).click();
    await seen.getByRole('button', { name: 'Endorsed' }).waitFor();

    // Amina sees both at once.
    const hers = card(amina.page, 'Name the ministries concerned.');
    await hers.getByText('Agreed, and add the interior ministry.').waitFor();
    await hers.getByText('1 endorsement').waitFor();
    // Her own comment offers no Endorse button.
    expect(await hers.getByRole('button', { name: 'Endorse' }).count()).toBe(0);
  });
});

describe('commenting with the keyboard alone', () => {
  it('selects with Shift+arrows, opens the composer with Ctrl+Alt+M, types at once and sends with Enter', async () => {
    const { page, person } = await participant({ name: 'Kenji Sato', country: 'JP' });
    // Into the text through the skip link, then down to the first paragraph of a section.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the text');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'document-text');
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+ArrowDown');
    const caretIn = () =>
      page.evaluate(() => {
        const node = document.getSelection()?.focusNode;
        return (node instanceof Element ? node : node?.parentElement)?.closest('#document-text > *')?.textContent ?? '';
      });
    await expect(caretIn()).resolves.toMatch(/^Drug policy touches/);
    for (let i = 0; i < 'Drug policy touches'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '');
    expect(selected).toBe('Drug policy touches');

    // The shortcut puts the focus in the comment's box: the words typed at once land there.
    await page.keyboard.press('Control+Alt+M');
    await page.keyboard.type('Which fields does this cover?');
    const composer = page.getByTestId('composer');
    expect(await composer.getByLabel('Comment', { exact: true }).inputValue()).toBe('Which fields does this cover?');
    // The kind is just before it.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown'); // General → Technical
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Drug policy concerns');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Submit comment');
    await page.keyboard.press('Enter');

    await card(page, 'Which fields does this cover?').waitFor();
    await page.getByTestId('announcement').getByText('Your comment was posted.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'document-text');
    const [thread] = await threads();
    expect(thread).toMatchObject({ kind: 'technical', quote: 'Drug policy touches', proposedText: 'Drug policy concerns', author: { id: person.id } });
    // Nothing is left in the composer, and nothing waits in storage for the next visit.
    expect(await composer.count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('accord:comment-draft')).length)).toBe(0);
  });

  it('keeps a draft through a reload until it is sent', async () => {
    const { page } = await participant({ name: 'Kenji Sato' });
    await dragSelect(page, 3, 5, 30);
    await page.keyboard.press('Control+Alt+M');
    await page.getByTestId('composer').getByLabel('Comment', { exact: true }).fill('Half-written thought');
    await page.reload();
    const composer = page.getByTestId('composer');
    await composer.waitFor();
    expect(await composer.getByLabel('Comment', { exact: true }).inputValue()).toBe('Half-written thought');
  });
});

describe('live updates', () => {
  it('catches up on what was said while the connection was down', async () => {
    const { page } = await participant({ name: 'Amina Diallo' });
    const other = await suite.server.person({ role: 'participant', name: 'Bruno Costa' });
    await page.getByTestId('threads-panel').getByText('No comments yet').waitFor();
    await page.context().setOffline(true);
    await comment(suite.server, DOC, [{ cookie: other.cookie, paragraph: 1, from: 0, to: 20, body: 'Said while you were away.' }]);
    await page.context().setOffline(false);
    await card(page, 'Said while you were away.').waitFor();
    await page.locator('mark[data-thread-id]').first().waitFor();
    expect(await page.locator('mark[data-thread-id]').count()).toBeGreaterThan(0);
  });
});

describe('a read-only text', () => {
  it('changes nothing when a participant types, deletes or pastes into it', async () => {
    const { page, person } = await participant({ name: 'Lucía Fernández' });
    const reader = connect(suite.server.wsUrl, DOC, suite.server.adminCookie);
    clients.push(reader);
    await reader.synced;
    const before = await serverText(suite.server, DOC);
    const paragraph = page.getByTestId('editor').locator(':scope > p').nth(3);
    const shown = await paragraph.textContent();

    await context(page).grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('PASTED WORDS'));
    await paragraph.click();
    await page.keyboard.type('typed words');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Control+X');

    // A barrier: once the server relays a selection made after the keys, it has read everything sent before it.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    await waitFor(() =>
      [...reader.provider.awareness.getStates().values()].some((state) => {
        const user = state.user as { id?: string } | undefined;
        const cursor = state.cursor as { anchor: unknown; head: unknown } | null | undefined;
        return user?.id === person.id && cursor != null && JSON.stringify(cursor.anchor) !== JSON.stringify(cursor.head);
      }),
    );
    expect(await serverText(suite.server, DOC)).toBe(before);
    expect(reader.doc.getXmlFragment('default').toString()).toBe(before);
    expect(await paragraph.textContent()).toBe(shown);
    expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
  });
});

const context = (page: Page) => page.context();
