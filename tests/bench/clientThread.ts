/**
 * The clients run on their own thread, so that the server under test (on the main thread) has its
 * event loop to itself, as it would with clients on other machines. Two cores: one for the server,
 * one for every client. Tasks are the worker-side halves of the scenarios (clientThreadMain.ts).
 */
import { Worker } from 'node:worker_threads';

export interface ClientThread {
  call<T>(task: string, params: unknown): Promise<T>;
  close(): Promise<void>;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

export function startClientThread(): ClientThread {
  const entry = new URL('./clientThreadMain.ts', import.meta.url).href;
  // Workers do not inherit `--import tsx`; register it before loading the TypeScript entry.
  const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.error !== undefined) waiting.reject(new Error(`client thread: ${reply.error}`));
    else waiting.resolve(reply.result);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`client thread exited (${code})`)));
  return {
    call<T>(task: string, params: unknown) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
        worker.postMessage({ id, task, params });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
