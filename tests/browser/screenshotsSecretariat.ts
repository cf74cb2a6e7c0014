/**
 * Screenshots of the Secretariat's and a document's own pages (people, audit log, report, versions
 * and compare, final review) on a laptop and a tablet, for a person to look at:
 * `node --import tsx tests/browser/screenshotsSecretariat.ts` writes PNGs into tests/.artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { ROOT, SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { launchBrowser, signedInContext } from './browser.ts';
import { editText, secretariatContext, seedComments } from './scenario.ts';

const OUT = path.join(ROOT, 'tests', '.artifacts');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, tablet: { width: 768, height: 1024 } };
const DOC = SEED_IDS[0];

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = path.join(OUT, `sec-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

/** Comments answered in consultation, edits and one more answer in revision, then final review with two sign-offs. */
async function prepare(server: TestServer) {
  await seedComments(server, DOC);
  await server.setPhase(DOC, 'revision');
  await editText(server, DOC, (paragraphs) => {
    const first = paragraphs[0]!.text;
    first.insert(first.length, ' Harm-reduction services are part of this scope.');
    paragraphs[3]!.text.delete(0, 20);
  });
  const report = await server.api('GET', `/api/documents/${DOC}/report`, { cookie: server.adminCookie });
  const firstThread = report.body.sections.flatMap((s: { threads: Array<{ id: string }> }) => s.threads)[0];
  await server.api('PATCH', `/api/threads/${firstThread.id}`, { cookie: server.adminCookie, body: { status: 'accepted', response: 'Agreed; the scope now names harm-reduction services.' } });
  await server.setPhase(DOC, 'final-review');
  const reviewers = await Promise.all([
    server.person({ name: 'Ana Costa', role: 'reviewer', country: 'PT', stakeholder: 'government', organisation: 'SICAD' }),
    server.person({ name: 'Ola Nordmann', role: 'reviewer', country: 'NO', stakeholder: 'government', organisation: 'Directorate of Health' }),
    server.person({ name: 'Petra Novak', role: 'reviewer', country: 'CZ', stakeholder: 'government', organisation: 'Office of the Government' }),
  ]);
  await server.api('POST', `/api/documents/${DOC}/signoffs`, { cookie: reviewers[0].cookie, body: { decision: 'approve' } });
  await server.api('POST', `/api/documents/${DOC}/signoffs`, {
    cookie: reviewers[1].cookie,
    body: { decision: 'approve-with-reservations', statement: 'Norway approves, with a reservation on section 9.1: funding is decided by parliament.' },
  });
  return reviewers;
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | null = null;
  try {
    const reviewers = await prepare(server);
    browser = await launchBrowser();
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const admin = await secretariatContext(browser, server, viewport);
      const page = await admin.newPage();
      await page.goto(server.url);
      await page.getByTestId('document-list').waitFor();
      await shoot(page, `${device}-documents`);
      await page.goto(`${server.url}/people`);
      await page.getByTestId('people-table').waitFor();
      await shoot(page, `${device}-people`);
      await page.getByRole('button', { name: 'Create invitation' }).click();
      await page.getByText('fields need your attention').waitFor();
      await shoot(page, `${device}-people-invite-errors`);
      const form = page.getByTestId('invite-form');
      await form.getByLabel('Full name').fill('Nadia Rahman');
      await form.getByLabel('Email address').fill(`nadia.${device}@example.org`);
      await form.getByLabel('Role').selectOption('participant');
      await form.getByLabel('Country').selectOption('BD');
      await form.getByLabel('Stakeholder group').selectOption('civil-society');
      await form.getByRole('button', { name: 'Create invitation' }).click();
      await page.getByTestId('invite-result').waitFor();
      await shoot(page, `${device}-people-invited`);
      await shoot(page, `${device}-people-full`, true);
      await page.getByRole('button', { name: 'Deactivate Ana Costa' }).click();
      await page.getByRole('dialog').waitFor();
      await shoot(page, `${device}-people-deactivate`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'New sign-in link for Ana Costa' }).click();
      await page.getByRole('button', { name: 'Create a new link' }).click();
      await page.getByRole('dialog').getByTestId('invite-url').waitFor();
      await shoot(page, `${device}-people-new-link`);
      await page.keyboard.press('Escape');

      await page.goto(`${server.url}/audit`);
      await page.getByTestId('audit-table').waitFor();
      await shoot(page, `${device}-audit`);

      await page.goto(`${server.url}/documents/${DOC}/report`);
      await page.getByTestId('report-totals').waitFor();
      await shoot(page, `${device}-report`);
      await shoot(page, `${device}-report-full`, true);
      for (const part of ['report-totals', 'balance-chart', 'disposition-table', 'report-downloads']) {
        await page.getByTestId(part).screenshot({ path: path.join(OUT, `sec-${device}-part-${part}.png`) });
      }

      await page.goto(`${server.url}/documents/${DOC}/versions`);
      await page.getByTestId('compare-summary').getByText('From').waitFor();
      await shoot(page, `${device}-versions`);
      await shoot(page, `${device}-versions-full`, true);
      await page.getByTestId('version-row').first().getByRole('link').first().click();
      await page.getByTestId('version-text').waitFor();
      await shoot(page, `${device}-version-read`);

      await page.goto(`${server.url}/documents/${DOC}/review`);
      await page.getByTestId('tally-table').waitFor();
      await shoot(page, `${device}-tally`, true);
      await page.getByRole('button', { name: 'Adopt the text' }).click();
      await page.getByRole('dialog').waitFor();
      await shoot(page, `${device}-adopt-confirm`);
      await page.keyboard.press('Escape');

      await page.goto(`${server.url}/documents/${DOC}`);
      await page.getByTestId('document-links').waitFor();
      await shoot(page, `${device}-document-links`);
      await admin.close();

      const reviewer = await signedInContext(browser, server.url, reviewers[2].token, viewport);
      const reviewPage = await reviewer.newPage();
      await reviewPage.goto(`${server.url}/documents/${DOC}/review`);
      await reviewPage.getByTestId('signoff-form').waitFor();
      await reviewPage.getByTestId('compare-summary').getByText('From').waitFor();
      await shoot(reviewPage, `${device}-review`);
      await reviewPage.getByRole('button', { name: 'Record my decision' }).click();
      await reviewPage.getByText('Choose your decision.').waitFor();
      await shoot(reviewPage, `${device}-review-errors`);
      await shoot(reviewPage, `${device}-review-full`, true);
      await reviewPage.goto(`${server.url}/people`);
      await reviewPage.getByTestId('forbidden').waitFor();
      await shoot(reviewPage, `${device}-people-forbidden`);
      await reviewer.close();
    }
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await browser?.close();
    await server.close();
  }
}

await main();
