/**
 * Conversions (and Word files of the text) run in a worker thread, one at a time, each within a time
 * budget: a file that takes
 * too long, or needs more memory than the worker is given (a zip that lied about its sizes), stops
 * the worker and is refused; the next conversion starts a fresh one. An idle worker is stopped after
 * a while so that it never keeps a command-line run alive.
 */
import { Worker } from 'node:worker_threads';
import { IMPORT_TIME_BUDGET_MS } from '../../../shared/limits.ts';
import type { ConvertedDraft, ConvertRequest } from './convert.ts';
import { ImportRefusal } from './refusal.ts';
import type { WorkerRequest } from './importWorker.ts';
import type { JSONNode } from '../markdown.ts';
import type { CommentTable } from '../../threads/import/readTable.ts';
import { DomainError, type ErrorKind } from '../../errors.ts';

const IDLE_MS = 5000;
const MEMORY_MB = 1024;

interface Reply {
  id: number;
  preview?: ConvertedDraft['preview'];
  state?: Uint8Array;
  body?: Uint8Array;
  refusal?: ReturnType<ImportRefusal['toJSON']>;
  /** A refusal from the domain's catalogue (a comment table that cannot be read). */
  domainRefusal?: { kind: ErrorKind; code: string; message: string; words?: DomainError['words'] };
  table?: CommentTable;
  error?: string;
}

/** From the sources the worker is TypeScript (a small entry registers tsx); `npm start` runs it compiled. */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './importWorkerBoot.mjs' : './importWorker.mjs', import.meta.url);

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function currentWorker(): Worker {
  if (idle) clearTimeout(idle);
  idle = null;
  worker ??= new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB, maxYoungGenerationSizeMb: 64 } });
  return worker;
}

function stop(w: Worker): void {
  if (worker === w) worker = null;
  void w.terminate();
}

type Job = { kind: 'convert'; request: ConvertRequest } | { kind: 'word'; title: string; doc: JSONNode } | { kind: 'table'; fileName: string; bytes: Uint8Array };

/** A refusal thrown in the worker, whole again: its catalogue words cross the thread with it. */
function refusalFrom({ kind, code, message, words }: NonNullable<Reply['domainRefusal']>): DomainError {
  const refusal = new DomainError(kind, code, message);
  return words ? refusal.saying(words.key, words.values) : refusal;
}

function runOne(job: Job, fileName: string, budgetMs: number): Promise<Reply> {
  const w = currentWorker();
  w.ref();
  const id = ++nextId;
  return new Promise<Reply>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('exit', onExit);
      w.off('error', onError);
      w.unref();
    };
    const timer = setTimeout(() => {
      finish();
      stop(w);
      const english = `“${fileName}” took longer than ${budgetMs / 1000} s to convert and was stopped. Split the draft into smaller files, or remove images and embedded objects, and try again.`;
      reject(new ImportRefusal('conversion_timeout', english, { key: 'error.draft.tooSlow', values: { fileName, seconds: budgetMs / 1000 } }));
    }, budgetMs);
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      finish();
      if (reply.refusal) reject(ImportRefusal.from(reply.refusal));
      else if (reply.domainRefusal) reject(refusalFrom(reply.domainRefusal));
      else if (reply.error !== undefined) reject(new Error(reply.error));
      else resolve(reply);
    };
    const onExit = () => {
      finish();
      if (worker === w) worker = null;
      const english = `“${fileName}” needs more memory to convert than the server allows. Remove large images or embedded files and try again.`;
      reject(new ImportRefusal('unpacks_too_large', english, { key: 'error.draft.tooMuchMemory', values: { fileName } }));
    };
    const onError = () => {
      // An out-of-memory error is followed by 'exit'; the exit handler answers.
    };
    w.on('message', onMessage);
    w.on('exit', onExit);
    w.on('error', onError);
    if (job.kind === 'word') return w.postMessage({ id, ...job } satisfies WorkerRequest);
    if (job.kind === 'table') {
      const copy = Uint8Array.from(job.bytes);
      return w.postMessage({ id, kind: 'table', fileName: job.fileName, bytes: copy } satisfies WorkerRequest, [copy.buffer]);
    }
    const bytes = Uint8Array.from(job.request.bytes);
    w.postMessage({ id, kind: 'convert', request: { ...job.request, bytes } } satisfies WorkerRequest, [bytes.buffer]);
  });
}

function enqueue(job: Job, fileName: string, budgetMs: number): Promise<Reply> {
  const run = queue.then(() => runOne(job, fileName, budgetMs));
  queue = run.catch(() => undefined).finally(() => {
    if (!worker) return;
    const w = worker;
    idle = setTimeout(() => stop(w), IDLE_MS);
    idle.unref();
  });
  return run;
}

export async function convertOffThread(request: ConvertRequest, budgetMs = IMPORT_TIME_BUDGET_MS): Promise<ConvertedDraft> {
  const reply = await enqueue({ kind: 'convert', request }, request.fileName, budgetMs);
  if (!reply.preview || !reply.state) throw new Error('The conversion gave no result');
  return { preview: reply.preview, state: reply.state };
}

/** The text as a .docx file (wordOut.ts), made in the worker. */
export async function wordOffThread(title: string, doc: JSONNode, budgetMs = IMPORT_TIME_BUDGET_MS): Promise<Uint8Array> {
  const reply = await enqueue({ kind: 'word', title, doc }, `${title}.docx`, budgetMs);
  if (!reply.body) throw new Error('The Word file was not made');
  return reply.body;
}

/** A comment table read into rows (threads/import/readTable.ts), in the worker. */
export async function commentTableOffThread(fileName: string, bytes: Uint8Array, budgetMs = IMPORT_TIME_BUDGET_MS): Promise<CommentTable> {
  const reply = await enqueue({ kind: 'table', fileName, bytes }, fileName, budgetMs);
  if (!reply.table) throw new Error('The table was not read');
  return reply.table;
}
