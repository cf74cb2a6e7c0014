/**
 * The copy of a document's text kept in this browser (IndexedDB, through y-indexeddb), so that words
 * typed while the connection is down survive a closed tab or a crashed browser and reach the server
 * on the next visit. Yjs merges the copy with the server's text without duplicating anything, as long
 * as both descend from the same generation: the copy is keyed by it, and copies of older generations
 * (from before a restore) are deleted unread.
 *
 * Only people who may edit the text keep one. For anyone else, whatever the copy still holds beyond
 * the server's text can only be edits the server now refuses (typed offline before the text closed
 * for editing). Those are never merged into the page; they are handed back as plain paragraphs for
 * the person to copy (leftovers), and the copy is deleted once they say so.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb';
import { plainText } from '../../shared/plainText.ts';

const PREFIX = 'accord-text';

/** One copy per document, generation and person: two people sharing a browser never mix their edits. */
export function offlineCopyName(documentId: string, generation: string, personId: string): string {
  return `${PREFIX}:${documentId}:${generation}:${personId}`;
}

export interface OfflineCopy {
  /** Resolves once the copy's content is in the Y.Doc (never rejects; false when there is no copy). */
  loaded: Promise<boolean>;
  /**
   * For someone who may no longer edit: the paragraphs of their copy the server never received, once
   * `serverText` (the live doc, synced) can be compared with it. Empty when there are none (the copy
   * is then deleted at once).
   */
  leftovers(serverText: Y.Doc): Promise<string[]>;
  /** Deletes the copy's leftovers for good, after the person has seen them. */
  discardLeftovers(): void;
  destroy(): void;
}

const NOTHING_LEFT = { leftovers: async () => [], discardLeftovers() {} };

/** The text of each top-level block (paragraph, heading, list: one line per item) of a document. */
function blocks(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((node) => {
      if (node instanceof Y.XmlElement && node.nodeName.endsWith('List')) return node.toArray().map((item) => (item instanceof Y.XmlElement ? plainText(item) : '')).join('\n');
      return node instanceof Y.XmlElement || node instanceof Y.XmlText ? plainText(node) : '';
    })
    .filter((text) => text.trim() !== '');
}

/**
 * The blocks the copy's edits changed or added, as they read with those edits: the copy merged into
 * a scratch doc with the server's text, compared block by block (deletions leave no new clock, so
 * comparing state vectors would miss them).
 */
function unsentBlocks(copy: Y.Doc, server: Y.Doc): string[] {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(copy));
  const onServer = new Set(blocks(server));
  const result = blocks(merged).filter((text) => !onServer.has(text));
  merged.destroy();
  return result;
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
  if (!indexedDbAvailable()) return { loaded: Promise.resolve(false), ...NOTHING_LEFT, destroy() {} };
  // Housekeeping only: a failure here costs some disk space, never text.
  deleteOtherGenerations(documentId, name).catch(() => {});
  if (!canEdit) return readOnlyCopy(name);
  const persistence = new IndexeddbPersistence(name, ydoc);
  // If IndexedDB cannot be opened (storage blocked or full), y-indexeddb never reports 'synced';
  // the page then simply works without a local copy.
  const loaded = persistence.whenSynced.then(
    () => true,
    () => false,
  );
  return {
    loaded,
    ...NOTHING_LEFT,
    destroy: () => {
      // Not clearData(): the copy is what keeps unsent words; destroy() only closes it.
      persistence.destroy().catch(() => {});
    },
  };
}

/**
 * The copy of someone who may no longer edit, read into a Y.Doc of its own (never the page's), so
 * that what it holds beyond the server's text can be shown, not merged.
 */
function readOnlyCopy(name: string): OfflineCopy {
  const discard = () => void clearDocument(name).catch(() => {});
  return {
    loaded: Promise.resolve(false),
    async leftovers(server) {
      const known = typeof indexedDB.databases === 'function' ? (await indexedDB.databases()).some((db) => db.name === name) : true;
      if (!known) return [];
      const copy = new Y.Doc();
      const persistence = new IndexeddbPersistence(name, copy);
      try {
        await persistence.whenSynced;
        const result = unsentBlocks(copy, server);
        if (result.length === 0) discard();
        return result;
      } catch {
        return [];
      } finally {
        await persistence.destroy().catch(() => {});
        copy.destroy();
      }
    },
    discardLeftovers: discard,
    destroy() {},
  };
}
