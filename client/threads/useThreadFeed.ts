/** A document's threads, live (threadFeed.ts), for as long as the component using them is mounted. */
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { takeEarlyFeed } from '../document/earlyLive.ts';
import { ThreadFeed } from './threadFeed.ts';
import type { ThreadStore, ThreadsSnapshot } from './threadStore.ts';

/** The page keys this hook's component by document id, so one feed per mount is one per document. */
export function useThreadFeed(documentId: string, onDocumentChanged: () => void): { store: ThreadStore; snapshot: ThreadsSnapshot } {
  // The feed the page started with, if it is this document's: its list may have arrived already.
  const [feed] = useState(() => takeEarlyFeed(documentId) ?? new ThreadFeed(documentId));
  const documentChanged = useEffectEvent(() => onDocumentChanged());

  useEffect(() => {
    feed.start(() => documentChanged());
    return () => feed.stop();
  }, [feed]);

  return { store: feed.store, snapshot: useSyncExternalStore(feed.store.subscribe, feed.store.getSnapshot) };
}
