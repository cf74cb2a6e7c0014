/**
 * Final review in a real browser: a Permanent Correspondent sees what changed between two versions
 * (insertions and deletions, section by section) and signs off with reservations; the Secretariat
 * sees it in the tally and adopts the text.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { editText, secretariatContext } from './scenario.ts';
import { plainText } from '../../server/documents/text.ts';

const DOCUMENT_ID = SEED_IDS[1];
const ADDED = 'Stigma also reaches the families of people who use drugs.';

const suite = browserSuite();

/** A named version, then words added to one paragraph and taken from another, then final review. */
async function revisedText(): Promise<{ deleted: string }> {
  const named = await suite.server.api('POST', `/api/documents/${DOCUMENT_ID}/versions`, { cookie: suite.server.adminCookie, body: { name: 'Consultation draft' } });
  expect(named.status).toBe(201);
  await suite.server.setPhase(DOCUMENT_ID, 'revision');
  let deleted = '';
  await editText(suite.server, DOCUMENT_ID, (paragraphs) => {
    const first = paragraphs[0]!.text;
    first.insert(first.length, ` ${ADDED}`);
    const second = paragraphs[2]!.text;
    deleted = plainText(second).split(' ').slice(0, 4).join(' ');
    second.delete(0, deleted.length);
  });
  await suite.server.setPhase(DOCUMENT_ID, 'final-review');
  return { deleted };
}

describe('final review', () => {
  it('shows a reviewer the changes, takes their sign-off with reservations, and lets the Secretariat adopt', async () => {
    const { deleted } = await revisedText();
    const reviewer = await suite.server.person({ name: 'Ana Costa', role: 'reviewer', country: 'PT', stakeholder: 'government' });
    await suite.server.person({ name: 'Ola Nordmann', role: 'reviewer', country: 'NO', stakeholder: 'government' });

    // Versions & compare: from the named version to the current text.
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, reviewer.token, { width: 768, height: 1024 }));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/versions`);
    await page.getByTestId('version-row').filter({ hasText: 'Consultation draft' }).waitFor();
    // Automatic versions are grouped apart and named by what they hold; every version has a PDF.
    await page.getByText(/^Taken automatically at each phase change \(\d+\)$/).waitFor();
    expect(await page.getByTestId('version-row').filter({ hasText: 'Consultation draft' }).getByRole('link', { name: /as PDF/ }).getAttribute('href')).toMatch(/format=pdf&lang=en$/);
    expect(await page.getByTestId('version-row').filter({ hasText: /^Text as consulted, closed / }).count()).toBe(1);
    await page.getByTestId('compare-from').selectOption({ label: (await page.getByTestId('compare-from').locator('option', { hasText: 'Consultation draft' }).textContent()) ?? '' });
    await page.getByTestId('compare-to').selectOption('current');
    await page.getByTestId('compare-summary').getByText('From “Consultation draft” to “Current text”: 2 sections changed').waitFor();
    const changed = page.getByTestId('compared-section');
    expect(await changed.count()).toBe(2);
    // Word-level diffs may align a repeated word either way; the inserted words are what matter.
    expect((await changed.locator('ins').allTextContents()).join(' ')).toContain(ADDED.split(' ').slice(1).join(' '));
    expect((await changed.locator('del').allTextContents()).join(' ')).toContain(deleted);
    await page.getByLabel('Show unchanged sections').check();
    await expect.poll(() => changed.count()).toBeGreaterThan(10);

    // Final review: the changes since the consultation draft, then the decision.
    await page.getByTestId('document-links').getByRole('link', { name: 'Final review: sign off' }).click();
    const form = page.getByTestId('signoff-form');
    await form.getByText('You have not recorded a decision yet.').waitFor();
    await page.getByTestId('compare-summary').getByText('2 sections changed').waitFor();
    await form.getByRole('button', { name: 'Record my decision' }).click();
    await form.getByText('Choose your decision.').waitFor();
    await form.getByLabel('Approve with reservations').check();
    await form.getByRole('button', { name: 'Record my decision' }).click();
    await form.getByText('Say what your reservations are').waitFor();
    const statement = 'Portugal approves; section 3 must leave room for national law.';
    await form.getByLabel(/Statement/).fill(statement);
    await form.getByRole('button', { name: 'Record my decision' }).click();
    await form.getByTestId('signoff-status').getByText('Your decision is recorded: Approve with reservations.').waitFor();
    await form.getByTestId('signoff-current').getByText('Approve with reservations').waitFor();

    // The Secretariat sees it in the tally, and adopts.
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const tallyPage = await admin.newPage();
    await tallyPage.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/review`);
    const row = tallyPage.getByTestId('tally-row').filter({ hasText: 'Ana Costa' });
    await row.getByText('Approve with reservations').waitFor();
    await row.getByText(statement).waitFor();
    expect(await tallyPage.getByTestId('tally-approve-with-reservations').textContent()).toBe('1approve with reservations');
    expect(await tallyPage.getByTestId('countries-not-signed').textContent()).toContain('Norway');
    await tallyPage.getByRole('button', { name: 'Adopt the text' }).click();
    const dialog = tallyPage.getByRole('dialog');
    await dialog.getByText('freezes the text').waitFor();
    await dialog.getByText('1 Permanent Correspondent has not signed').waitFor();
    await dialog.getByRole('button', { name: 'Adopt and freeze the text' }).click();
    await tallyPage.getByTestId('adoption').getByText('Adopted').waitFor();
    await tallyPage.getByTestId('phase-badge').getByText('Adopted').waitFor();
    const detail = await suite.server.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: suite.server.adminCookie });
    expect(detail.body.phase).toBe('adopted');
    expect(detail.body.adoptedAt).toEqual(expect.any(String));

    // The reviewer's decision is now on the record and can no longer change.
    await page.reload();
    await page.getByTestId('adoption').getByText('Adopted').waitFor();
    await page.getByTestId('signoff-current').getByText('Approve with reservations').waitFor();
    expect(await page.getByTestId('signoff-form').count()).toBe(0);
  });
});
