/**
 * Which documents are open. A room (room.ts) holds one Y.Doc and its awareness while anyone uses it:
 * sockets, or a REST request reading or changing the text. Concurrent joins share one loading promise, so a document is
 * loaded once however many arrive together. When the last holder lets go, the room stays for a grace
 * period (successive requests reuse it, as Hocuspocus does), then is dropped; its state is compacted
 * to disk first only if it changed since it was loaded or last written. A read never writes.
 *
 * The grace period is for people: an editor whose connection drops finds the room still there. A
 * document only requests ever opened (a list of threads, a report, a script reading every document)
 * has nobody to come back, so at most IDLE_REQUEST_ROOMS of those wait out their grace period; past
 * that the least recently used is dropped at once. Reading the threads of every document in turn
 * would otherwise keep them all in memory together (about 0.2 MiB of heap per draft).
 *
 * When its log cannot be written, a room refuses edits (the socket layer closes its writers, and REST
 * requests on it get StorageWriteError), keeps its document in memory, and retries writing the whole
 * state until the disk takes it again.
 */
import * as Y from 'yjs';
import type { DocumentStateStore } from '../storage/documentState.ts';
import { DocumentDamagedError, StorageWriteError } from '../storage/errors.ts';
import type { Logger } from '../log.ts';
import type { RoomLifecycle } from './roomLifecycle.ts';
import { Room, type UpdateListener } from './room.ts';

// The socket layer, the commands and the Redis relay know a room by this module.
export { Room, type UpdateListener };

/** How long a room nobody holds stays in memory, for the next request or reconnect to reuse. */
export const ROOM_GRACE_MS = 30_000;
/** How often a room whose log could not be written tries again to write its whole state. */
export const STORAGE_RETRY_MS = 1_000;
/** How many documents no socket ever held may stay in memory once let go (see above). */
export const IDLE_REQUEST_ROOMS = 8;

/** Who holds a room: a socket (its room keeps the full grace period), or a request. */
export type Holder = 'socket' | 'request';

export interface RoomOptions {
  graceMs?: number;
  storageRetryMs?: number;
  /** How many rooms no socket held may wait out their grace period (IDLE_REQUEST_ROOMS). */
  idleRequestRooms?: number;
  /** Told when a room's log turned unwritable (the socket layer closes its writers). */
  onStorageFailure?: (room: Room) => void;
  lifecycle?: RoomLifecycle;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Rooms nobody holds, waiting out their grace period. */
  private readonly idle = new Map<Room, NodeJS.Timeout>();
  /** Those of them no socket ever held, least recently used first (a Set keeps insertion order). */
  private readonly idleForRequests = new Set<Room>();
  /** Rooms whose log could not be written, waiting for the next attempt. */
  private readonly retrying = new Map<Room, NodeJS.Timeout>();
  /** Set at shutdown: compactAll() has written every room, releases must not write again. */
  private closed = false;
  private readonly graceMs: number;
  private readonly storageRetryMs: number;
  private readonly idleRequestRooms: number;

  constructor(
    private readonly states: DocumentStateStore,
    private readonly relay: (room: Room) => UpdateListener,
    private readonly log: Logger,
    private readonly options: RoomOptions = {},
  ) {
    this.graceMs = options.graceMs ?? ROOM_GRACE_MS;
    this.storageRetryMs = options.storageRetryMs ?? STORAGE_RETRY_MS;
    this.idleRequestRooms = options.idleRequestRooms ?? IDLE_REQUEST_ROOMS;
    states.onWriteFailure((documentId) => this.storageFailed(documentId));
  }

  /** Number of documents in memory now. */
  get size(): number {
    return this.rooms.size;
  }

  loaded(documentId: string): Promise<Room> | undefined {
    return this.rooms.get(documentId);
  }

  async acquire(documentId: string, holder: Holder = 'request'): Promise<Room> {
    let loading = this.rooms.get(documentId);
    if (!loading) {
      loading = this.load(documentId);
      this.rooms.set(documentId, loading);
      loading.catch(() => this.rooms.delete(documentId));
    }
    const room = await loading;
    room.holders++;
    if (holder === 'socket') room.heldBySocket = true;
    this.stopWaiting(room);
    return room;
  }

  async release(room: Room): Promise<void> {
    room.holders--;
    if (room.holders > 0 || this.closed) return;
    await this.letGo(room);
  }

  private async letGo(room: Room): Promise<void> {
    if (this.graceMs > 0) {
      this.stopWaiting(room);
      const timer = setTimeout(() => void this.unload(room), this.graceMs);
      timer.unref();
      this.idle.set(room, timer);
      if (room.heldBySocket) return;
      this.idleForRequests.add(room);
      if (this.idleForRequests.size <= this.idleRequestRooms) return;
      // Not awaited: the request letting go of this room must not wait for another one to be written.
      const [oldest] = this.idleForRequests;
      this.stopWaiting(oldest!);
      void this.unload(oldest!);
      return;
    }
    await this.unload(room);
  }

