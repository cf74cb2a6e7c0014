/**
 * writeFileDurably (durableFile.ts), done whole on a thread of its own. On the main thread each of its
 * eight steps (open, write, fsync, close, rename, and the folder's open, fsync and close) is a round
 * trip through libuv's pool whose answer then waits its turn in the event loop. Under a crowd's
 * fan-out (bench (g): 2,000 sockets written per keystroke) a turn took tens of milliseconds, and a
 * comment's POST waited for all eight. Here the main thread waits for one message. Same steps, same
 * order, same guarantee: the file holds the old content or the new, whole, and the answer comes once
 * both the file and its folder are on disk.
 */
import { Worker } from 'node:worker_threads';

/** Plain JavaScript with no imports of ours, so that it runs the same from the sources and from server/dist. */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
let sequence = 0;
function write(file, data) {
  const temp = path.join(path.dirname(file), '.' + path.basename(file) + '.' + process.pid + '.w' + (++sequence) + '.tmp');
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    try { fs.closeSync(fd); } catch {}
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  const folder = fs.openSync(path.dirname(file), 'r');
  try { fs.fsyncSync(folder); } finally { fs.closeSync(folder); }
}
parentPort.on('message', ({ id, file, data }) => {
  try {
    write(file, data);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;

function writer(): Worker {
  if (worker) return worker;
  const started = new Worker(WRITER, { eval: true });
  started.on('message', ({ id, error }: { id: number; error?: { message: string; code?: string } }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (pending.size === 0) started.unref();
    if (!waiter) return;
    if (!error) return waiter.resolve();
    waiter.reject(Object.assign(new Error(error.message), error.code ? { code: error.code } : {}));
  });
  // A writer that died answers nothing more: what it held fails (nothing is acknowledged unwritten),
  // and the next write starts another.
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the file writer stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/**
 * Where the record files' writes go. An object, so that the tests that play a full or a slow disk
 * (tests/helpers/diskFaults.ts) can stand in front of the writer as they do in front of fs.open.
 */
export const durableWrites = { write: writeOffThread };

export function writeFileDurablyOffThread(file: string, data: string | Uint8Array): Promise<void> {
  return durableWrites.write(file, data);
}

function writeOffThread(file: string, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    const thread = writer();
    // Held while it has work, so that a script never exits with a write unanswered; idle, it keeps
    // no process alive.
    thread.ref();
    thread.postMessage({ id, file, data });
  });
}
