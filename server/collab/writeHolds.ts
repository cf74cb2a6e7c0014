/**
 * Holding a document's writes while its phase changes. A phase change takes a version of the text
 * and then stores the new phase; an edit applied between the two would be in the live text but not
 * in the version (the "Adopted text" would differ from the adopted text). So the change first makes
 * every socket on the document read-only, at once and synchronously (also sockets that open while the
 * hold lasts), and only then takes the version and stores the phase. When the hold ends, each socket
 * whose rights the new phase changes is closed at once (it reconnects with its new rights), and the
 * others get their rights back.
 *
 * What it must never do: give a socket its old rights back, even for a moment, under a phase that no
 * longer allows them.
 */
import type { Phase } from '../../shared/domain.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';
import type { Connection } from './connection.ts';

interface Hold {
  count: number;
  /** The rights each held socket had before the hold. */
  rights: Map<Connection, boolean>;
  /** The phase stored while held, when the change happened. */
  phase?: Phase;
}

export class WriteHolds {
  private readonly holds = new Map<string, Hold>();
  /** How many holds ended per document: a socket that read the old phase while one ran is re-checked. */
  private readonly ended = new Map<string, number>();

  /** `mayWrite`: whether a socket may write under a phase (its person's role and that phase). */
  constructor(private readonly mayWrite: (conn: Connection, phase: Phase) => boolean) {}

  /** Holds the writes of `sockets` (those of the document) now; the returned function ends the hold. */
  hold(documentId: string, sockets: Iterable<Connection>): (phase: Phase | null) => void {
    const hold = this.holds.get(documentId) ?? { count: 0, rights: new Map<Connection, boolean>() };
    hold.phase = undefined;
    this.holds.set(documentId, hold);
    hold.count++;
    for (const conn of sockets) this.take(hold, conn);
    let done = false;
    return (phase) => {
      if (done) return;
      done = true;
      this.ended.set(documentId, this.endedCount(documentId) + 1);
      if (phase) hold.phase = phase;
      if (--hold.count > 0) return;
      this.holds.delete(documentId);
      for (const [conn, canWrite] of hold.rights) {
        if (hold.phase && this.mayWrite(conn, hold.phase) !== canWrite) {
          conn.close(CLOSE_CODES.rightsChanged, 'Your rights on this document changed');
          continue;
        }
        conn.canWrite = canWrite;
        // Updates it sent while held were dropped: our sync step 1 makes the client send them again.
        if (canWrite) conn.greet();
      }
    };
  }

  isHeld(documentId: string): boolean {
    return this.holds.has(documentId);
  }

  /** A socket opening now: held with the others if its document is. Returns whether it was. */
  join(documentId: string, conn: Connection): boolean {
    const hold = this.holds.get(documentId);
    if (hold) this.take(hold, conn);
    return !!hold;
  }

  /** How many holds of the document have ended so far. */
  endedCount(documentId: string): number {
    return this.ended.get(documentId) ?? 0;
  }

  private take(hold: Hold, conn: Connection): void {
    if (hold.rights.has(conn)) return;
    hold.rights.set(conn, conn.canWrite);
    conn.canWrite = false;
  }
}
