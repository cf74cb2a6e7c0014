/** The comments of the open document, shared by the panel, its cards and the text around them. */
import { createContext, useContext } from 'react';
import type { Editor } from '@tiptap/react';
import type { DocumentDetail } from '../../shared/api.ts';
import type { Section } from '../../shared/sections.ts';
import type { ThreadFilters } from './filters.ts';
import type { HoverStore } from './hoverStore.ts';
import type { ReviewRights } from './rights.ts';
import type { ThreadStore } from './threadStore.ts';
import type { CommentTarget, PlacedThread } from './types.ts';
import type { Draft } from './useDraft.ts';
import type { AppliedWording } from './useAppliedWording.ts';

export interface OpenOptions {
  /** Scroll the text to the commented words (when opened from the panel). */
  revealText?: boolean;
  /** Scroll the panel to the card and move focus there (when opened from the text). */
  revealCard?: boolean;
}

export interface Review {
  editor: Editor;
  detail: DocumentDetail;
  rights: ReviewRights;
  now: number;
  store: ThreadStore;
  loadStatus: 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** Every thread, placed in the live text, in document order. */
  placed: readonly PlacedThread[];
  byId: ReadonlyMap<string, PlacedThread>;
  sections: readonly Section[];
  /** The section the reader is in, as the outline shows it. */
  currentSectionId: string | null;
  activeId: string | null;
  openThread(id: string, options?: OpenOptions): void;
  closeThread(): void;
  /** Asks the list to move keyboard focus to this card once it is rendered (or only to show it: scrollOnly). */
  focusRequest: { id: string; serial: number; scrollOnly?: boolean } | null;
  hover: HoverStore;
  draft: Draft | null;
  setDraft(draft: Draft | null): void;
  /** Opens the composer for a target, or for the words selected in the text when none is given. */
  startComment(target?: CommentTarget): void;
  composerFocus: number;
  /** Puts keyboard focus back into the text where it was before the composer took it. */
  returnToText(): void;
  filters: ThreadFilters;
  setFilters(filters: ThreadFilters): void;
  selected: ReadonlySet<string>;
  setSelected(ids: ReadonlySet<string>): void;
  /**
   * Says something to screen readers, and shows it at the bottom of the screen unless `onScreen` is
   * false (when something else on screen already says it).
   */
  announce(message: string, options?: { onScreen?: boolean }): void;
  /** A person's name when we know it, for assignees. */
  nameOf(personId: string): string | null;
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
  /** Applying proposed wordings and undoing them. */
  appliedWording: AppliedWording;
}

export const ReviewContext = createContext<Review | null>(null);

export function useReview(): Review {
  const review = useContext(ReviewContext);
  if (!review) throw new Error('useReview outside ReviewContext');
  return review;
}
