/**
 * The server as `npm start` runs it, in a child process, for what only a real process shows: the
 * printed sign-in link, signals, and kill -9.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT, testDatabaseUrl, testSchema } from './testServer.ts';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `nodeArgs` go before the script (e.g. a preloaded probe); `ipc` opens a message channel to the
 * child; `wrapper` is a command that runs node (e.g. valgrind): the child's pid is then the wrapper's,
 * which for valgrind is the server's own.
 */
export function spawnServer(env: Record<string, string>, options: { nodeArgs?: string[]; ipc?: boolean; wrapper?: string[] } = {}): Promise<ServerProcess> {
  // On a PostgreSQL run, the process keeps its data in its DATA_DIR's schema, as test servers do.
  const databaseUrl = testDatabaseUrl();
  const store: Record<string, string> = databaseUrl && env.DATA_DIR ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: testSchema(path.resolve(env.DATA_DIR)) } : {};
  const [command, ...wrapperArgs] = [...(options.wrapper ?? []), process.execPath];
  const child = spawn(command!, [...wrapperArgs, ...(options.nodeArgs ?? []), path.join(ROOT, 'server/start.mjs')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      // No web app needed here; pointing elsewhere also skips the build step.
      CLIENT_DIR: path.join(ROOT, 'tests', '.no-client'),
      LOG_LEVEL: 'error',
      ...store,
      ...env,
    },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /Accord is running at (\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1], stdout: () => out, stderr: () => err, exited });
    });
    void exited.then(({ code }) => reject(new Error(`server exited early (${code}): ${err}`)));
  });
}
