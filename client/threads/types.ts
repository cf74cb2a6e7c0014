/** Shapes the review client passes between its parts: what a new comment is about, and where a thread sits now. */
import type { Anchor, Thread } from '../../shared/api.ts';

/** What a comment being written is about: some words of a section, or the whole section. */
export type CommentTarget = { type: 'words'; sectionId: string; anchor: Anchor; quote: string } | { type: 'section'; sectionId: string };

/** A thread placed in the live text: its section and words now, read from the editor. */
export interface PlacedThread {
  thread: Thread;
  sectionId: string;
  /** The commented words as they read now; the original words when they are gone. */
  quote: string;
  /** True when every commented word has been deleted. */
  orphaned: boolean;
  /** Document position of the words, -1 for a whole-section comment, Infinity when gone. */
  position: number;
}
