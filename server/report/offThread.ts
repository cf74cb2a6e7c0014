/**
 * Every report and version file is made in a worker thread, reused and queued, so that a large
 * report never blocks the event loop that carries everyone's keystrokes.
 *
 * Loading docx, pdfkit, exceljs and the fonts and compiling their code took the first Word file 3–5 s
 * and the first PDF 8 s. A warm worker costs 75–90 MiB, though, which an idle seminar server should
 * not carry all day. So the server warms it when someone opens a page that leads to a download (the
 * report, the versions: warmRenderer) and keeps it while downloads go on (rendererIdle, 15 minutes
 * in the server); the page is read for seconds before a button is pressed, and the warm-up takes
 * about one. Elsewhere (the CLI, tests) an idle worker stops after 2 s and nothing warms it. The
 * worker is unref'd whenever no file is being made, so it never keeps a process from exiting.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderRequest } from './renderWorker.ts';
import { warmUpJobs } from './warmUp.ts';


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
/** How long an idle worker stays; set by the server (rendererIdle). */
let idleMs = 2000;
/** Whether warmRenderer does anything: only in the server. */
let warmOnDemand = false;
/** The thread whose libraries are loaded, or being loaded. */
let warmed: RenderThread | null = null;

/**
 * Run from the sources (tests, scripts), the worker is TypeScript too: a small JS entry registers tsx
 * in that thread first. Run by `npm start` or the compiled CLI, this code is compiled beside the
 * compiled worker (server/start.mjs, scripts/report.mjs).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './renderWorkerBoot.mjs' : './renderWorker.mjs', import.meta.url);

function whenIdle(thread: RenderThread): void {
  // Only work in progress keeps the process alive.
  thread.worker.unref();
  thread.idle = setTimeout(() => {
    if (thread.pending.size > 0) return;
    if (current === thread) current = null;
    void thread.worker.terminate();
  }, idleMs);
  thread.idle.unref();
}

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
    else p.reject(new Error(message.error ?? 'The file could not be made'));
    if (pending.size === 0) whenIdle(thread);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The report worker stopped (${code})`)));
  return thread;
}

/** Makes the file in the worker; the body is the file's bytes (UTF-8 for the text formats). */
export function renderOffThread(job: RenderJob): Promise<Uint8Array<ArrayBuffer>> {
  const thread = (current ??= startThread());
  if (thread.idle) clearTimeout(thread.idle);
  thread.idle = null;
  thread.worker.ref();
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    thread.pending.set(id, { resolve, reject });
    thread.worker.postMessage({ id, job } satisfies RenderRequest);
  });
}

/**
 * The server's choice: an idle worker stays this long, and pages may warm it (warmRenderer); with
 * `warm` false, as outside the server. A worker idle now is kept for the new length from now (the
 * report bench sets the server's choice for its server, then goes back).
 */
export function rendererIdle(ms: number, warm = true): void {
  idleMs = ms;
  warmOnDemand = warm;
  if (current?.idle) {
    clearTimeout(current.idle);
    whenIdle(current);
  }
}

/**
 * Loads every library in the worker and makes each kind of file once, unless that worker already
 * did, so that the first real download is as quick as the next. Resolves when warm; never rejects
 * (a failure shows again, with its message, on the first real request). Outside the server, nothing.
 */
export function warmRenderer(): Promise<void> {
  if (!warmOnDemand || (current && warmed === current)) return Promise.resolve();
  const thread = (current ??= startThread());
  warmed = thread;
  return Promise.all(warmUpJobs().map((job) => renderOffThread(job))).then(
    () => undefined,
    () => undefined,
  );
}

/** Whether a worker runs, and whether it was warmed (for tests and the health of the bench). */
export function rendererState(): { running: boolean; warmed: boolean } {
  return { running: current !== null, warmed: current !== null && warmed === current };
}
