/**
 * What lets another process's edits reach a room (scale/roomRelay.ts, with Redis): the origin its
 * updates are applied with, and the hooks told when a room opens and closes. Without Redis no update
 * has that origin and no hooks are set.
 */
import type { Room } from './rooms.ts';

/**
 * The origin of an update another process relayed (scale/roomRelay.ts): that process stores it, so it
 * is relayed to this room's sockets but neither appended here nor relayed back (unless its sender
 * never confirms it stored it: scale/unconfirmedUpdates.ts).
 */
export const FROM_ELSEWHERE = Symbol('stored by another process');

/** Told when a room opens and closes, so that another process's edits reach it (scale/roomRelay.ts). */
export interface RoomLifecycle {
  /** Before the room's state is read: what arrives from here on must not be lost. */
  opening(documentId: string): Promise<void>;
  /** The room is loaded and persisting. */
  opened(room: Room): void;
  /** The room left memory, or never loaded. */
  closed(documentId: string): void;
}
