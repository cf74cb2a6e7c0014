/**
 * The one way the thread commands change the live text: replace the words a thread is anchored to,
 * in one transaction on the room's document, then store the thread; should the store fail, the edit
 * is reverted. Used by applying a proposed wording and by undoing that.
 *
 * The text cannot wait for the store, because the thread's new anchor points at the inserted words,
 * which exist only once inserted (a Yjs position names the items it follows); and a Yjs edit cannot
 * be held back from the editors until the store commits. So a failed store is followed at once by
 * the undo (Y.UndoManager reverts exactly this transaction, also when editors typed in between), and
 * the room is held open for the whole command so that the undo reaches the same document. Nothing is
 * awaited between the last check and the edit.
 */
import * as Y from 'yjs';
import type { Anchor } from '../../shared/api.ts';
import { anchorInText, decodePosition } from '../documents/anchors.ts';
import { plainText } from '../documents/text.ts';
import { errors } from '../errors.ts';
import type { ThreadDeps } from './common.ts';

/** A run of words with its formatting (bold, italics, links), as Y.XmlText's delta gives it. */
export interface FormattedRun {
  insert: string;
  attributes?: Record<string, unknown>;
}

/** The runs of `text` between two offsets, so words put back later keep their formatting. */
function runsBetween(text: Y.XmlText, from: number, to: number): FormattedRun[] {
  const runs: FormattedRun[] = [];
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + length);
    if (end > start && typeof op.insert === 'string') {
      runs.push(op.attributes ? { insert: op.insert.slice(start - offset, end - offset), attributes: op.attributes } : { insert: op.insert.slice(start - offset, end - offset) });
    }
    offset += length;
  }
  return runs;
}

export interface Replaced {
  /** The words that were there, plain. */
  text: string;
  /** The same words with their formatting. */
  runs: FormattedRun[];
}

export interface WordingEdit<T> {
  documentId: string;
  anchor: Anchor;
  /** Refuses (throws) when the words found there may not be replaced. */
  check: (found: string) => void;
  /**
   * What to put there. A string takes the formatting of the first replaced character (a proposal is
   * plain words in the style of the words it replaces); runs are put back as they were.
   */
  replacement: string | FormattedRun[];
  /** An origin of this edit alone, so that a failed store can only ever revert this edit. */
  origin: object;
  /** Stores the thread, given the anchor on the new words and what they replaced; may throw to revert. */
  store: (anchor: Anchor, replaced: Replaced) => Promise<T>;
}

export async function replaceWording<T>(deps: ThreadDeps, edit: WordingEdit<T>): Promise<T> {
  return deps.collab.rooms.use(edit.documentId, async (room) => {
    // A phase change under way holds every write to the text; the version it takes must not miss this one.
    if (deps.collab.writesHeld(edit.documentId)) throw errors.conflict('phase_changing', 'The document is changing phase; try again.').saying('error.phaseChanging');
    const start = Y.createAbsolutePositionFromRelativePosition(decodePosition(edit.anchor.start), room.doc);
    const end = Y.createAbsolutePositionFromRelativePosition(decodePosition(edit.anchor.end), room.doc);
    const text = start?.type;
    // Yjs exposes whether a type was deleted only through its item.
    // oxlint-disable-next-line no-underscore-dangle
    if (!start || !end || !(text instanceof Y.XmlText) || text !== end.type || text._item?.deleted) {
      throw errors.conflict('cannot_apply', 'The commented words were deleted or now run across paragraphs; change the text by hand.').saying('error.apply.cannotApply');
    }
    if (end.index <= start.index) throw errors.conflict('text_gone', 'The commented words have been deleted; change the text by hand.').saying('error.apply.textGone');
    const found = plainText(text).slice(start.index, end.index);
    edit.check(found);
    const replaced = { text: found, runs: runsBetween(text, start.index, end.index) };
    const runs = typeof edit.replacement === 'string' ? [{ insert: edit.replacement, attributes: replaced.runs[0]?.attributes }] : edit.replacement;
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([edit.origin]), captureTimeout: 0 });
    let length = 0;
    room.doc.transact(() => {
      text.delete(start.index, end.index - start.index);
      for (const run of runs) {
        // Explicit empty formatting: words without any must not take on the formatting to their left.
        text.insert(start.index + length, run.insert, run.attributes ?? {});
        length += run.insert.length;
      }
    }, edit.origin);
    // The old end is deleted with the words; the thread now points at the words that replaced them.
    const anchor = anchorInText(text, start.index, start.index + length);
    try {
      return await edit.store(anchor, replaced);
    } catch (error) {
      undo.undo();
      throw error;
    } finally {
      undo.destroy();
    }
  });
}
