/**
 * The outsider's harness: each server in a process of its own and the clients in others, as people
 * measure a server from outside. Ours runs as `npm start` runs it (`node server/start.mjs`: compiled
 * by esbuild into server/dist, no TypeScript loader), the reference (referenceProcess.ts) as a plain
 * Node process with tsx; every client process (clientProcessMain.ts) answers tasks over IPC, like the
 * client thread does. CPU and memory are read per process from /proc, so they include the server's
 * GC and helper threads, which the in-process harness's main-thread figure leaves out.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { within } from './helpers.ts';

export { processCpuMs } from './helpers.ts';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Stderr lines the server printed (our server logs event-loop stalls there). */
  stderr: string[];
  stop(): Promise<void>;
}

const HERE = import.meta.dirname;
// Not imported from the test helpers: client processes load this file and must not load the server.
const ROOT = path.resolve(HERE, '../..');
/**
 * Where our server is started from: this checkout, or BENCH_OURS_ROOT, another checkout (with its
 * node_modules) of an earlier commit, to measure a change before and after in the same conditions.
 */
const OURS_ROOT = process.env.BENCH_OURS_ROOT ? path.resolve(process.env.BENCH_OURS_ROOT) : ROOT;

function waitForUrl(child: ChildProcess, pattern: RegExp, stderr: string[], what: string): Promise<string> {
  let out = '';
  const started = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited early (${code}): ${stderr.join('\n')}`)));
  });
  return within(started, 90_000, `${what} to start`);
}

function stopper(child: ChildProcess, what: string): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // Our server writes everything on SIGTERM (and --cpu-prof its profile at exit): give it time.
    await within(exited, 20_000, `${what} to stop`).catch(() => child.kill('SIGKILL'));
  };
}

/**
 * Our server as `npm start` runs it, with the memory probe preloaded (heap on request, after a GC).
 * `cpuProfileDir` adds `--cpu-prof`: the profile is written there when the server exits.
 */
export async function spawnOurs(options: { dataDir: string; seedDir: string; adminToken: string; cpuProfileDir?: string }): Promise<ServerProcess> {
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profile, '--expose-gc', '--import', new URL('./memoryProbe.mjs', import.meta.url).href, path.join(OURS_ROOT, 'server', 'start.mjs')], {
    cwd: OURS_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: options.dataDir,
      SEED_DIR: options.seedDir,
      ADMIN_TOKEN: options.adminToken,
      // A folder that does not exist: no web app, and no build of it.
      CLIENT_DIR: path.join(options.dataDir, 'no-client'),
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stderr = collect(child);
  const url = await waitForUrl(child, /Accord is running at (\S+)/, stderr, 'our server');
  return { child, pid: child.pid!, url, stderr, stop: stopper(child, 'our server') };
}

/** The reference relay (`echo`: the stock one; `no-echo`: referenceRelay.ts) in a process of its own. */
export async function spawnReference(kind: 'echo' | 'no-echo'): Promise<ServerProcess & { prime(documentId: string, state: Uint8Array): Promise<void> }> {
  const child = fork(path.join(HERE, 'referenceProcess.ts'), [kind], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stderr = collect(child);
  const url = await waitForUrl(child, /reference listening at (\S+)/, stderr, `the reference (${kind})`);
  return {
    child,
    pid: child.pid!,
    url,
    stderr,
    stop: stopper(child, `the reference (${kind})`),
    prime: (documentId, state) => ask(child, { prime: documentId, state: Buffer.from(state).toString('base64') }, 'primed'),
  };
}

function collect(child: ChildProcess): string[] {
  const lines: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => lines.push(...String(chunk).split('\n').filter(Boolean)));
  return lines;
}

/** A CPU profile of our server (spawnOurs) over just the window between start and stop (memoryProbe.mjs). */
export function profileWindow(server: ServerProcess): { stop(file: string): Promise<void> } & { started: Promise<void> } {
  return {
    started: ask(server.child, { profile: 'start' }, 'profiling'),
    stop: (file) => ask(server.child, { profile: 'stop', file }, 'profiled'),
  };
}

function ask(child: ChildProcess, message: object, answer: string): Promise<void> {
  const answered = new Promise<void>((resolve) => {
    const onMessage = (reply: { [key: string]: unknown }) => {
      if (!(answer in reply)) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
  });
  child.send(message);
  return within(answered, 30_000, `the child process to answer ${answer}`);
}

/** RSS and, after a forced GC in the process (memoryProbe.mjs or referenceProcess.ts), heap used. */
export async function memoryOf(server: ServerProcess): Promise<{ rss: number; heapUsed: number }> {
  const answer = new Promise<NodeJS.MemoryUsage>((resolve) => {
    const onMessage = (message: { memory?: NodeJS.MemoryUsage }) => {
      if (!message.memory) return;
      server.child.off('message', onMessage);
      resolve(message.memory);
    };
    server.child.on('message', onMessage);
  });
  server.child.send('memory?');
  const memory = await within(answer, 15_000, 'the memory probe to answer');
  return { rss: vmRss(server.pid), heapUsed: memory.heapUsed };
}

export function vmRss(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error('no VmRSS in /proc/PID/status');
  return Number(match[1]) * 1024;
}

export interface ClientProcess {
  pid: number;
  call<T>(task: string, params: unknown): Promise<T>;
  close(): Promise<void>;
}

/** `count` client processes, each running clientProcessMain.ts (or another main beside it that answers the same way). */
export function startClientProcesses(count: number, main = 'clientProcessMain.ts'): ClientProcess[] {
  return Array.from({ length: count }, () => {
    const child = fork(path.join(HERE, main), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    let next = 0;
    child.on('message', (reply: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.error !== undefined) waiting.reject(new Error(`client process: ${reply.error}`));
      else waiting.resolve(reply.result);
    });
    child.on('exit', (code) => {
      for (const { reject } of pending.values()) reject(new Error(`client process exited (${code})`));
      pending.clear();
    });
    return {
      pid: child.pid!,
      call<T>(task: string, params: unknown) {
        const id = next++;
        return new Promise<T>((resolve, reject) => {
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          child.send({ id, task, params });
        });
      },
      close: stopper(child, 'a client process'),
    };
  });
}
