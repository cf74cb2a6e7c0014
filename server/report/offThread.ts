/**
 * Word and PDF files are made in a worker thread, reused and queued, so that a large report never
 * blocks the event loop that carries everyone's keystrokes. An idle worker is stopped after a while:
 * a live one would keep a command-line run from exiting.
 */
import { Worker } from 'node:worker_threads';
import type { Report } from './types.ts';
import type { RenderRequest } from './renderWorker.ts';

const IDLE_MS = 2000;

interface Pending {
  resolve: (body: Uint8Array<ArrayBuffer>) => void;
  reject: (error: Error) => void;
}

interface RenderThread {
  worker: Worker;
  pending: Map<number, Pending>;
  idle: NodeJS.Timeout | null;
}

let current: RenderThread | null = null;
let nextId = 0;

/**
 * Run from the sources (tests, scripts), the worker is TypeScript too: a small JS entry registers tsx
 * in that thread first. Run by `npm start`, this code is compiled into server/dist, beside the
 * compiled worker (server/start.mjs).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './renderWorkerBoot.mjs' : './renderWorker.mjs', import.meta.url);

function startThread(): RenderThread {
  // A large report needs room: with a worker's default young generation, 10,000 comments take
  // twice as long, mostly collecting garbage.
  const limits = { maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 256 };
  const thread: RenderThread = { worker: new Worker(WORKER_ENTRY, { resourceLimits: limits }), pending: new Map(), idle: null };
  const { worker, pending } = thread;
  worker.unref();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    if (current === thread) current = null;
  };
  worker.on('message', (message: { id: number; body?: Uint8Array<ArrayBuffer>; error?: string }) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.body) p.resolve(message.body);
    else p.reject(new Error(message.error ?? 'The report could not be made'));
    if (pending.size === 0) {
      // Only work in progress keeps the process alive.
      worker.unref();
      thread.idle = setTimeout(() => {
        if (pending.size > 0) return;
        if (current === thread) current = null;
        void worker.terminate();
      }, IDLE_MS);
      thread.idle.unref();
    }
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The report worker stopped (${code})`)));
  return thread;
}

export function renderOffThread(report: Report, format: RenderRequest['format']): Promise<Uint8Array<ArrayBuffer>> {
  const thread = (current ??= startThread());
  if (thread.idle) clearTimeout(thread.idle);
  thread.idle = null;
  thread.worker.ref();
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    thread.pending.set(id, { resolve, reject });
    thread.worker.postMessage({ id, report, format } satisfies RenderRequest);
  });
}
