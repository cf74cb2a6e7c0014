/**
 * Open documents. A room holds one Y.Doc and its awareness while anyone uses it: sockets, or a REST
 * request reading or changing the text. Concurrent joins share one loading promise, so a document is
 * loaded once however many arrive together; when the last holder lets go, the state is compacted to
 * disk and the room is dropped (on every path: close, error, shutdown).
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { DocumentStateStore } from '../storage/documentState.ts';
import type { Logger } from '../log.ts';

/** Compact the log once this many bytes were appended since the last compaction. */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

export type UpdateListener = (update: Uint8Array, origin: unknown) => void;

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  holders = 0;
  private compacting: Promise<void> | null = null;
  /** The whole state as one update, kept until the next change: every newcomer asks for exactly this. */
  private wholeState: Uint8Array | null = null;

  constructor(
    readonly documentId: string,
    private readonly states: DocumentStateStore,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
  }

  /** Persists every change, then lets the socket layer relay it. */
  startPersisting(relay: UpdateListener): void {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.wholeState = null;
      this.states.append(this.documentId, update);
      relay(update, origin);
      if (this.states.pendingBytes(this.documentId) > COMPACT_AFTER_BYTES) void this.compact();
    });
  }

  /**
   * The update a client with nothing needs (an empty state vector), encoded once per version of the
   * document rather than once per client: a hundred people opening the draft at the start of a
   * session would otherwise each cost a full encoding of it.
   */
  stateForNewcomer(): Uint8Array {
    this.wholeState ??= Y.encodeStateAsUpdate(this.doc);
    return this.wholeState;
  }

  compact(): Promise<void> {
    if (!this.compacting) {
      const state = this.stateForNewcomer();
      this.compacting = this.states.replace(this.documentId, state).finally(() => {
        this.compacting = null;
      });
    }
    return this.compacting;
  }
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Set at shutdown: compactAll() has written every room, releases must not write again. */
  private closed = false;

  constructor(
    private readonly states: DocumentStateStore,
    private readonly relay: (room: Room) => UpdateListener,
    private readonly log: Logger,
  ) {}

  /** Number of documents in memory now. */
  get size(): number {
    return this.rooms.size;
  }

  loaded(documentId: string): Promise<Room> | undefined {
    return this.rooms.get(documentId);
  }

  async acquire(documentId: string): Promise<Room> {
    let loading = this.rooms.get(documentId);
    if (!loading) {
      loading = this.load(documentId);
      this.rooms.set(documentId, loading);
      loading.catch(() => this.rooms.delete(documentId));
    }
    const room = await loading;
    room.holders++;
    return room;
  }

  async release(room: Room): Promise<void> {
    room.holders--;
    if (room.holders > 0 || this.closed) return;
    try {
      await room.compact();
    } catch (error) {
      this.log.error(`Could not compact document ${room.documentId}; its log is intact`, error);
    }
    // Someone may have joined while the state was being written.
    if (room.holders > 0 || (await this.rooms.get(room.documentId)) !== room) return;
    this.rooms.delete(room.documentId);
    room.awareness.destroy();
    room.doc.destroy();
  }

  /** Runs fn with the document loaded, and lets it go afterwards. */
  async use<T>(documentId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(documentId);
    try {
      return await fn(room);
    } finally {
      await this.release(room);
    }
  }

  /** Writes the state of every open document (shutdown). */
  async compactAll(): Promise<void> {
    this.closed = true;
    const rooms = await Promise.allSettled(this.rooms.values());
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.compact() : undefined)));
  }

  private async load(documentId: string): Promise<Room> {
    const room = new Room(documentId, this.states);
    const updates = await this.states.load(documentId);
    Y.transact(room.doc, () => {
      for (const update of updates) Y.applyUpdate(room.doc, update);
    });
    room.startPersisting(this.relay(room));
    return room;
  }
}
