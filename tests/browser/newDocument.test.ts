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
    expect(await dialog.getByTestId('import-not-kept').textContent()).toContain('1 table kept as text');
    // Nothing is created by the preview.
    const listed = await suite.server.api('GET', '/api/documents', { cookie: suite.server.adminCookie });
    expect(listed.body.map((d: { id: string }) => d.id)).not.toContain('training-guidelines');

    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/documents\/training-guidelines$/);
    await page.getByRole('heading', { name: 'Introduction' }).first().waitFor();
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
