/**
 * What the rest of the server may ask of the collaboration server (collabServer.ts): its rooms, the
 * holds a phase change puts on writes, and re-checking sockets whose rights may have changed. With
 * Redis, scale/fanOut.ts wraps it so that each request reaches every process.
 */
import type { Server } from 'node:http';
import type { Phase } from '../../shared/domain.ts';
import type { RoomRegistry } from './rooms.ts';

export interface CollabServer {
  rooms: RoomRegistry;
  attach(server: Server): void;
  /**
   * Stops every write to the document's text at once, synchronously, also from sockets that open while
   * held (writeHolds.ts). The returned function ends the hold: given the phase now stored, it closes at
   * once the sockets whose rights that phase changes and gives the others their rights back; given null
   * (the change did not happen), every socket gets its rights back.
   */
  holdWrites(documentId: string): (phase: Phase | null) => void;
  /**
   * holdWrites on every process of the deployment: resolves once each of them holds the writes and
   * has stored every edit it took before, each relayed as it was taken (scale/fanOut.ts). Alone, at once.
   */
  holdWritesEverywhere(documentId: string): Promise<(phase: Phase | null) => void>;
  /** Whether a phase change holds the document's writes now: a command that edits the text must not. */
  writesHeld(documentId: string): boolean;
  /** Re-checks every socket on the document (after a phase change) and closes those whose rights changed. */
  refreshDocument(documentId: string): Promise<void>;
  /**
   * Re-checks every socket of a person (after a role change or removal from a document) and closes
   * those whose rights changed, or who no longer take part in the document.
   */
  refreshPerson(personId: string): Promise<void>;
  /** Re-checks every socket (messages that would have said what changed may have been lost). */
  refreshAll(): Promise<void>;
  /** Closes every socket of a person (signed out, deactivated, role changed). */
  closePerson(personId: string, code: number, reason: string): void;
  connectionCount(): number;
  /** Bytes written to sockets and not yet taken by the system, over every socket: what slow readers cost. */
  sendBacklogBytes(): number;
  close(): Promise<void>;
}
