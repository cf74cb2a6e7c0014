/**
 * The comment panel for everyone: in French for a French-speaking member (kinds, statuses, the answer
 * form, the composer), named for screen readers (each bulk checkbox by its comment's reference, the
 * highlights by how many comments they carry, others' new comments said politely), and Ctrl+Alt+M
 * putting the focus where the words go. Screenshots of the French panel at laptop and phone size go
 * to tests/.artifacts/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SEED_IDS } from '../helpers/testServer.ts';
import { dragSelect, openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';

const DOC = SEED_IDS[0];
const OUT = path.join(ROOT, 'tests', '.artifacts');
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

async function member(fields: Parameters<typeof suite.server.person>[0], viewport?: { width: number; height: number }): Promise<Page> {
  const made = await suite.server.person(fields);
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, made.token, viewport));
  return openDocument(context, suite.server.url, DOC);
}

const panel = (page: Page) => page.getByTestId('threads-panel');

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}

/** The panel's words that run out of their box (a French word longer than the English one). */
const overflowing = (page: Page) =>
  panel(page).evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('button, label, legend, h2, h3, .status-badge, .kind-badge, .chip, p')]
      .filter((element) => element.offsetParent !== null && !element.closest('.visually-hidden') && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'auto')
      .map((element) => element.textContent),
  );

describe('the comment panel in French', () => {
  it('names kinds, statuses, the answer form and the composer in French, without cutting words short', async () => {
    const author = await suite.server.person({ role: 'participant', name: 'Lena Novak', country: 'SI', stakeholder: 'civil-society' });
    const [technical] = await comment(suite.server, DOC, [
      { cookie: author.cookie, paragraph: 0, from: 0, to: 40, kind: 'technical', body: 'Nommez les ministères concernés.', proposedText: 'La politique en matière de drogues concerne plusieurs ministères' },
      { cookie: author.cookie, paragraph: 1, from: 0, to: 30, kind: 'question', body: 'Qui décide ?' },
    ]);

    const page = await member({ role: 'working-group', name: 'Marie Dubois', country: 'FR', language: 'fr' });
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await panel(page).getByRole('heading', { name: /^Observations/ }).waitFor();
    const card = panel(page).getByTestId('thread-card').filter({ hasText: 'Nommez les ministères concernés.' });
    await card.getByText('Technique', { exact: true }).waitFor();
    await card.getByText('Sans réponse à ce jour', { exact: true }).waitFor();
    await card.getByText('Slovénie', { exact: false }).waitFor();
    await shoot(page, 'threads-fr-1366x768');
    await card.getByRole('checkbox', { name: `Sélectionner ${technical!.ref}` }).check();
    await panel(page).getByTestId('bulk-bar').getByRole('button', { name: 'Donner suite à 1 observation' }).waitFor();
    await panel(page).getByTestId('filters-button').click();
    await panel(page).getByRole('button', { name: 'Sans réponse à ce jour' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await shoot(page, 'threads-fr-1366x768-filters-bulk');
    await panel(page).getByTestId('filters-button').click();
    await panel(page).getByTestId('bulk-bar').getByRole('button', { name: 'Désélectionner tout' }).click();

    await card.click();
    const form = card.getByTestId('disposition-form');
    await form.getByLabel('Suite donnée', { exact: true }).waitFor();
    await form.getByLabel(/^Motivation/).waitFor();
    await form.getByRole('button', { name: 'Enregistrer la suite donnée' }).waitFor();
    const statuses = await form.getByLabel('Suite donnée', { exact: true }).locator('option').allTextContents();
    expect(statuses).toEqual(['Sans réponse à ce jour', 'Acceptée', 'Partiellement acceptée', 'Non retenue', 'Prise en note']);
    await shoot(page, 'threads-fr-1366x768-answer');

    // A participant writing a comment, on a phone.
    const phone = await member({ role: 'participant', name: 'Jean Martin', country: 'BE', language: 'fr' }, { width: 390, height: 844 });
    await dragSelect(phone, 3, 0, 30);
    await phone.keyboard.press('Control+Alt+M');
    const composer = phone.getByTestId('composer');
    await composer.getByRole('heading', { name: 'Nouvelle observation' }).waitFor();
    await composer.getByRole('group', { name: 'Nature de l’observation' }).getByLabel(/^Technique/).waitFor();
    await composer.getByLabel('Observation', { exact: true }).waitFor();
    await composer.getByLabel(/^Libellé proposé/).waitFor();
    await composer.getByRole('button', { name: 'Envoyer l’observation' }).waitFor();
    await shoot(phone, 'threads-fr-390x844-composer');
    expect(await overflowing(phone), 'phone, composer').toEqual([]);
    await phone.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });
    await panel(phone).getByTestId('thread-card').first().click();
    await panel(phone).getByRole('button', { name: 'Soutenir' }).waitFor();
    await shoot(phone, 'threads-fr-390x844-card');

    expect(await overflowing(page), 'laptop').toEqual([]);
    expect(await overflowing(phone), 'phone, a comment open').toEqual([]);
  });
});

