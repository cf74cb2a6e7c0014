/**
 * Runs in a worker thread: converts one uploaded file at a time. mammoth and the Yjs encoding of a
 * hundred-page draft take a second or more of solid computation, which on the main thread would
 * freeze every editor's typing.
 */
import { parentPort } from 'node:worker_threads';
import { convertFile, type ConvertRequest } from './convert.ts';
import { ImportRefusal } from './refusal.ts';

export interface WorkerRequest extends ConvertRequest {
  id: number;
}

parentPort?.on('message', async (request: WorkerRequest) => {
  try {
    const { preview, state } = await convertFile(request);
    const copy = Uint8Array.from(state);
    parentPort?.postMessage({ id: request.id, preview, state: copy }, [copy.buffer]);
  } catch (error) {
    if (error instanceof ImportRefusal) parentPort?.postMessage({ id: request.id, refusal: error.toJSON() });
    else parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
