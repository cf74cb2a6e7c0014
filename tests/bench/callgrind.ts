/**
 * Instructions counted by valgrind's callgrind in a running process, for figures that must not move
 * with the machine's other work: a count of executed instructions is the same whether the cores are
 * idle or shared (CPU seconds are not; see (j) in docs/benchmarks.md). The process starts with
 * counting off (`--instr-atstart=no`: about 4× slower instead of 50×); `callgrind_control` turns
 * it on, zeroes it at a window's start and dumps it at its end. Only user-space instructions are
 * counted, of every thread: the kernel's side (socket writes and reads) is not, so the bench reports
 * system calls beside it (`/proc/PID/io`).
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether valgrind and callgrind_control are installed (Debian's `valgrind`), or why not. */
export async function callgrindUnavailable(): Promise<string | null> {
  try {
    await run('valgrind', ['--version']);
    await run('callgrind_control', ['--version']);
    return null;
  } catch {
    return 'valgrind (callgrind_control) is not installed';
  }
}

/**
 * The command that runs node under callgrind, counting nothing until told to, writing its dumps into
 * `dir`. `--smc-check=all` because V8 writes and rewrites machine code in its own heap.
 */
export const callgrindWrapper = (dir: string): string[] => [
  'valgrind',
  '--tool=callgrind',
  '--instr-atstart=no',
  '--smc-check=all',
  '--trace-children=no',
  `--callgrind-out-file=${path.join(dir, 'callgrind.%p')}`,
];

/**
 * valgrind names the pipes it is controlled through after LOGNAME (or USER) and HOST (or HOSTNAME)
 * as the process saw them, and callgrind_control looks for them under its own: it gets the process's.
 */
function namingEnv(pid: number): Record<string, string> {
  const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  const named = Object.fromEntries(environ.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const name of ['LOGNAME', 'USER', 'HOST', 'HOSTNAME', 'TMPDIR']) if (named[name] !== undefined) env[name] = named[name];
  return env;
}

const control = async (pid: number, ...args: string[]) => {
  const { stdout } = await run('callgrind_control', [...args, String(pid)], { timeout: 60_000, env: namingEnv(pid) });
  // It exits 0 also when it found no such run: its answer says whether the command was taken.
  if (!/\bOK\./.test(stdout) || /error/i.test(stdout)) throw new Error(`callgrind_control ${args.join(' ')} ${pid}: ${stdout.trim()}`);
};

/** Starts counting (once, after the process has started: starting is not what is measured). */
export const instrumentationOn = (pid: number) => control(pid, '--instr=on');
/** Sets the counts to zero: a window starts. */
export const zeroCounts = (pid: number) => control(pid, '--zero');

/**
 * Dumps the counts since the last zero and returns the instructions executed (every thread). The
 * command is taken when the process next runs valgrind's scheduler, which can be after
 * callgrind_control has answered: the dump is awaited until it is whole (its last line, "totals:").
 */
export async function dumpCount(dir: string, pid: number): Promise<number> {
  const before = dumpsOf(dir, pid);
  await control(pid, '--dump');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const added = dumpsOf(dir, pid).filter((file) => !before.includes(file));
    if (added.length > 1) throw new Error(`callgrind: ${added.length} new dumps of ${pid} in ${dir} for one request`);
    const text = added[0] ? readFileSync(path.join(dir, added[0]), 'utf8') : '';
    if (/^totals:/m.test(text)) {
      // "summary:" is the dump's total of its first event, Ir (instructions read), for every thread.
      const match = /^summary:\s+(\d+)/m.exec(text);
      if (!match) throw new Error(`callgrind: no summary line in ${added[0]}`);
      return Number(match[1]);
    }
    if (Date.now() > deadline) throw new Error(`callgrind: no whole dump of ${pid} in ${dir} within 60 s (${readdirSync(dir).join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dumpsOf = (dir: string, pid: number) => readdirSync(dir).filter((file) => file.startsWith(`callgrind.${pid}.`));

/** System calls made so far (reads and writes: sockets, files), from /proc/PID/io. */
export function systemCalls(pid: number): number {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(io)?.[1] ?? Number.NaN);
  return field('syscr') + field('syscw');
}
