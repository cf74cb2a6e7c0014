/**
 * The Secretariat's pages in a real browser against the real server: inviting someone and handing
 * them their link, ending their access, and the consolidated feedback report with its downloads.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext, seedComments } from './scenario.ts';

const DOCUMENT_ID = SEED_IDS[0];

const suite = browserSuite();

describe('people', () => {
  it('invites a participant who signs in with the copied link, and deactivating them signs them out', async () => {
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();

    const form = page.getByTestId('invite-form');
    await form.getByRole('button', { name: 'Create invitation' }).click();
    await form.getByText('Enter the person’s full name.').waitFor();
    await form.getByLabel('Full name').fill('Nadia Rahman');
    await form.getByLabel('Email address').fill('not-an-email');
    await form.getByLabel('Role').selectOption({ label: 'Participant' });
    await form.getByLabel('Country').selectOption({ label: 'Bangladesh' });
    await form.getByLabel('Stakeholder group').selectOption({ label: 'Civil society' });
    await form.getByLabel(/Organisation/).fill('Drug Users Network Dhaka');
    await form.getByRole('button', { name: 'Create invitation' }).click();
    await form.getByText('Enter an email address like name@example.org.').waitFor();
    await form.getByLabel('Email address').fill('nadia@example.org');
    await form.getByRole('button', { name: 'Create invitation' }).click();

    const result = page.getByTestId('invite-result');
    await result.getByText('shown only once').waitFor();
    await result.getByRole('button', { name: 'Copy' }).click();
    await result.getByText('Copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await result.getByTestId('invite-url').inputValue());
    expect(copied).toMatch(new RegExp(`^${suite.server.url}/join/[\\w-]{20,}$`));
    const row = page.getByTestId('person-row').filter({ hasText: 'Nadia Rahman' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Participant.*Bangladesh.*Drug Users Network Dhaka.*Civil society.*Active/);

    // The participant opens the link in their own browser.
    const participant = await suite.track(suite.browser.newContext({ viewport: { width: 768, height: 1024 } }));
    const theirs = await participant.newPage();
    await theirs.goto(copied);
    await theirs.getByRole('heading', { name: 'Documents' }).waitFor();
    await theirs.getByText('Nadia Rahman').waitFor();
    expect(await theirs.getByRole('link', { name: 'People' }).count()).toBe(0);
    const reading = await openDocument(participant, suite.server.url, DOCUMENT_ID);

    // The Secretariat ends their access; the page they have open signs them out at once.
    await row.getByRole('button', { name: 'Deactivate Nadia Rahman' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate Nadia Rahman?' });
    await dialog.getByText('signed out at once').waitFor();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByTestId('people-status').getByText('Nadia Rahman has been deactivated and signed out.').waitFor();
    await row.getByText('Deactivated').waitFor();
    await reading.getByRole('heading', { name: 'Sign in' }).waitFor();
    await reading.goto(`${suite.server.url}/`);
    await reading.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect((await reading.goto(copied))?.status()).toBe(401);
  });

  it('gives a new sign-in link in place of the old one, and keeps other roles out', async () => {
    const { person, token } = await suite.server.person({ name: 'Ana Costa', role: 'reviewer', country: 'PT' });
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/people`);
    await page.getByLabel('Search').fill('costa');
    await page.getByText('Showing 1 of 2 people').waitFor();
    await page.getByRole('button', { name: 'New sign-in link for Ana Costa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('the old one stops working at once').waitFor();
    await dialog.getByRole('button', { name: 'Create a new link' }).click();
    const url = await dialog.getByTestId('invite-url').inputValue();
    expect(url).not.toContain(token);
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Change role of Ana Costa' }).click();
    await page.getByRole('dialog').getByLabel('Role').selectOption({ label: 'Working group' });
    await page.getByRole('dialog').getByRole('button', { name: 'Save role' }).click();
    await page.getByTestId('people-status').getByText('Ana Costa is now: Working group.').waitFor();
    const list = await suite.server.api('GET', '/api/people', { cookie: suite.server.adminCookie });
    expect(list.body.find((p: { id: string }) => p.id === person.id).role).toBe('working-group');

    const reviewer = await suite.track(signedInContext(suite.browser, suite.server.url, url.split('/join/')[1] ?? ''));
    const theirs = await reviewer.newPage();
    await theirs.goto(`${suite.server.url}/people`);
    await theirs.getByText('Your role does not give access to this page.').waitFor();
    await theirs.goto(`${suite.server.url}/audit`);
    await theirs.getByText('Your role does not give access to this page.').waitFor();
  });
});

describe('audit log', () => {
  it('says who did what in words, filters by action, and downloads as CSV', async () => {
    await suite.server.person({ name: 'Jonas Berg', role: 'working-group', country: 'SE' });
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/audit`);
    const table = page.getByTestId('audit-table');
    await table.getByRole('row').filter({ hasText: 'Invited a person' }).getByText('Jonas Berg as Working group').waitFor();
    await table.getByRole('row').filter({ hasText: 'Moved a document to another phase' }).getByText('From Consultation to Revision').waitFor();
    await page.getByLabel('What happened').selectOption({ label: 'Invited a person' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const download = await page.evaluate(async () => {
      const href = document.querySelector<HTMLAnchorElement>('a[href*="format=csv"]')?.href ?? '';
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    });
    expect(download.status).toBe(200);
    expect(download.type).toMatch(/^text\/csv/);
    expect(download.text).toContain('person.invite');
  });
});

describe('report', () => {
  it('shows the totals and charts, filters the comments, and offers the downloads', async () => {
    await seedComments(suite.server, DOCUMENT_ID);
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.getByTestId('document-links').getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { name: 'Feedback report' }).waitFor();

    const totals = page.getByTestId('report-totals');
    await expect.poll(() => totals.getByTestId('total-threads').textContent()).toBe('6comments');
    expect(await totals.getByTestId('total-open').textContent()).toBe('2not yet answered');
    expect(await totals.getByTestId('total-countries').textContent()).toBe('5countries');
    const byCountry = page.getByTestId('chart-countries');
    expect(await byCountry.getByRole('row', { name: /Spain/ }).textContent()).toContain('2');
    expect(await page.getByTestId('chart-statuses').getByRole('row', { name: /Not accepted/ }).textContent()).toContain('1');

    // User text stays text.
    const table = page.getByTestId('disposition-table');
    await table.getByText('Please mention <script>alert(1)</script> is not rendered.').waitFor();
    expect(await table.locator('script').count()).toBe(0);
    expect(await page.getByTestId('disposition-row').count()).toBe(6);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Not yet answered' });
    await page.getByText('Showing 2 of 6 comments').waitFor();
    expect(await page.getByTestId('disposition-row').count()).toBe(2);

    const downloads = page.getByTestId('report-downloads');
    await downloads.getByLabel('Include replies').uncheck();
    await downloads.getByLabel('Anonymised edition').check();
    const links = await downloads.getByRole('link').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    const fetched = await page.evaluate(async (hrefs) => {
      return Promise.all(
        hrefs.map(async (href) => {
          const response = await fetch(href);
          const type = response.headers.get('content-type') ?? '';
          return { href, status: response.status, type, text: type.startsWith('text/') ? await response.text() : '' };
        }),
      );
    }, links);
    const byFormat = Object.fromEntries(fetched.map((f) => [new URL(f.href).searchParams.get('format'), f]));
    expect(byFormat.docx).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(byFormat.pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(byFormat.xlsx).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(byFormat.md?.type).toMatch(/^text\/markdown/);
    expect(byFormat.csv).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/csv/) });
    expect(byFormat.csv?.text).toContain('Participant from ES');
    expect(byFormat.csv?.text).not.toContain('Lucía Fernández');
    expect(new URL(links[0] ?? '').searchParams.get('replies')).toBe('false');
    // The files' words are in the interface's language.
    expect(links.every((href) => new URL(href).searchParams.get('lang') === 'en')).toBe(true);
  });

  it('tells a participant that their role does not open the report', async () => {
    const { token } = await suite.server.person({ role: 'participant' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}/report`);
    await page.getByTestId('forbidden').getByText('Your role does not give access to this page.').waitFor();
    expect(await page.getByTestId('report-totals').count()).toBe(0);
  });
});
