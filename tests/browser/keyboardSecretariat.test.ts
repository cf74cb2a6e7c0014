/**
 * The Secretariat's main flow with the keyboard alone: invite a person from the people page, change
 * a document's phase. Every dialog on the way: the focus moves into it when it opens, Tab stays
 * inside it, and Escape closes it and gives the focus back to what opened it.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SEED_IDS } from '../helpers/testServer.ts';
import { expectFocus, focusedName, focusInside, tabRound, tabTo } from './keyboard.ts';
import { secretariatContext } from './scenario.ts';
import { browserSuite } from './suite.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

async function secretariat(path: string): Promise<Page> {
  const context = await suite.track(secretariatContext(suite.browser, suite.server));
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`);
  return page;
}

/** Tab and Shift+Tab a whole round and more: the focus never leaves the dialog. */
async function expectTrapped(page: Page, dialog: Locator): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(key);
      expect(await focusInside(dialog), `${key} ${i + 1} went to ${await focusedName(page)}`).toBe(true);
    }
  }
}

describe('the Secretariat, with the keyboard alone', () => {
  it('invites a person, then opens and leaves a person’s dialog with the focus kept in and given back', async () => {
    const page = await secretariat('/people');
    const form = page.getByTestId('invite-form');
    await tabTo(page, form.getByLabel('Full name'));
    await page.keyboard.type('Jonas Berg');
    await page.keyboard.press('Tab');
    await page.keyboard.type('jonas.berg@example.org');
    await tabTo(page, form.getByLabel('Role'), 3);
    // A closed select takes the first letters of its choice, as a person types them.
    await page.keyboard.type('Par');
    await tabTo(page, form.getByLabel('Country'), 3);
    await page.keyboard.type('Sweden');
    await tabTo(page, form.getByLabel('Stakeholder group'), 3);
    await page.keyboard.type('Civil');
    expect([await form.getByLabel('Role').inputValue(), await form.getByLabel('Country').inputValue(), await form.getByLabel('Stakeholder group').inputValue()]).toEqual([
      'participant',
      'SE',
      'civil-society',
    ]);
    await tabTo(page, form.getByRole('button', { name: 'Create invitation' }), 10);
    await page.keyboard.press('Enter');

    const result = page.getByTestId('invite-result');
    await expectFocus(page, result.getByRole('heading', { name: 'Invitation created for Jonas Berg' }));
    const people = (await suite.server.api('GET', '/api/people', { cookie: suite.server.adminCookie })).body as Array<{ name: string; role: string; country: string; stakeholder: string }>;
    expect(people.find((p) => p.name === 'Jonas Berg')).toMatchObject({ role: 'participant', country: 'SE', stakeholder: 'civil-society' });

    // Done puts the notice away; the focus goes on to the form, not onto the page.
    await tabTo(page, result.getByRole('button', { name: 'Done' }), 15);
    await page.keyboard.press('Enter');
    await result.waitFor({ state: 'detached' });
    expect(await focusedName(page), 'after Done').not.toBe('<body>');

    // A dialog from the table: focus in, kept in, and back to its button on Escape.
    const edit = page.getByRole('button', { name: 'Edit the details of Jonas Berg' });
    await tabTo(page, edit, 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await focusInside(dialog), `focus on opening: ${await focusedName(page)}`).toBe(true);
    await expectTrapped(page, dialog);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, edit);

    // The list dialog, opened from the invite panel.
    const bulk = page.getByRole('button', { name: 'Invite a list of people' });
    await tabTo(page, bulk, 150, 'Shift+Tab');
    await page.keyboard.press('Enter');
    const listDialog = page.getByRole('dialog', { name: 'Invite a list of people' });
    await listDialog.waitFor();
    expect(await focusInside(listDialog), `focus on opening: ${await focusedName(page)}`).toBe(true);
    await expectTrapped(page, listDialog);
    await page.keyboard.press('Escape');
    await listDialog.waitFor({ state: 'detached' });
    await expectFocus(page, bulk);
  });

  it('changes the phase through its dialog; Escape leaves it unchanged and gives the focus back', async () => {
    const page = await secretariat(`/documents/${DOC}`);
    await page.getByTestId('editor').locator('p').first().waitFor();
    const select = page.getByTestId('phase-select');
    await tabTo(page, select);
    // Consultation → Revision: the choice only opens the question.
    await page.keyboard.press('ArrowDown');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectFocus(page, dialog.getByRole('button', { name: 'Cancel' }));
    await expectTrapped(page, dialog);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expectFocus(page, select);
    expect(await select.inputValue()).toBe('consultation');
    expect((await suite.server.api('GET', `/api/documents/${DOC}`, { cookie: suite.server.adminCookie })).body.phase).toBe('consultation');

    await page.keyboard.press('ArrowDown');
    await expectFocus(page, dialog.getByRole('button', { name: 'Cancel' }));
    await tabTo(page, dialog.getByTestId('phase-confirm'), 10, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await suite.server.api('GET', `/api/documents/${DOC}`, { cookie: suite.server.adminCookie })).body.phase).toBe('revision');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expectFocus(page, select);
    expect(await select.inputValue()).toBe('revision');
    expect(await tabRound(page, 1)).not.toEqual(['<body>']);
  });

  it('keeps Tab inside the new-document dialog (radios, a file field) and gives the focus back on Escape', async () => {
    const page = await secretariat('/');
    const open = page.getByRole('button', { name: 'New document' });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.waitFor();
    expect(await focusInside(dialog), `focus on opening: ${await focusedName(page)}`).toBe(true);
    await expectTrapped(page, dialog);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, open);
  });
});
