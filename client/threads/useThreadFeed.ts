/**
 * A document's threads, live: loads them, listens to the document's events stream (docs/EVENTS.md)
 * and refetches the list whenever the stream (re)connects, so nothing sent while it was down is lost.
 * A `document` event (phase or deadline changed) asks the page to fetch the document again.
 */
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import type { DocumentEvent } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { ThreadStore, type ThreadsSnapshot } from './threadStore.ts';

/** If the stream has not said `ready` by then (a proxy that buffers it), load the list anyway. */
const FIRST_LOAD_FALLBACK_MS = 2_000;
const MAX_RETRY_MS = 30_000;

export function useThreadFeed(documentId: string, onDocumentChanged: () => void): { store: ThreadStore; snapshot: ThreadsSnapshot } {
  const [store] = useState(() => new ThreadStore(documentId));
  const documentChanged = useEffectEvent(() => onDocumentChanged());

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer = 0;
    let failures = 0;
    let loaded = false;
    const load = () => {
      loaded = true;
      void store.reload();
    };
    const fallback = window.setTimeout(() => {
      if (!loaded) load();
    }, FIRST_LOAD_FALLBACK_MS);

    const parse = (event: MessageEvent<string>): DocumentEvent | null => {
      try {
        return JSON.parse(event.data) as DocumentEvent;
      } catch {
        return null;
      }
    };

    const connect = () => {
      source = new EventSource(threadApi.eventsUrl(documentId));
      source.addEventListener('ready', () => {
        failures = 0;
        load();
      });
      source.addEventListener('thread', (event) => {
        const data = parse(event);
        if (data?.type === 'thread') store.applyRemote(data);
      });
      source.addEventListener('thread-removed', (event) => {
        const data = parse(event);
        if (data?.type === 'thread-removed') store.apply(data);
      });
      source.addEventListener('document', () => documentChanged());
      source.addEventListener('error', () => {
        // EventSource retries network drops itself; it gives up on an HTTP error (a 401 after the
        // session ended, a restart's 503). Then retry with backoff, and let a list fetch find out
        // whether the session is gone (a 401 there sends the person to sign in).
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        failures++;
        retryTimer = window.setTimeout(connect, Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(failures, 5)));
        load();
      });
    };
    connect();
    return () => {
      window.clearTimeout(fallback);
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [documentId, store]);

  return { store, snapshot: useSyncExternalStore(store.subscribe, store.getSnapshot) };
}