  /** The room is held again, or leaves: its grace period ends without unloading it. */
  private stopWaiting(room: Room): void {
    clearTimeout(this.idle.get(room));
    this.idle.delete(room);
    this.idleForRequests.delete(room);
  }

  /**
   * Runs fn with the document loaded, and lets it go afterwards. Refused while the document's log
   * cannot be written: a change made now could not be stored, and a request cannot say which it makes.
   */
  async use<T>(documentId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(documentId);
    try {
      if (room.storageFailed) throw new StorageWriteError(`The text of document ${documentId} cannot be stored right now`);
      return await fn(room);
    } finally {
      await this.release(room);
    }
  }

  /** Writes the state of every open document that changed (shutdown). */
  async compactAll(): Promise<void> {
    this.closed = true;
    for (const timer of [...this.idle.values(), ...this.retrying.values()]) clearTimeout(timer);
    this.idle.clear();
    this.idleForRequests.clear();
    this.retrying.clear();
    const rooms = await Promise.allSettled(this.rooms.values());
    await Promise.all(
      rooms.map(async (r) => {
        if (r.status !== 'fulfilled') return;
        try {
          await r.value.saveIfChanged();
        } catch (error) {
          const lost = r.value.storageFailed ? 'edits made since its log could not be written are lost' : 'its log is intact';
          this.log.error(`Could not write document ${r.value.documentId} at shutdown; ${lost}`, error);
        }
      }),
    );
  }

  /**
   * Drops a document from memory without writing it, for a document being deleted: a room kept for
   * its grace period would otherwise write its state back when let go. Close its sockets first.
   */
  async discard(documentId: string): Promise<void> {
    const loading = this.rooms.get(documentId);
    if (!loading) return;
    this.rooms.delete(documentId);
    const room = await loading.catch(() => null);
    if (!room) return;
    room.discarded = true;
    this.options.lifecycle?.closed(documentId);
    this.stopWaiting(room);
    clearTimeout(this.retrying.get(room));
    this.retrying.delete(room);
    room.awareness.destroy();
    room.doc.destroy();
  }

  private async unload(room: Room): Promise<void> {
    this.stopWaiting(room);
    if (room.discarded) return;
    // A room whose log failed holds the only copy of its edits: it stays until they are written.
    if (room.holders > 0 || this.closed || room.storageFailed) return;
    try {
      await room.saveIfChanged();
    } catch (error) {
      this.log.error(`Could not compact document ${room.documentId}; its log is intact`, error);
      return;
    }
    // Someone may have joined while the state was being written.
    if (room.holders > 0 || this.idle.has(room) || (await this.rooms.get(room.documentId)) !== room) return;
    this.rooms.delete(room.documentId);
    this.options.lifecycle?.closed(room.documentId);
    room.awareness.destroy();
    room.doc.destroy();
  }

  private storageFailed(documentId: string): void {
    this.rooms.get(documentId)?.then(
      (room) => {
        if (room.storageFailed || this.closed) return;
        room.storageFailed = true;
        this.options.onStorageFailure?.(room);
        this.retryWriting(room);
      },
      () => {},
    );
  }

  private retryWriting(room: Room): void {
    const timer = setTimeout(() => {
      this.retrying.delete(room);
      if (room.discarded) return;
      room.compact().then(
        () => {
          // A write that failed again right after this one is the store's to tell.
          if (this.states.failed(room.documentId)) return void this.retryWriting(room);
          room.storageFailed = false;
          this.log.info(`Document ${room.documentId} is stored again; it accepts edits.`);
          if (room.holders === 0 && !this.closed) void this.letGo(room);
        },
        () => {
          if (!this.closed) this.retryWriting(room);
        },
      );
    }, this.storageRetryMs);
    timer.unref();
    this.retrying.set(room, timer);
  }

  private async load(documentId: string): Promise<Room> {
    const lifecycle = this.options.lifecycle;
    await lifecycle?.opening(documentId);
    try {
      const room = await this.read(documentId);
      lifecycle?.opened(room);
      return room;
    } catch (error) {
      lifecycle?.closed(documentId);
      throw error;
    }
  }

  private async read(documentId: string): Promise<Room> {
    const room = new Room(documentId, this.states);
    const updates = await this.states.load(documentId);
    try {
      Y.transact(room.doc, () => {
        for (const update of updates) Y.applyUpdate(room.doc, update);
      });
    } catch (error) {
      room.doc.destroy();
      throw new DocumentDamagedError(documentId, `documents/${documentId}.ylog`, `an update cannot be read (${(error as Error).message})`);
    }
    room.startPersisting(this.relay(room));
    return room;
  }
}
