/**
 * One open document: its Y.Doc and awareness, every change appended to its log before it is relayed,
 * the whole state a newcomer asks for (encoded once per version), and compaction of the log into that
 * state. Which documents are open, for how long, and what happens when a log cannot be written is
 * rooms.ts's (RoomRegistry).
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { DocumentStateStore } from '../storage/documentState.ts';
import { FROM_ELSEWHERE } from './roomLifecycle.ts';

/** Compact the log once this many bytes were appended since the last compaction. */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

export type UpdateListener = (update: Uint8Array, origin: unknown) => void;

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  holders = 0;
  /** A socket held it at some point: once let go it keeps the full grace period (rooms.ts). */
  heldBySocket = false;
  /** Changed since it was loaded or last written whole: only then is it compacted on unload. */
  changed = false;
  /** Its log could not be written: edits are refused until the whole state is written again. */
  storageFailed = false;
  /** Dropped without being written (the document was deleted): never written again. */
  discarded = false;
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
      if (origin !== FROM_ELSEWHERE) {
        this.changed = true;
        this.states.append(this.documentId, update);
      }
      relay(update, origin);
      // A failed compaction is reported by the store's failure listener.
      if (this.states.pendingBytes(this.documentId) > COMPACT_AFTER_BYTES) this.compact().catch(() => {});
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

  /** Writes the whole state as the log's only record. */
  compact(): Promise<void> {
    if (!this.compacting) {
      const state = this.stateForNewcomer();
      // Cleared before writing: a change made during the write marks the room again.
      this.changed = false;
      this.compacting = this.states
        .replace(this.documentId, state)
        .catch((error: unknown) => {
          this.changed = true;
          throw error;
        })
        .finally(() => {
          this.compacting = null;
        });
    }
    return this.compacting;
  }

  /** Compacts only when there is something the log does not already hold in one record. */
  saveIfChanged(): Promise<void> {
    return this.changed || this.storageFailed ? this.compact() : Promise.resolve();
  }
}
