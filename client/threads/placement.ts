/**
 * Threads placed in the live text, in document order: by section, whole-section comments first,
 * then by where their words are now, and comments whose words were deleted last. Positions come
 * from the highlight plugin, so the order follows edits without asking the server.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Thread } from '../../shared/api.ts';
import type { HighlightRange } from './highlightPlugin.ts';
import { sectionAt } from './selection.ts';
import type { PlacedThread } from './types.ts';

export function placeThreads(
  threads: readonly Thread[],
  ranges: ReadonlyMap<string, HighlightRange>,
  doc: ProseMirrorNode | null,
  sectionOrder: ReadonlyMap<string, number>,
): PlacedThread[] {
  const placed = threads.map((thread): PlacedThread => {
    const range = ranges.get(thread.id);
    if (range && doc) {
      return { thread, sectionId: sectionAt(doc, range.from) ?? thread.sectionId, quote: range.quote, orphaned: false, position: range.from };
    }
    if (!thread.anchor) return { thread, sectionId: thread.sectionId, quote: '', orphaned: false, position: -1 };
    // Not in the text we hold: either the words were deleted, or the text has not arrived yet and
    // the server's reading is the best there is.
    const orphaned = thread.orphaned || (doc !== null && ranges.size > 0);
    return { thread, sectionId: thread.sectionId, quote: orphaned ? thread.originalQuote : thread.quote, orphaned, position: orphaned ? Infinity : 0 };
  });
  const createdAt = (p: PlacedThread) => p.thread.createdAt;
  return placed.toSorted(
    (a, b) =>
      (sectionOrder.get(a.sectionId) ?? Infinity) - (sectionOrder.get(b.sectionId) ?? Infinity) ||
      (a.position === b.position ? 0 : a.position < b.position ? -1 : 1) ||
      createdAt(a).localeCompare(createdAt(b)),
  );
}
