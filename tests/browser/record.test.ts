/**
 * The record in the browser: references on the cards, a link that opens the document at a comment,
 * comments on the introduction (section "0"), one's own replies changed and withdrawn, comments
 * entered for someone who sent them by e-mail, and the Secretariat moving the deadline.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Thread } from '../../shared/api.ts';
import { SEED_IDS } from '../helpers/testServer.ts';
import { dragSelect, openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { comment } from './threadFixtures.ts';
import { ADMIN_TOKEN } from '../helpers/testServer.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite();

async function pageFor(token: string, path = `/documents/${DOC}`): Promise<Page> {
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
  if (path === `/documents/${DOC}`) return openDocument(context, suite.server.url, DOC);
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`);
  return page;
}

const threads = async (): Promise<Thread[]> => (await suite.server.api('GET', `/api/documents/${DOC}/threads`, { cookie: suite.server.adminCookie })).body;
const card = (page: Page, text: string) => page.getByTestId('threads-panel').getByTestId('thread-card').filter({ hasText: text });

it('comments on the introduction, shows the reference, and opens a linked comment', async () => {
  const { token, cookie } = await suite.server.person({ name: 'Lena Novak', country: 'SI' });
  await comment(suite.server, DOC, [
    { cookie, paragraph: 0, body: 'First, in section 1.' },
    { cookie, paragraph: 12, body: 'Second, further down.' },
  ]);
  const page = await pageFor(token);
  // Paragraph 0 of the editor is the introduction, before the first heading.
  await dragSelect(page, 0, 0, 24);
  await page.getByTestId('comment-float').getByRole('button', { name: /Comment/ }).click();
  const composer = page.getByTestId('composer');
  await composer.getByText('0 Introduction').waitFor();
  await composer.getByLabel('Comment', { exact: true }).fill('Say which seminar.');
  await composer.getByRole('button', { name: 'Submit comment' }).click();
  await card(page, 'Say which seminar.').getByTestId('thread-ref').getByText('SI-003').waitFor();
  expect((await threads()).find((t) => t.body === 'Say which seminar.')).toMatchObject({ sectionId: 'preamble', ref: 'SI-003' });

  const linked = await pageFor(token, `/documents/${DOC}?thread=SI-002`);
  const opened = card(linked, 'Second, further down.');
  await opened.and(linked.locator('[aria-current="true"]')).waitFor();
  expect(await opened.getByTestId('thread-link').getAttribute('href')).toBe(`/documents/${DOC}?thread=SI-002`);
});

it('lets the author of a reply change it and withdraw it', async () => {
  const author = await suite.server.person({ name: 'Author' });
  const replier = await suite.server.person({ name: 'Replier' });
  const [thread] = await comment(suite.server, DOC, [{ cookie: author.cookie, paragraph: 1, body: 'Why this wording?' }]);
  await suite.server.api('POST', `/api/threads/${thread!.id}/replies`, { cookie: replier.cookie, body: { body: 'Because of the treaty.' } });
  const page = await pageFor(replier.token);
  await card(page, 'Why this wording?').click();
  // The only reply (its text gives way to the edit box while it is edited).
  const reply = page.getByTestId('reply').first();
  await reply.getByText('Because of the treaty.').waitFor();
  await reply.getByRole('button', { name: 'Edit reply' }).click();
  await reply.getByTestId('reply-edit-body').fill('Because of the 1961 treaty.');
  await reply.getByRole('button', { name: 'Save reply' }).click();
  await page.getByTestId('reply').filter({ hasText: 'Because of the 1961 treaty.' }).waitFor();
  expect((await threads())[0]!.replies.map((r) => r.body)).toEqual(['Because of the 1961 treaty.']);
  const changed = page.getByTestId('reply').filter({ hasText: 'Because of the 1961 treaty.' });
  await changed.getByRole('button', { name: 'Withdraw reply' }).click();
  await changed.getByRole('button', { name: 'Withdraw reply' }).click();
  await changed.waitFor({ state: 'detached' });
  expect((await threads())[0]!.replies).toEqual([]);
});

it('lets the Secretariat enter a comment for a person who sent it by e-mail, and move the deadline', async () => {
  await suite.server.person({ name: 'Amal Haddad', country: 'JO', organisation: 'Ministry of Health' });
  const page = await pageFor(ADMIN_TOKEN);
  await dragSelect(page, 2, 0, 30);
  await page.getByTestId('comment-float').getByRole('button', { name: /Comment/ }).click();
  const composer = page.getByTestId('composer');
  await composer.getByTestId('composer-behalf').selectOption({ label: 'Amal Haddad · JO · Ministry of Health' });
  await composer.getByTestId('composer-received').fill('2025-05-04');
  await composer.getByLabel('Comment', { exact: true }).fill('Received by e-mail.');
  await composer.getByRole('button', { name: 'Submit comment' }).click();
  await card(page, 'Received by e-mail.').getByTestId('thread-received').waitFor();
  expect((await threads())[0]).toMatchObject({ ref: 'JO-001', author: { name: 'Amal Haddad' }, received: { at: '2025-05-04T00:00:00.000Z', enteredBy: 'Secretariat' } });

  await page.getByTestId('change-deadline').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('deadline-day').fill('2020-01-01');
  await dialog.getByRole('button', { name: 'Change deadline' }).click();
  await dialog.getByText('The new deadline must be in the future.').waitFor();
  await dialog.getByTestId('deadline-day').fill('2031-06-30');
  await dialog.getByRole('button', { name: 'Change deadline' }).click();
  await page.getByTestId('deadline').getByText(/30 June 2031|30 Jun 2031/).waitFor();
  const detail = (await suite.server.api('GET', `/api/documents/${DOC}`, { cookie: suite.server.adminCookie })).body;
  // The last minute of 30 June in Brussels (the browser's time zone), summer time.
  expect(detail).toMatchObject({ phase: 'consultation', deadline: '2031-06-30T21:59:59.000Z' });
});
