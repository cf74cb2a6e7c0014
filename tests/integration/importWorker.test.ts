/** The import worker: a conversion over its time budget is stopped and refused, and the next one works. */
import { describe, expect, it } from 'vitest';
import { convertOffThread } from '../../server/documents/import/offThread.ts';
import { smallWordDraft } from '../helpers/wordFiles.ts';

describe('the import worker', () => {
  it('stops a conversion that takes longer than its budget, then converts the next file in a fresh worker', async () => {
    const bytes = await smallWordDraft();
    const late = await convertOffThread({ fileName: 'slow.docx', bytes }, 1).then(
      () => 'converted',
      (error: { code?: string; status?: number }) => `${error.status} ${error.code}`,
    );
    expect(late).toBe('422 conversion_timeout');
    const next = await convertOffThread({ fileName: 'guidelines.docx', bytes });
    expect(next.preview.sections.map((s) => s.title)).toEqual(['Introduction', 'Scope', 'Principles']);
    expect(next.state.byteLength).toBeGreaterThan(100);
  });

  it('passes on a refusal from the worker with its status and code', async () => {
    const refused = await convertOffThread({ fileName: 'empty.md', bytes: new Uint8Array(0) }).then(
      () => 'converted',
      (error: { code?: string; status?: number }) => `${error.status} ${error.code}`,
    );
    expect(refused).toBe('422 empty_file');
  });
});
