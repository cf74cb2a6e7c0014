/**
 * A client process of the outsider's harness (processes.ts): runs client-side tasks on request over
 * IPC and answers their outcome. Never imports the server.
 */
import { fanoutClients } from './fanoutClients.ts';
import { stormClients } from './joinStorm.ts';
import { crowdComments, crowdEditors, crowdFinish, crowdJoin, crowdMark } from './crowdClients.ts';

// oxlint-disable-next-line typescript/no-explicit-any -- each task checks its own parameters' shape by its type at the call site
const tasks: Record<string, (params: any) => Promise<unknown>> = {
  fanout: fanoutClients,
  storm: stormClients,
  crowdJoin,
  crowdMark,
  crowdFinish,
  crowdEditors,
  crowdComments,
};

if (!process.send) throw new Error('clientProcessMain.ts runs as a child process with IPC only');
process.on('message', ({ id, task, params }: { id: number; task: string; params: unknown }) => {
  const run = tasks[task];
  if (!run) return void process.send!({ id, error: `unknown task ${task}` });
  run(params).then(
    (result) => process.send!({ id, result }),
    (error: Error) => process.send!({ id, error: error.stack ?? String(error) }),
  );
});
process.on('SIGTERM', () => process.exit(0));
