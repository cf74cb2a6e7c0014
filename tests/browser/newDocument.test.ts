/**
 * The Secretariat brings a Word draft in through the New-document dialog: the preview lists the
 * sections and what could not be kept, nothing exists before Create, and Create opens the new draft.
 */
import { describe, expect, it } from 'vitest';
import { smallWordDraft } from '../helpers/wordFiles.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const suite = browserSuite();

describe('new document', () => {
  it('previews a Word file, then creates the draft and opens it', async () => {
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('button', { name: 'New document' }).click();
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.getByTestId('new-document-file').setInputFiles({
      name: 'guidelines.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await smallWordDraft(),
    });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('import-sections').getByRole('listitem').allTextContents()).toEqual(['1 Introduction', '1.1 Scope', '2 Principles']);
    // Its table comes through as a table: nothing is listed as lost.
    expect(await dialog.getByTestId('import-not-kept').count()).toBe(0);
    // Nothing is created by the preview.
    const listed = await suite.server.api('GET', '/api/documents', { cookie: suite.server.adminCookie });
    expect(listed.body.map((d: { id: string }) => d.id)).not.toContain('training-guidelines');

    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/documents\/training-guidelines$/);
    await page.getByRole('heading', { name: 'Introduction' }).first().waitFor();
    // The Word table is a table in the text.
    const table = page.getByTestId('editor').locator('table');
    await table.waitFor();
    expect(await table.locator('tr').first().locator('td, th').allTextContents()).toEqual(['Module I', 'July']);
    await page.getByTestId('document-details').getByRole('link', { name: 'Download as Word' }).waitFor();
    expect(await page.title()).toContain('Training guidelines');
  });

  it('shows why a file is refused, and creates nothing', async () => {
    const admin = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await admin.newPage();
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('button', { name: 'New document' }).click();
    const dialog = page.getByRole('dialog', { name: 'New document' });
    await dialog.getByTestId('new-document-file').setInputFiles({ name: 'photo.docx', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('alert').getByText('is a PNG image').waitFor();
    const listed = await suite.server.api('GET', '/api/documents', { cookie: suite.server.adminCookie });
    expect(listed.body).toHaveLength(2);
  });
});

describe('next edition', () => {
  it('starts a new edition of an adopted text: the text comes along, comments and members do not', async () => {
    const t = suite.server;
    const DOC = 'reducing-drug-related-stigma';
    const participant = await t.person({ name: 'Olga Petrenko', country: 'UA' });
    const sections = (await t.api('GET', `/api/documents/${DOC}`, { cookie: t.adminCookie })).body.sections as Array<{ id: string; title: string }>;
    const posted = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: participant.cookie, body: { sectionId: sections[1]!.id, kind: 'general', body: 'A comment of the first edition.' } });
    expect(posted.status).toBe(201);
    await t.setPhase(DOC, 'adopted');

    const admin = await suite.track(secretariatContext(suite.browser, t));
    const page = await admin.newPage();
    await page.goto(`${t.url}/documents/${DOC}`);
    await page.getByTestId('document-details').getByRole('button', { name: 'Start a new edition' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a new edition' });
    await dialog.getByLabel('Title of the new edition').fill('Guidelines to reduce drug-related stigma, 2028 edition');
    await dialog.getByRole('button', { name: 'Start the new edition' }).click();
    await page.waitForURL((url) => url.pathname !== `/documents/${DOC}` && url.pathname.startsWith('/documents/'));
    const newId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByTestId('document-details').getByRole('link', { name: /Guidelines to reduce drug-related stigma|Draft guidelines/ }).first().waitFor();

    const detail = (await t.api('GET', `/api/documents/${newId}`, { cookie: t.adminCookie })).body;
    expect(detail).toMatchObject({ title: 'Guidelines to reduce drug-related stigma, 2028 edition', phase: 'drafting', editionOf: { id: DOC } });
    expect(detail.sections.map((s: { title: string }) => s.title)).toEqual(sections.map((s) => s.title));
    expect((await t.api('GET', `/api/documents/${newId}/threads`, { cookie: t.adminCookie })).body).toEqual([]);
    expect((await t.api('GET', `/api/documents/${newId}/members`, { cookie: t.adminCookie })).body).toEqual([]);
    // The participant of the first edition does not take part in the new one.
    expect((await t.api('GET', `/api/documents/${newId}`, { cookie: participant.cookie })).status).toBe(404);
  });
});
