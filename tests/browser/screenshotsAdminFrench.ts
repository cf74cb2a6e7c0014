/**
 * Screenshots of the Secretariat's pages in French (people, the bulk invitation with a checked list,
 * members, audit log, the new-document and comment-import dialogs) on a laptop and a phone, for a person to look at for truncation and overflow:
 * `node --import tsx tests/browser/screenshotsAdminFrench.ts` writes PNGs into tests/.artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { ROOT, SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { launchBrowser } from './browser.ts';
import { secretariatContext } from './scenario.ts';

const OUT = path.join(ROOT, 'tests', '.artifacts');
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const LIST = [
  'Nom;Courriel;Pays;Organisme;Groupe;Rôle;Langue',
  'Claire Dubois;claire.dubois@sante.example.fr;FR;Ministère de la Santé et de la Prévention;gouvernement;;fr',
  'Koffi Mensah;koffi.mensah@example;GH;Harm Reduction Ghana;société civile;participant;en',
  'Eva Novak;eva.novak@example.cz;CZ;National Monitoring Centre;government;Permanent Correspondent;',
].join('\n');

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = path.join(OUT, `fr-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function prepare(server: TestServer): Promise<void> {
  await server.api('PATCH', '/api/session', { cookie: server.adminCookie, body: { language: 'fr' } });
  await server.person({ name: 'Marie-Christine Lefèvre-Dumont', role: 'reviewer', country: 'FR', stakeholder: 'government', organisation: 'Mission interministérielle de lutte contre les drogues et les conduites addictives' });
  await server.person({ name: 'Nadia Rahman', role: 'participant', country: 'BD', stakeholder: 'civil-society', organisation: 'Drug Users Network Dhaka' });
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer();
  let browser: Browser | null = null;
  try {
    await prepare(server);
    browser = await launchBrowser();
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const admin = await secretariatContext(browser, server, viewport);
      const page = await admin.newPage();
      await page.goto(`${server.url}/people`);
      await page.getByTestId('people-table').waitFor();
      await shoot(page, `${device}-people`);
      await shoot(page, `${device}-people-full`, true);
      await page.getByTestId('people-table').screenshot({ path: path.join(OUT, `fr-${device}-people-table.png`) });
      await page.getByRole('button', { name: 'Inviter une liste de personnes' }).click();
      const dialog = page.getByRole('dialog');
      await shoot(page, `${device}-bulk-list`);
      await dialog.getByLabel('La liste').fill(LIST);
      await dialog.getByRole('button', { name: 'Vérifier la liste' }).click();
      await dialog.getByTestId('bulk-summary').waitFor();
      await shoot(page, `${device}-bulk-preview`);
      await page.keyboard.press('Escape');
      await page.goto(`${server.url}/documents/${SEED_IDS[0]}/members`);
      await page.getByTestId('members-table').waitFor();
      await shoot(page, `${device}-members`, true);
      await page.goto(`${server.url}/audit`);
      await page.getByTestId('audit-table').waitFor();
      await shoot(page, `${device}-audit`);
      await page.getByTestId('audit-table').screenshot({ path: path.join(OUT, `fr-${device}-audit-table.png`) });
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Nouveau document' }).click();
      await page.getByTestId('new-document-dialog').waitFor();
      await shoot(page, `${device}-new-document`);
      await page.keyboard.press('Escape');
      await page.goto(`${server.url}/documents/${SEED_IDS[0]}`);
      await page.getByTestId('comment-import-open').click();
      await page.getByTestId('comment-import-dialog').waitFor();
      await shoot(page, `${device}-comment-import`);
      await admin.close();
    }
  } finally {
    await browser?.close();
    await server.close();
  }
}

await main();
