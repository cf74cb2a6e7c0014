/**
 * The People page in a real browser against the real server: inviting a pasted list (a bad row
 * shown with its reason, corrected, then confirmed), correcting a person's details, and whether each
 * person has signed in, also on a phone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const suite = browserSuite();

async function openPeople(viewport?: { width: number; height: number }): Promise<Page> {
  const admin = await suite.track(secretariatContext(suite.browser, suite.server, viewport));
  const page = await admin.newPage();
  await page.goto(`${suite.server.url}/people`);
  await page.getByTestId('people-table').waitFor();
  return page;
}

const rowOf = (page: Page, name: string) => page.getByTestId('person-row').filter({ hasText: name });

// As Excel saves a CSV in a French locale: semicolons, a header row, a quoted field holding a semicolon.
const LIST = [
  'Nom;Courriel;Pays;Organisation;Groupe;Rôle;Langue',
  'Claire Dubois;claire.dubois@sante.example.fr;FR;"Ministère de la Santé; DGS";gouvernement;;fr',
  'Koffi Mensah;koffi.mensah@example;GH;Harm Reduction Ghana;société civile;participant;en',
  'Eva Novak;eva.novak@example.cz;CZ;National Monitoring Centre;government;Permanent Correspondent;',
].join('\n');

describe('the People page', () => {
  it('invites a pasted list: a bad row is shown with its reason, corrected, and nobody is created before the confirmation', async () => {
    const page = await openPeople();
    await page.getByRole('button', { name: 'Invite a list of people' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a list of people' });
    await dialog.getByLabel('The list').fill(LIST);
    await dialog.getByRole('button', { name: 'Check the list' }).click();

    await dialog.getByTestId('bulk-summary').getByText('3 rows: 2 people are ready to be invited, 1 row has problems and will be left out.').waitFor();
    const bad = dialog.getByTestId('bulk-row').filter({ hasText: 'Koffi Mensah' });
    await bad.getByText('“koffi.mensah@example” is not an e-mail address.').waitFor();
    const claire = dialog.getByTestId('bulk-row').filter({ hasText: 'Claire Dubois' });
    expect(await claire.textContent()).toMatch(/Participant.*France.*Ministère de la Santé; DGS.*Government.*Français.*Ready/);
    // The preview created nobody.
    expect((await suite.server.api('GET', '/api/people', { cookie: suite.server.adminCookie })).body).toHaveLength(1);

    await dialog.getByRole('button', { name: 'Back to the list' }).click();
    const list = dialog.getByLabel('The list');
    expect(await list.inputValue()).toBe(LIST);
    await list.fill(LIST.replace('koffi.mensah@example;', 'koffi.mensah@example.org;'));
    await dialog.getByRole('button', { name: 'Check the list' }).click();
    await dialog.getByTestId('bulk-summary').getByText('3 rows: 3 people are ready to be invited.').waitFor();
    await dialog.getByRole('button', { name: 'Invite 3 people' }).click();
    await dialog.getByTestId('bulk-done').getByText('3 people have been invited.').waitFor();
    await dialog.getByText('No e-mail was sent.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByTestId('people-status').getByText('3 people invited from the list.').waitFor();
    for (const name of ['Claire Dubois', 'Koffi Mensah', 'Eva Novak']) {
      await rowOf(page, name).getByTestId('sign-in-status').getByText('Invited, never signed in').waitFor();
    }
    expect(await rowOf(page, 'Eva Novak').textContent()).toMatch(/Permanent Correspondent.*Czechia|Czech/);
    const people = (await suite.server.api('GET', '/api/people', { cookie: suite.server.adminCookie })).body as Array<{ email: string; language: string; organisation: string }>;
    expect(people.find((p) => p.email === 'claire.dubois@sante.example.fr')).toMatchObject({ language: 'fr', organisation: 'Ministère de la Santé; DGS' });
  });

  it('reads a CSV file as Excel saves it in a French locale, and invites its people with their invitations e-mailed', async () => {
    const page = await openPeople();
    await page.getByRole('button', { name: 'Invite a list of people' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a list of people' });
    // Windows-1252, as older Excel writes "CSV (séparateur: point-virgule)".
    const csv = Buffer.from('Nom;Courriel;Pays;Organisation;Groupe\r\nHélène Martin;helene@example.fr;FR;Société française de santé publique;Société civile\r\n', 'latin1');
    await dialog.getByLabel('Or read a CSV file').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(() => dialog.getByLabel('The list').inputValue()).toContain('Hélène Martin;helene@example.fr');
    await dialog.getByLabel(/E-mail each person their invitation/).check();
    await dialog.getByRole('button', { name: 'Check the list' }).click();
    await dialog.getByTestId('bulk-summary').getByText('1 row: 1 person is ready to be invited.').waitFor();
    expect(await dialog.getByTestId('bulk-row').textContent()).toMatch(/Société française de santé publique.*Civil society/);
    await dialog.getByRole('button', { name: 'Invite 1 person' }).click();
    await dialog.getByTestId('bulk-done').getByText('1 person has been invited.').waitFor();
    await dialog.getByText('are being e-mailed (1 message').waitFor();
    const outbox = (await suite.server.api('GET', '/api/outbox', { cookie: suite.server.adminCookie })).body.messages as Array<{ to: string; kind: string }>;
    expect(outbox.filter((m) => m.kind === 'invitation').map((m) => m.to)).toEqual([expect.stringContaining('helene@example.fr')]);
  });

  it('corrects a person’s details, and refuses an address someone else has, beside the field', async () => {
    await suite.server.person({ name: 'Taken Address', email: 'taken@example.org' });
    const { person } = await suite.server.person({ name: 'Marta Kowalska', email: 'marta@example.org', country: 'PL', organisation: 'Old Name' });
    const page = await openPeople();
    await page.getByRole('button', { name: 'Edit the details of Marta Kowalska' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the details of Marta Kowalska' });
    await dialog.getByLabel('Email address').fill('taken@example.org');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.getByText('Taken Address already has an account with taken@example.org').waitFor();

    await dialog.getByLabel('Email address').fill('m.kowalska@example.pl');
    await dialog.getByLabel('Full name').fill('Marta Kowalska-Nowak');
    await dialog.getByLabel(/Organisation/).fill('Chief Sanitary Inspectorate');
    await dialog.getByLabel('Stakeholder group').selectOption({ label: 'International organisation' });
    await dialog.getByLabel('Language of their e-mails').selectOption({ label: 'Français' });
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await page.getByTestId('people-status').getByText('The details of Marta Kowalska-Nowak have been saved.').waitFor();
    expect(await rowOf(page, 'Marta Kowalska-Nowak').textContent()).toMatch(/m\.kowalska@example\.pl.*Chief Sanitary Inspectorate.*International organisation/);

    const stored = (await suite.server.api('GET', '/api/people', { cookie: suite.server.adminCookie })).body.find((p: { id: string }) => p.id === person.id);
    expect(stored).toMatchObject({ name: 'Marta Kowalska-Nowak', email: 'm.kowalska@example.pl', organisation: 'Chief Sanitary Inspectorate', stakeholder: 'international', language: 'fr', country: 'PL' });
    const audit = (await suite.server.api('GET', '/api/audit', { cookie: suite.server.adminCookie })).body;
    expect(audit.find((e: { action: string; target: string }) => e.action === 'person.update' && e.target === person.id)?.detail).toMatchObject({ email: 'm.kowalska@example.pl' });
  });

  it('shows who has signed in and when they were last seen, orders by it, and fits a phone without scrolling sideways', async () => {
    await suite.server.person({ name: 'Signed In Once', role: 'participant' });
    await suite.server.api('POST', '/api/people', {
      cookie: suite.server.adminCookie,
      body: { name: 'Never Came', email: 'never.came@example.org', role: 'participant', country: 'IT', stakeholder: 'civil-society', organisation: 'A very long organisation name that must wrap on a phone screen' },
    });
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' }).format(new Date());

    const page = await openPeople({ width: 390, height: 844 });
    await rowOf(page, 'Signed In Once').getByTestId('sign-in-status').getByText(`Last seen ${today}`).waitFor();
    await rowOf(page, 'Never Came').getByTestId('sign-in-status').getByText('Invited, never signed in').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The Secretariat's own session began when the server started, before this person signed in.
    await page.getByLabel('Order').selectOption({ label: 'Last seen first' });
    await expect.poll(async () => (await page.getByTestId('person-row').allTextContents()).map((t) => t.split(/\s/)[0])).toEqual(['Signed', 'Secretariat', 'Never']);
    await page.getByLabel('Access').selectOption({ label: 'Never signed in' });
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
    await rowOf(page, 'Never Came').waitFor();

    // The list dialog too stays within the screen.
    await page.getByRole('button', { name: 'Invite a list of people' }).click();
    await page.getByRole('dialog').getByLabel('The list').fill('Ana Lima,ana@example.org,BR,Fiocruz,government\nBad Row,not-an-address,XX,,');
    await page.getByRole('dialog').getByRole('button', { name: 'Check the list' }).click();
    await page.getByRole('dialog').getByTestId('bulk-summary').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const dialogBox = await page.getByRole('dialog').boundingBox();
    expect(dialogBox!.x + dialogBox!.width).toBeLessThanOrEqual(390);
  });
});
