/**
 * Where the Yjs state of each document lives. The interface is all the collaboration server knows;
 * updateLog.ts implements it with an append-only file per document.
 */
export interface DocumentStateStore {
  /**
   * Every stored update of the document, oldest first (empty for an unknown document). Damage other
   * than a torn last write rejects with DocumentDamagedError and changes nothing.
   */
  load(documentId: string): Promise<Uint8Array[]>;
  /** Queues an update; it reaches the file within milliseconds and the disk within a second (or the failure listeners hear of it). */
  append(documentId: string, update: Uint8Array): void;
  /**
   * Replaces the stored history with one state update (compaction, import), atomically. With
   * PostgreSQL, updates another process stored that the state may lack are merged into it, never lost.
   */
  replace(documentId: string, state: Uint8Array): Promise<void>;
  /** Deletes the document's stored history (a draft deleted, or a creation undone). */
  remove(documentId: string): Promise<void>;
  /** Bytes appended since the last replace: the caller compacts when this grows. */
  pendingBytes(documentId: string): number;
  /** Whether the last write of the document failed (appends are dropped until a replace succeeds). */
  failed(documentId: string): boolean;
  /** Called once each time a document's log turns unwritable. */
  onWriteFailure(listener: (documentId: string, error: unknown) => void): void;
  /**
   * Resolves once everything queued so far (of one document, or of all) is written and synced, or
   * its write failed: failed() tells which.
   */
  flush(documentId?: string): Promise<void>;
  close(): Promise<void>;
}
