/**
 * Runs in a worker thread: makes every report file (CSV, Markdown, XLSX, Word, PDF) and every version
 * file. The docx package builds a whole file in one synchronous step (about 6 s for 10,000
 * comments), and even a CSV of that size takes a while: on the main thread either would freeze every
 * editor's typing for as long.
 */
import { parentPort } from 'node:worker_threads';
import type { VersionForExport } from '../versions/exportFiles.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import type { Report } from './types.ts';
import { reportWords } from './words.ts';

/** A file to make, and the language of its words (its dates, numbers and names too). */
export type RenderJob =
  | { kind: 'report'; report: Report; format: 'csv' | 'md' | 'xlsx' | 'docx' | 'pdf'; language: Language }
  | { kind: 'version'; version: VersionForExport; format: 'md' | 'docx' | 'pdf'; language: Language };

export interface RenderRequest {
  id: number;
  job: RenderJob;
}

const utf8 = new TextEncoder();

// Each format's code loads with its first file: a CSV from the command line need not load Word's.
async function render(job: RenderJob): Promise<Uint8Array | string> {
  const w = reportWords(job.language);
  if (job.kind === 'version') {
    if (job.format === 'md') return (await import('../versions/exportVersion.ts')).versionAsMarkdown(job.version, w);
    const files = await import('../versions/exportFiles.ts');
    return job.format === 'docx' ? files.versionAsDocx(job.version, w) : files.versionAsPdf(job.version, w);
  }
  switch (job.format) {
    case 'csv':
      return (await import('./csv.ts')).reportCsv(job.report, w);
    case 'md':
      return (await import('./markdown.ts')).reportMarkdown(job.report, w);
    case 'xlsx':
      return (await import('./xlsx.ts')).reportXlsx(job.report, w);
    case 'docx':
      return (await import('./docx.ts')).reportDocx(job.report, w);
    case 'pdf':
      return (await import('./pdf.ts')).reportPdf(job.report, w);
  }
}

parentPort?.on('message', async (request: RenderRequest) => {
  try {
    const made = await render(request.job);
    // A fresh buffer of its own, so it can be handed over without a copy.
    const body = typeof made === 'string' ? utf8.encode(made) : Uint8Array.from(made);
    parentPort?.postMessage({ id: request.id, body }, [body.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
