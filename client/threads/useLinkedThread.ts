/**
 * A link to a comment (`/documents/:id?thread=DE-007`, as the exports give it) opens the document at
 * that comment: once the threads are placed in the text, the comment is opened, its card shown and
 * its words scrolled into view. The parameter may be the comment's reference or its id. Done once
 * per page load, so later navigation within the page is the reader's own.
 */
import { useEffect, useRef } from 'react';
import type { OpenOptions } from './ReviewContext.tsx';
import type { PlacedThread } from './types.ts';

export const THREAD_PARAM = 'thread';

export function linkedThread(search = window.location.search): string | null {
  return new URLSearchParams(search).get(THREAD_PARAM);
}

export function useLinkedThread(placed: readonly PlacedThread[], ready: boolean, openThread: (id: string, options?: OpenOptions) => void): void {
  const wanted = useRef(linkedThread());
  useEffect(() => {
    const key = wanted.current;
    if (!key || !ready) return;
    const found = placed.find(({ thread }) => thread.ref === key || thread.id === key);
    if (!found) return;
    wanted.current = null;
    openThread(found.thread.id, { revealCard: true, revealText: true });
  }, [placed, ready, openThread]);
}
