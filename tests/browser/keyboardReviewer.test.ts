/**
 * A Permanent Correspondent's main flow with the keyboard alone: compare a named version with the
 * current text on the versions page, then sign off in final review, approving with reservations
 * and a statement. No clicks, no focus() or fill() on the app's controls.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { signedInContext } from './browser.ts';
import { expectFocus, focusedName, tabTo } from './keyboard.ts';
import { editText, secretariatContext } from './scenario.ts';
import { browserSuite } from './suite.ts';

const DOCUMENT_ID = SEED_IDS[1];
const ADDED = 'Stigma also reaches the families of people who use drugs.';
const suite = browserSuite();

describe('a Permanent Correspondent, with the keyboard alone', () => {
  it('compares a version with the current text and signs off with reservations', async () => {
    const named = await suite.server.api('POST', `/api/documents/${DOCUMENT_ID}/versions`, { cookie: suite.server.adminCookie, body: { name: 'Consultation draft' } });
    expect(named.status).toBe(201);
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    await editText(suite.server, DOCUMENT_ID, (paragraphs) => {
      const first = paragraphs[0]!.text;
      first.insert(first.length, ` ${ADDED}`);
    });
    await suite.server.setPhase(DOCUMENT_ID, 'final-review');
    const reviewer = await suite.server.person({ name: 'Ana Costa', role: 'reviewer', country: 'PT', stakeholder: 'government' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, reviewer.token));
    const page = await context.newPage();

    // Compare: a closed select takes the first letters of its choice.
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/versions`);
    await page.getByTestId('version-row').filter({ hasText: 'Consultation draft' }).waitFor();
    await tabTo(page, page.getByTestId('compare-from'));
    await page.keyboard.type('Consultation d');
    await tabTo(page, page.getByTestId('compare-to'), 5);
    await page.keyboard.type('Current');
    expect(await page.getByTestId('compare-to').inputValue()).toBe('current');
    await page.getByTestId('compare-summary').getByText('From “Consultation draft” to “Current text”: 1 section changed').waitFor();
    // The redline marks the added words (word by word, so they are joined here).
    expect((await page.getByTestId('compared-section').locator('ins').allTextContents()).join(' ')).toContain(ADDED.split(' ').slice(1).join(' '));
    expect(await focusedName(page), 'after comparing').not.toBe('<body>');

    // Sign off: a decision by arrow keys, a statement, and Enter on the button.
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/review`);
    const form = page.getByTestId('signoff-form');
    await form.getByText('You have not recorded a decision yet.').waitFor();
    await tabTo(page, form.getByRole('radio').first(), 120);
    const reservations = form.getByRole('radio', { name: 'Approve with reservations' });
    await tabTo(page, reservations, 5, 'ArrowDown');
    expect(await reservations.isChecked()).toBe(true);

    // Sent without a statement: the form says why and puts the focus where the words go.
    const record = form.getByRole('button', { name: 'Record my decision' });
    await tabTo(page, record, 10);
    await page.keyboard.press('Enter');
    await form.getByText('Say what your reservations are').waitFor();
    await expectFocus(page, form.getByLabel(/Statement/));
    const statement = 'We approve, but section 2 should name harm reduction.';
    await page.keyboard.type(statement);
    await tabTo(page, record, 10);
    await page.keyboard.press('Enter');
    await form.getByTestId('signoff-status').getByText('Your decision is recorded: Approve with reservations.').waitFor();
    expect(await focusedName(page), 'after recording the decision').not.toBe('<body>');

    const tally = await suite.server.api('GET', `/api/documents/${DOCUMENT_ID}/signoffs`, { cookie: suite.server.adminCookie });
    expect(JSON.stringify(tally.body)).toContain(statement);
  });
});

describe('the Secretariat adopting, with the keyboard alone', () => {
  it('adopts through the confirmation, and the focus is not lost when the Adopt button goes', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'final-review');
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/review`);
    const adopt = page.getByRole('button', { name: 'Adopt the text' });
    await tabTo(page, adopt, 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expectFocus(page, dialog.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(page, adopt);

    await page.keyboard.press('Enter');
    await expectFocus(page, dialog.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Shift+Tab');
    await expectFocus(page, dialog.getByRole('button', { name: 'Adopt and freeze the text' }));
    await page.keyboard.press('Enter');
    await page.getByTestId('adoption').getByText('Adopted').waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page), 'after adopting').not.toBe('<body>');
  });
});
