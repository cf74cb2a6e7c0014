/**
 * One framed message to every socket of a room. A room of a seminar's size is written at once. For a
 * crowd (a webinar's 2,000 readers) the message is queued on each socket, and the sockets are written
 * in slices, one slice per turn of the event loop, each socket's queue in one system call:
 * - written at once, each keystroke's fan-out held one turn for about 30 ms, and everything else the
 *   process had to do (a comment's POST, a sign-in, another room's keystrokes) waited behind it;
 * - keystrokes that arrive while a fan-out is under way join the queues, so that under load a socket
 *   gets several in one write instead of one write each (writes are most of the cost: bench (g)).
 * Each socket gets its messages in the order they came (Connection.sendFramed writes behind its queue).
 */
import type { Framed } from './frames.ts';

/** Sockets written per turn: a few milliseconds of writes on this project's machines. */
export const SLICE = 256;

export interface Receiver {
  sendFramed(message: Framed): void;
  /** True when the receiver had nothing queued before (it is then listed once, here). */
  queueFramed(message: Framed): boolean;
  writeQueued(): void;
}

/** Sockets with something queued, in the order they got it. */
let waiting: Receiver[] = [];
let scheduled = false;

/** `receivers` are the room's sockets; `except` (the sender) gets nothing. */
export function sendToAll(receivers: Set<Receiver>, message: Framed, except?: unknown): void {
  if (receivers.size <= SLICE) {
    for (const receiver of receivers) if (receiver !== except) receiver.sendFramed(message);
    return;
  }
  const idle = waiting.length === 0;
  for (const receiver of receivers) if (receiver !== except && receiver.queueFramed(message)) waiting.push(receiver);
  // Nothing was under way: the first slice goes at once, as a small room's would.
  if (idle) writeSlice();
  if (waiting.length > 0 && !scheduled) {
    scheduled = true;
    setImmediate(drain);
  }
}

function writeSlice(): void {
  const slice = waiting.length <= SLICE ? waiting : waiting.slice(0, SLICE);
  waiting = waiting.length <= SLICE ? [] : waiting.slice(SLICE);
  for (const receiver of slice) receiver.writeQueued();
}

function drain(): void {
  scheduled = false;
  writeSlice();
  if (waiting.length > 0) {
    scheduled = true;
    setImmediate(drain);
  }
}

/** Whether anything is still waiting to be written (tests). */
export const sendsPending = (): boolean => waiting.length > 0;
