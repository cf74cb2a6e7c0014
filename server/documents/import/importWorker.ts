/**
 * Runs in a worker thread: converts one uploaded file at a time, writes the text as a Word file, and
 * reads comment tables (exceljs reading a workbook is seconds of solid work for a large one).
 * mammoth, the Yjs encoding of a hundred-page draft and the docx package each take a second or more of
 * solid computation, which on the main thread would freeze every editor's typing.
 */
import { parentPort } from 'node:worker_threads';
import type { JSONNode } from '../markdown.ts';
import { textAsDocx } from '../wordOut.ts';
import { convertFile, type ConvertRequest } from './convert.ts';
import { ImportRefusal } from './refusal.ts';
import { readCommentTable } from '../../threads/import/readTable.ts';
import { DomainError } from '../../errors.ts';

export type WorkerRequest = { id: number } & (
  | { kind: 'convert'; request: ConvertRequest }
  | { kind: 'word'; title: string; doc: JSONNode }
  | { kind: 'table'; fileName: string; bytes: Uint8Array }
);

parentPort?.on('message', async (message: WorkerRequest) => {
  try {
    if (message.kind === 'word') {
      const body = Uint8Array.from(await textAsDocx(message.title, message.doc));
      parentPort?.postMessage({ id: message.id, body }, [body.buffer]);
      return;
    }
    if (message.kind === 'table') {
      parentPort?.postMessage({ id: message.id, table: await readCommentTable(message.fileName, message.bytes) });
      return;
    }
    const { preview, state } = await convertFile(message.request);
    const copy = Uint8Array.from(state);
    parentPort?.postMessage({ id: message.id, preview, state: copy }, [copy.buffer]);
  } catch (error) {
    if (error instanceof ImportRefusal) parentPort?.postMessage({ id: message.id, refusal: error.toJSON() });
    else if (error instanceof DomainError) parentPort?.postMessage({ id: message.id, domainRefusal: { kind: error.kind, code: error.code, message: error.message, words: error.words } });
    else parentPort?.postMessage({ id: message.id, error: (error as Error).message });
  }
});
