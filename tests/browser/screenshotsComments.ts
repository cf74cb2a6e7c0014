/**
 * Screenshots of commenting and answering on a laptop and a tablet, for a person to look at:
 * `node --import tsx tests/browser/screenshotsComments.ts` writes PNGs into tests/.artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { paragraphs } from '../helpers/anchors.ts';
import { connect } from '../helpers/collabClient.ts';
import { ROOT, SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { dragSelect, launchBrowser, openDocument, signedInContext } from './browser.ts';
import { comment } from './threadFixtures.ts';

const OUT = path.join(ROOT, 'tests', '.artifacts');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, tablet: { width: 768, height: 1024 } };
const DOC = SEED_IDS[0];

async function shoot(page: Page, name: string): Promise<void> {
  // Smooth scrolling moves sticky parts a little behind the rest: wait until nothing moves.
  await page.waitForFunction(async () => {
    const y = window.scrollY;
    for (let frame = 0; frame < 8; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    return window.scrollY === y;
  });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(file);
}

/** A realistic mix: overlapping comments, answered ones, a whole-section one, one whose words were deleted. */
async function seed(t: TestServer) {
  const people = await Promise.all([
    t.person({ name: 'Lena Novak', role: 'participant', country: 'SI', organisation: 'Harm Reduction Network', stakeholder: 'civil-society' }),
    t.person({ name: 'Omar Haddad', role: 'participant', country: 'JO', organisation: 'Ministry of Health', stakeholder: 'government' }),
    t.person({ name: 'Ana Pereira', role: 'participant', country: 'BR', organisation: 'UNODC', stakeholder: 'international' }),
    t.person({ name: 'Maria Rossi', role: 'working-group', country: 'IT', organisation: 'Working group', stakeholder: 'government' }),
  ]);
  const [lena, omar, ana, maria] = people;
  const made = await comment(t, DOC, [
    { cookie: lena.cookie, paragraph: 0, from: 0, to: 60, kind: 'technical', body: 'Please name the ministries concerned: health, justice, interior and social affairs.', proposedText: 'Drug policy touches health, justice, interior and social affairs' },
    { cookie: omar.cookie, paragraph: 0, from: 30, to: 95, kind: 'editorial', body: 'This sentence is long; consider splitting it in two.' },
    { cookie: ana.cookie, paragraph: 1, from: 0, to: 45, kind: 'question', body: 'Who decides what counts as “fair” cooperation?' },
    { cookie: lena.cookie, paragraph: 2, wholeSection: true, kind: 'general', body: 'The whole section should name networks of people who use drugs first, not last.' },
    { cookie: omar.cookie, paragraph: 3, from: 10, to: 80, kind: 'technical', body: 'Cite the 2023 EMCDDA report here.', proposedText: 'the pharmaceutical, alcohol, tobacco and cannabis industries (see EMCDDA 2023)' },
    { cookie: ana.cookie, paragraph: 4, from: 0, to: 50, kind: 'general', body: 'Add an example from Latin America.' },
    { cookie: lena.cookie, paragraph: 5, from: 20, to: 70, kind: 'editorial', body: 'To be removed.' },
  ]);
  await t.api('POST', `/api/threads/${made[0]!.id}/replies`, { cookie: omar.cookie, body: { body: 'Agreed, the interior ministry matters for policing.' } });
  await t.api('POST', `/api/threads/${made[0]!.id}/endorsements`, { cookie: omar.cookie });
  await t.api('POST', `/api/threads/${made[0]!.id}/endorsements`, { cookie: ana.cookie });
  await t.api('PATCH', `/api/threads/${made[2]!.id}`, { cookie: maria.cookie, body: { status: 'partially-accepted', response: 'We will define fairness in a footnote, but keep the text general.' } });
  await t.api('PATCH', `/api/threads/${made[5]!.id}`, { cookie: maria.cookie, body: { status: 'not-accepted', response: 'Examples are collected in the annex.' } });
  // The words of the last comment are deleted in revision, leaving it orphaned.
  await t.setPhase(DOC, 'revision');
  const editor = connect(t.wsUrl, DOC, maria.cookie);
  await editor.synced;
  const target = paragraphs(editor.doc)[5]!.text;
  editor.doc.transact(() => target.delete(15, 60));
  await t.server.services.collab.rooms.use(DOC, (room) => room.doc.getXmlFragment('default').toString());
  await new Promise<void>((resolve) => {
    const check = () => t.server.services.collab.rooms.use(DOC, (room) => Y.encodeStateVector(room.doc).length).then(() => resolve());
    setTimeout(check, 300);
  });
  editor.destroy();
  return { lena, omar, ana, maria, made };
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  mkdirSync(OUT, { recursive: true });
  const t = await startTestServer();
  let browser: Browser | null = null;
  try {
    const { lena, maria, made } = await seed(t);
    browser = await launchBrowser();
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      await t.setPhase(DOC, 'consultation', new Date(Date.now() + 2 * 86_400_000 + 5 * 3_600_000).toISOString());
      const reader = await signedInContext(browser, t.url, lena.token, viewport);
      const page = await openDocument(reader, t.url, DOC);
      await page.locator('mark.thread-mark').first().waitFor();
      await shoot(page, `${device}-comments`);
      if (device === 'tablet') await page.getByTestId('comments-toggle').click();
      await page.locator(`mark[data-thread-id="${made[0]!.id}"]`).first().click();
      await page.getByTestId('thread-card').filter({ hasText: 'Please name the ministries' }).getByText('Agreed, the interior').waitFor();
      await shoot(page, `${device}-comments-open-thread`);
      if (device === 'tablet') await page.getByRole('button', { name: 'Close comments' }).click();

      await dragSelect(page, 6, 0, 48);
      await page.getByTestId('comment-float').waitFor();
      await shoot(page, `${device}-comment-button`);
      await page.getByTestId('comment-float').getByRole('button').click();
      await page.getByTestId('composer').getByLabel('Comment', { exact: true }).fill('Consider adding a sentence on peer workers.');
      await shoot(page, `${device}-composer`);
      await reader.close();

      await t.setPhase(DOC, 'revision');
      const wg = await signedInContext(browser, t.url, maria.token, viewport);
      const wgPage = await openDocument(wg, t.url, DOC);
      if (device === 'tablet') await wgPage.getByTestId('comments-toggle').click();
      await wgPage.getByTestId('filters-button').click();
      await wgPage.getByLabel('Search comments').fill('EMCDDA');
      await wgPage.getByTestId('filters-button').click();
      const thread = wgPage.getByTestId('thread-card').filter({ hasText: 'Cite the 2023 EMCDDA' });
      await thread.click();
      await thread.getByTestId('disposition-form').waitFor();
      await thread.getByTestId('disposition-form').scrollIntoViewIfNeeded();
      await shoot(wgPage, `${device}-disposition`);
      await wgPage.keyboard.press('Escape');
      await wgPage.getByRole('button', { name: 'Show all' }).click();
      await wgPage.getByTestId('thread-card').first().focus();
      await wgPage.keyboard.press('x');
      await wgPage.keyboard.press('j');
      await wgPage.keyboard.press('x');
      await shoot(wgPage, `${device}-bulk`);
      await wg.close();
    }
  } finally {
    await browser?.close();
    await t.close();
  }
}

await main();
