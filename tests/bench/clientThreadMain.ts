/**
 * The client thread (see clientThread.ts): runs the client-side half of a scenario on request and
 * posts back its outcome. Never imports the server.
 */
import { parentPort } from 'node:worker_threads';
import { fanoutClients } from './fanoutClients.ts';
import { typeTrace, typistLeave, watchDone, watchReady } from './traceReplay.ts';
import { stormClients } from './joinStorm.ts';

// oxlint-disable-next-line typescript/no-explicit-any -- each task checks its own parameters' shape by its type at the call site
const tasks: Record<string, (params: any) => Promise<unknown>> = {
  fanout: fanoutClients,
  typeTrace,
  typistLeave,
  watchReady,
  watchDone,
  storm: stormClients,
};

const port = parentPort;
if (!port) throw new Error('clientThreadMain.ts runs as a worker thread only');
port.on('message', ({ id, task, params }: { id: number; task: string; params: unknown }) => {
  const run = tasks[task];
  if (!run) return port.postMessage({ id, error: `unknown task ${task}` });
  run(params).then(
    (result) => port.postMessage({ id, result }),
    (error: Error) => port.postMessage({ id, error: error.stack ?? String(error) }),
  );
});