describe('the comment panel for screen readers', () => {
  it('names each bulk checkbox by its comment, the highlights by their comments, and is no feed of headings', async () => {
    const author = await suite.server.person({ role: 'participant', name: 'Lena Novak' });
    const made = await comment(suite.server, DOC, [
      { cookie: author.cookie, paragraph: 0, from: 0, to: 40, body: 'First.' },
      { cookie: author.cookie, paragraph: 0, from: 0, to: 60, body: 'Second, on the same words and more.' },
      { cookie: author.cookie, paragraph: 1, from: 0, to: 30, body: 'Third.' },
    ]);
    const page = await member({ role: 'working-group', name: 'Maria Rossi' });
    const checkboxes = panel(page).getByRole('checkbox');
    await expect.poll(() => checkboxes.count()).toBe(3);
    const names = await checkboxes.evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label')));
    expect(names.toSorted()).toEqual(made.map((thread) => `Select ${thread.ref}`).toSorted());

    expect(await page.locator('[role="feed"]').count()).toBe(0);
    const articles = panel(page).getByRole('article');
    expect(await articles.count()).toBe(3);
    expect(await articles.first().getAttribute('aria-setsize')).toBe('3');
    expect(await articles.first().getAttribute('aria-posinset')).toBe('1');

    // Where the words of the first two begin, one name for both; the third's words, one comment.
    const spoken = await page.getByTestId('editor').locator('.thread-mark-name').evaluateAll((widgets) => widgets.map((widget) => getComputedStyle(widget, '::before').content));
    expect(spoken.toSorted()).toEqual(['"commented text, 1 comment"', '"commented text, 2 comments"']);
  });

  it('says politely when someone else comments', async () => {
    const page = await member({ role: 'participant', name: 'Amina Diallo' });
    await panel(page).getByText('No comments yet').waitFor();
    const other = await suite.server.person({ role: 'participant', name: 'Bruno Costa' });
    const [made] = await comment(suite.server, DOC, [{ cookie: other.cookie, paragraph: 1, from: 0, to: 20, body: 'Said by someone else.' }]);
    const live = page.getByTestId('announcement');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await live.getByText(`New comment ${made!.ref} from Bruno Costa.`).waitFor();
  });
});

describe('Ctrl+Alt+M', () => {
  it('puts the focus in the comment box, so the words typed next arrive there', async () => {
    const page = await member({ role: 'participant', name: 'Kenji Sato' });
    await dragSelect(page, 2, 0, 25);
    await page.keyboard.press('Control+Alt+M');
    await page.keyboard.type('Typed at once');
    const box = page.getByTestId('composer').getByLabel('Comment', { exact: true });
    expect(await box.inputValue()).toBe('Typed at once');
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
  });
});
