/**
 * The copy of a document's text kept in this browser (IndexedDB, through y-indexeddb), so that words
 * typed while the connection is down survive a closed tab or a crashed browser and reach the server
 * on the next visit. Yjs merges the copy with the server's text without duplicating anything, as long
 * as both descend from the same generation: the copy is keyed by it, and copies of older generations
 * (from before a restore) are deleted unread.
 *
 * Only people who may edit the text keep one. For anyone else, whatever the copy still holds could
 * only be edits the server now refuses (made offline before the text closed); it is deleted, so the
 * page never shows text that nobody else can see.
 */
import type * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';

const PREFIX = 'accord-text';

/** One copy per document, generation and person: two people sharing a browser never mix their edits. */
export function offlineCopyName(documentId: string, generation: string, personId: string): string {
  return `${PREFIX}:${documentId}:${generation}:${personId}`;
}

export interface OfflineCopy {
  /** Resolves once the copy's content is in the Y.Doc (never rejects; false when there is no copy). */
  loaded: Promise<boolean>;
  destroy(): void;
}

function indexedDbAvailable(): boolean {
  try {
    return typeof indexedDB !== 'undefined';
  } catch {
    // Some browsers throw on access when storage is blocked.
    return false;
  }
}

/** Deletes the copies of this document from other generations: they must never be merged again. */
async function deleteOtherGenerations(documentId: string, keep: string): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  const all = await indexedDB.databases();
  const mine = `${PREFIX}:${documentId}:`;
  await Promise.all(all.filter((db) => db.name?.startsWith(mine) && db.name !== keep).map((db) => clearDocument(db.name as string)));
}

export function openOfflineCopy(ydoc: Y.Doc, documentId: string, generation: string, personId: string, canEdit: boolean): OfflineCopy {
  const name = offlineCopyName(documentId, generation, personId);
  if (!indexedDbAvailable()) return { loaded: Promise.resolve(false), destroy() {} };
  // Housekeeping only: a failure here costs some disk space, never text.
  deleteOtherGenerations(documentId, name).catch(() => {});
  if (!canEdit) {
    clearDocument(name).catch(() => {});
    return { loaded: Promise.resolve(false), destroy() {} };
  }
  const persistence = new IndexeddbPersistence(name, ydoc);
  // If IndexedDB cannot be opened (storage blocked or full), y-indexeddb never reports 'synced';
  // the page then simply works without a local copy.
  const loaded = persistence.whenSynced.then(
    () => true,
    () => false,
  );
  return {
    loaded,
    destroy: () => {
      // Not clearData(): the copy is what keeps unsent words; destroy() only closes it.
      persistence.destroy().catch(() => {});
    },
  };
}
