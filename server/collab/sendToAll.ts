/**
 * One framed message to every socket of a room. A room of a seminar's size is written at once. A
 * crowd (a webinar's 2,000 readers) is written in slices, one slice per turn of the event loop:
 * written at once, each keystroke's fan-out held one turn for about 30 ms, and everything else the
 * process had to do (a comment's POST, a sign-in, another room's keystrokes) waited behind it; under
 * bench (g)'s typing that was most of every second. Between slices the process reads what arrived.
 *
 * Order: while anything of a room is queued, the room's next message queues behind it, and the queue
 * is written job by job, each job's slices in order, so every socket receives its messages in the
 * order they came. Another room's messages do not wait for this one's.
 */
import type { Framed } from './frames.ts';

/** Sockets written per turn: about 3 ms of writes on this project's machines. */
export const SLICE = 256;

export interface Receiver {
  sendFramed(message: Framed): void;
}

interface Job {
  room: object;
  receivers: Receiver[];
  next: number;
  message: Framed;
  except: unknown;
}

const queue: Job[] = [];
/** Jobs queued per room. */
const queuedOf = new Map<object, number>();
let scheduled = false;

/** `receivers` are the room's sockets (the same collection for every message of the room). */
export function sendToAll(receivers: Set<Receiver>, message: Framed, except?: unknown): void {
  const waiting = queuedOf.has(receivers);
  if (!waiting && receivers.size <= SLICE) {
    for (const receiver of receivers) if (receiver !== except) receiver.sendFramed(message);
    return;
  }
  const job: Job = { room: receivers, receivers: [...receivers], next: 0, message, except };
  // The first slice goes at once when nothing of the room waits before it.
  if (!waiting) writeSlice(job);
  if (job.next < job.receivers.length) {
    queue.push(job);
    queuedOf.set(receivers, (queuedOf.get(receivers) ?? 0) + 1);
    schedule();
  }
}

function writeSlice(job: Job): void {
  const end = Math.min(job.receivers.length, job.next + SLICE);
  for (let i = job.next; i < end; i++) {
    const receiver = job.receivers[i]!;
    if (receiver !== job.except) receiver.sendFramed(job.message);
  }
  job.next = end;
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(drain);
}

function drain(): void {
  scheduled = false;
  const job = queue[0];
  if (!job) return;
  writeSlice(job);
  if (job.next >= job.receivers.length) {
    queue.shift();
    const left = (queuedOf.get(job.room) ?? 1) - 1;
    if (left > 0) queuedOf.set(job.room, left);
    else queuedOf.delete(job.room);
  }
  if (queue.length > 0) schedule();
}

/** Whether anything is still waiting to be written (tests). */
export const sendsPending = (): boolean => queue.length > 0;
