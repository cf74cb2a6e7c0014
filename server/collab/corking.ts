/**
 * Batches a socket's writes within one turn of the event loop, only when there is more than one.
 *
 * A burst (a trace replayed, a join's sync step 2 and presence) leaves in one system call instead of
 * one per message. A lone message, the common case while people type, goes straight out: corking it
 * would only turn a plain write into a costlier writev later (measured: about 15 % more server CPU
 * per delivered keystroke in benchmark (a)). One nextTick per turn for the whole process, not one
 * per socket, uncorks whatever was corked.
 */
interface Corkable {
  cork(): void;
  uncork(): void;
}

let turn = 0;
let turnEndScheduled = false;
const corked: Corkable[] = [];

function endTurn(): void {
  turn++;
  turnEndScheduled = false;
  for (const socket of corked.splice(0)) socket.uncork();
}

/** Per socket: remembers the turn of its last write. */
export class WriteBatcher {
  private lastTurn = -1;
  private isCorked = false;

  constructor(private readonly socket: Corkable | undefined) {}

  /** Call before each write. */
  beforeWrite(): void {
    if (!turnEndScheduled) {
      turnEndScheduled = true;
      process.nextTick(endTurn);
    }
    if (this.lastTurn !== turn) {
      this.lastTurn = turn;
      this.isCorked = false;
      return;
    }
    // A second write in this turn: hold it, and any after it, until the turn ends.
    if (!this.isCorked && this.socket) {
      this.isCorked = true;
      this.socket.cork();
      corked.push(this.socket);
    }
  }
}
