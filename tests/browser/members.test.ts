/**
 * Who takes part in which document, in a real browser: the invitation names the documents, and the
 * Secretariat's Members page adds a person, changes their role on one document, and removes them
 * (after a confirmation), which closes the page they have open on it at once.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const [COOPERATION, STIGMA] = SEED_IDS;
const COOPERATION_TITLE = 'Draft guidance on government cooperation with civil-society organisations in drug policy';
const STIGMA_TITLE = 'Draft guidelines on measures to reduce drug-related stigma';

const suite = browserSuite();

describe('members of a document', () => {
  it('invites into one document, then adds a member (by keyboard), changes their role and removes them', async () => {
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/people`);

    // The invitation: both documents are ticked at first; untick one.
    const form = page.getByTestId('invite-form');
    await form.getByLabel('Full name').fill('Lena Okafor');
    await form.getByLabel('Email address').fill('lena@example.org');
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Participant' });
    await form.getByLabel('Country').selectOption({ label: 'Nigeria' });
    await form.getByLabel('Stakeholder group').selectOption({ label: 'Civil society' });
    const documents = page.getByRole('group', { name: 'Documents' });
    const cooperationBox = documents.getByRole('checkbox', { name: COOPERATION_TITLE });
    const stigmaBox = documents.getByRole('checkbox', { name: STIGMA_TITLE });
    expect(await cooperationBox.isChecked()).toBe(true);
    expect(await stigmaBox.isChecked()).toBe(true);
    await cooperationBox.uncheck();
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const inviteUrl = await page.getByTestId('invite-result').getByTestId('invite-url').inputValue();
    const token = inviteUrl.split('/join/')[1]!;

    // Lena sees only the stigma guidelines.
    const lena = await suite.track(signedInContext(suite.browser, suite.server.url, token));
    const theirs = await lena.newPage();
    await theirs.goto(`${suite.server.url}/`);
    const list = theirs.getByTestId('document-list');
    await list.getByRole('link', { name: STIGMA_TITLE }).waitFor();
    expect(await list.getByRole('link', { name: COOPERATION_TITLE }).count()).toBe(0);
    await theirs.goto(`${suite.server.url}/documents/${COOPERATION}`);
    await theirs.getByRole('heading', { name: /not found/i }).waitFor();

    // The Secretariat adds her to the cooperation guidance, in the working group, by keyboard.
    await page.goto(`${suite.server.url}/documents/${COOPERATION}`);
    await page.getByTestId('document-links').getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    const add = page.getByTestId('add-member-form');
    await add.getByLabel('Person').focus();
    await add.getByLabel('Person').selectOption({ label: 'Lena Okafor (lena@example.org)' });
    await add.getByLabel('Role on this document').selectOption({ label: 'Working group' });
    await add.getByRole('button', { name: 'Add member' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('members-status').getByText('Lena Okafor now takes part as Working group.').waitFor();
    const row = page.getByTestId('member-row').filter({ hasText: 'Lena Okafor' });
    await row.getByText('Working group').waitFor();

    // She can open it now; her role on the other text is unchanged.
    const reading = await openDocument(lena, suite.server.url, COOPERATION);
    const other = await suite.server.api('GET', '/api/documents', { cookie: await cookieOf(lena) });
    expect(other.body.map((d: { id: string; role: string }) => `${d.id} ${d.role}`).toSorted()).toEqual([`${COOPERATION} working-group`, `${STIGMA} participant`]);

    // Change her role on this document through the dialog.
    await row.getByRole('button', { name: 'Change role of Lena Okafor on this document' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Change the role of Lena Okafor on this document' });
    await roleDialog.getByLabel('Role on this document').selectOption({ label: 'Permanent Correspondent' });
    await roleDialog.getByRole('button', { name: 'Save role' }).click();
    await page.getByTestId('members-status').getByText('Lena Okafor is now Permanent Correspondent on this document.').waitFor();

    // The list answers slowly from here on: the removal must not be announced while she is still listed.
    await page.route(/\/api\/documents\/[^/]+\/members$/, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.fulfill({ response });
    });

    // Removal asks first; Cancel has the focus, so Enter alone never removes anyone.
    await row.getByRole('button', { name: 'Remove Lena Okafor from this document' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Lena Okafor from this document?' });
    await confirm.getByText('Their comments and replies stay, under their name.').waitFor();
    expect(await confirm.getByRole('button', { name: 'Cancel' }).evaluate((button) => button === document.activeElement)).toBe(true);
    await confirm.getByRole('button', { name: 'Remove from the document' }).click();
    await page.getByTestId('members-status').getByText('Lena Okafor no longer takes part in this document.').waitFor();
    expect(await page.getByTestId('member-row').filter({ hasText: 'Lena Okafor' }).count()).toBe(0);

    // The page she had open on it closes at once.
    await reading.getByRole('alert').getByText('You no longer have access to this document.', { exact: true }).waitFor();
  });
});

async function cookieOf(context: import('playwright-core').BrowserContext): Promise<string> {
  const [cookie] = await context.cookies();
  return `${cookie!.name}=${cookie!.value}`;
}
