/**
 * Edits another process relayed before its database held them (roomRelay.ts publishes an edit as
 * soon as its own clients get it, and stores it in parallel), kept here until that process says they
 * are stored. If it never says so (it died between the publish and the commit), this process stores
 * them itself: it applied them, and a client of the dead process that reconnects here would not send
 * them again, since this room already has them. Storing an update twice is harmless (Yjs updates are
 * idempotent, and compaction merges the log).
 *
 * Sequence numbers are per sending process, increasing across all its documents, so "stored up to n"
 * covers every earlier edit of that process on the document.
 */

/** How long an edit may wait for its sender's "stored" before this process stores it itself. */
export const UNCONFIRMED_MS = 5_000;

interface Entry {
  seq: number;
  update: Uint8Array;
  at: number;
}

export class UnconfirmedUpdates {
  /** By document, then by sending process: entries in the order they arrived (ascending seq). */
  private readonly byDocument = new Map<string, Map<string, Entry[]>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** An edit arrived from `from`, which had stored its own edits up to `storedUpTo` when it sent it. */
  received(documentId: string, from: string, seq: number, storedUpTo: number, update: Uint8Array): void {
    let senders = this.byDocument.get(documentId);
    if (!senders) this.byDocument.set(documentId, (senders = new Map()));
    let entries = senders.get(from);
    if (!entries) senders.set(from, (entries = []));
    if (seq > storedUpTo) entries.push({ seq, update, at: this.now() });
    this.stored(documentId, from, storedUpTo);
  }

  /** `from` has stored its edits of the document up to `seq`. */
  stored(documentId: string, from: string, seq: number): void {
    const senders = this.byDocument.get(documentId);
    const entries = senders?.get(from);
    if (!entries) return;
    let confirmed = 0;
    while (confirmed < entries.length && entries[confirmed]!.seq <= seq) confirmed++;
    if (confirmed) entries.splice(0, confirmed);
    if (entries.length === 0) senders!.delete(from);
    if (senders!.size === 0) this.byDocument.delete(documentId);
  }

  /** Takes every edit of the document still waiting (another process is about to read the database). */
  takeAll(documentId: string): Uint8Array[] {
    const senders = this.byDocument.get(documentId);
    this.byDocument.delete(documentId);
    return senders ? [...senders.values()].flatMap((entries) => entries.map((e) => e.update)) : [];
  }

  /** Takes the edits that waited longer than UNCONFIRMED_MS, by document. */
  takeExpired(): Map<string, Uint8Array[]> {
    const before = this.now() - UNCONFIRMED_MS;
    const expired = new Map<string, Uint8Array[]>();
    for (const [documentId, senders] of this.byDocument) {
      for (const [from, entries] of senders) {
        let old = 0;
        while (old < entries.length && entries[old]!.at <= before) old++;
        if (!old) continue;
        const updates = expired.get(documentId) ?? [];
        for (const e of entries.splice(0, old)) updates.push(e.update);
        expired.set(documentId, updates);
        if (entries.length === 0) senders.delete(from);
      }
      if (senders.size === 0) this.byDocument.delete(documentId);
    }
    return expired;
  }

  /** The room left this process: what it held is no longer this process's to store. */
  forget(documentId: string): void {
    this.byDocument.delete(documentId);
  }

  /** Edits waiting, over every document (tests). */
  get size(): number {
    let n = 0;
    for (const senders of this.byDocument.values()) for (const entries of senders.values()) n += entries.length;
    return n;
  }
}
