/**
 * The Secretariat imports a comment table through the dialog, by keyboard where a person would: the
 * preview marks the rows that need a choice, the choices are made in the table, and the import
 * stores every row for the member who sent it.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { ISO_HEADER, xlsxTable } from '../helpers/commentTables.ts';
import { openDocument } from './browser.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite();

describe('importing a comment table', () => {
  it('previews, takes the corrections and imports every row for its sender', async () => {
    const server = suite.server;
    const anna = (await server.person({ name: 'Anna Weber', country: 'DE' })).person;
    await server.person({ name: 'Joost de Vries', country: 'NL' });
    const sanne = (await server.person({ name: 'Sanne Bakker', country: 'NL' })).person;
    const sections = (await server.api('GET', `/api/documents/${DOC}`, { cookie: server.adminCookie })).body.sections as Array<{ id: string; number: string; title: string }>;
    const [, first, second] = sections;
    const file = await xlsxTable(ISO_HEADER, [
      ['Germany', '4', first!.number, '', 'te', 'Say who is meant.', 'Name the ministries.', ''],
      ['NL', '', second!.number, '', 'ed', 'Two members from NL sent this.', '', ''],
      ['DE', '', second!.number, '', 'urgent', 'Not a type we know.', '', ''],
    ]);

    const admin = await suite.track(secretariatContext(suite.browser, server, { width: 1440, height: 900 }));
    const page = await openDocument(admin, server.url, DOC);
    await page.getByRole('button', { name: 'Import comments' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import comments' });
    await dialog.waitFor();
    expect(await dialog.getByRole('link', { name: 'Download the template (.xlsx)' }).getAttribute('href')).toBe(`/api/documents/${DOC}/comment-import/template`);
    await dialog.getByLabel('Comment table').setInputFiles({ name: 'comments.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await dialog.getByRole('button', { name: 'Preview' }).click();

    const summary = dialog.getByTestId('comment-import-summary');
    await summary.filter({ hasText: '3 rows read' }).waitFor();
    expect(await summary.textContent()).toBe('3 rows read from “comments.xlsx”: 1 ready to import, 2 need a choice.');
    const rows = dialog.getByTestId('comment-import-row');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('comment-import__row--blocked')))).toEqual([false, true, true]);
    // What the preview placed: the section by number, the sender by country name.
    expect(await dialog.getByLabel('Section for row 2').inputValue()).toBe(first!.id);
    expect(await dialog.getByLabel('Sent by, row 2').inputValue()).toBe(anna.id);
    expect(await rows.nth(1).getByText('Needs a choice: choose who sent it.').count()).toBe(1);

    // Importing before the choices are made is refused, and says which rows wait.
    await dialog.getByRole('button', { name: 'Import 3 comments' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'rows 3, 4' }).waitFor();

    // The choices, from the keyboard.
    await dialog.getByLabel('Sent by, row 3').focus();
    await dialog.getByLabel('Sent by, row 3').selectOption({ label: 'Sanne Bakker · NL · Example organisation' });
    await dialog.getByLabel('Type for row 4').selectOption({ label: 'Question' });
    await summary.filter({ hasText: '3 ready to import' }).waitFor();
    await dialog.getByRole('button', { name: 'Import 3 comments' }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByTestId('comment-import-done').filter({ hasText: '3 comments imported' }).waitFor();

    const threads = (await server.api('GET', `/api/documents/${DOC}/threads`, { cookie: server.adminCookie })).body as Array<{ body: string; kind: string; author: { id: string }; received: unknown; ref: string }>;
    const byBody = Object.fromEntries(threads.map((th) => [th.body, th]));
    expect(byBody['[Line 4]\nSay who is meant.']).toMatchObject({ kind: 'technical', author: { id: anna.id }, ref: 'DE-001' });
    expect(byBody['Two members from NL sent this.']).toMatchObject({ kind: 'editorial', author: { id: sanne.id }, ref: 'NL-001' });
    expect(byBody['Not a type we know.']).toMatchObject({ kind: 'question', author: { id: anna.id }, ref: 'DE-002' });
    expect(threads.every((th) => th.received !== null)).toBe(true);

    // The comments reach the open page through the live events.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Two members from NL sent this.').first().waitFor();
  });
});
