/**
 * A client process of (j), scale-out (scaleOut.ts): answers scaleClients.ts's tasks over IPC, as
 * clientProcessMain.ts does for the other scenarios. Never imports the server.
 */
import { scaleJoin, scaleRun } from './scaleClients.ts';

// oxlint-disable-next-line typescript/no-explicit-any -- each task checks its own parameters' shape by its type at the call site
const tasks: Record<string, (params: any) => Promise<unknown>> = { scaleJoin, scaleRun };

if (!process.send) throw new Error('scaleClientMain.ts runs as a child process with IPC only');
process.on('message', ({ id, task, params }: { id: number; task: string; params: unknown }) => {
  const run = tasks[task];
  if (!run) return void process.send!({ id, error: `unknown task ${task}` });
  run(params).then(
    (result) => process.send!({ id, result }),
    (error: Error) => process.send!({ id, error: error.stack ?? String(error) }),
  );
});
process.on('SIGTERM', () => process.exit(0));
