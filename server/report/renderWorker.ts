/**
 * Runs in a worker thread: builds Word and PDF files. The docx package builds a whole file in one
 * synchronous step (about 6 s for 10,000 comments), which on the main thread would freeze every
 * editor's typing for as long.
 */
import { parentPort } from 'node:worker_threads';
import { reportDocx } from './docx.ts';
import { reportPdf } from './pdf.ts';
import type { Report } from './types.ts';

export interface RenderRequest {
  id: number;
  report: Report;
  format: 'docx' | 'pdf';
}

parentPort?.on('message', async (request: RenderRequest) => {
  try {
    const bytes = request.format === 'docx' ? await reportDocx(request.report) : await reportPdf(request.report);
    const body = Uint8Array.from(bytes);
    parentPort?.postMessage({ id: request.id, body }, [body.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
