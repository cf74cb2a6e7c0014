/**
 * A document's threads, live, outside React: loads them, listens to the document's events stream
 * (docs/EVENTS.md) and refetches the list (and, after the first time, the document) on every `ready`,
 * so nothing sent while it was down is lost. A `document` event (phase or deadline changed) is passed on to the page. It can
 * start before React renders the page (prefetch.ts), so that the list is there when the text is.
 */
import type { DocumentEvent } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { ThreadStore } from './threadStore.ts';

/** If the stream has not said `ready` by then (a proxy that buffers it), load the list anyway. */
const FIRST_LOAD_FALLBACK_MS = 2_000;
const MAX_RETRY_MS = 30_000;

export class ThreadFeed {
  readonly store: ThreadStore;
  private stopCurrent: (() => void) | null = null;
  /** Told when the document itself changed; a change seen before anyone listens is kept for them. */
  private onDocumentChanged: (() => void) | null = null;
  private documentChangedUnheard = false;

  constructor(private readonly documentId: string) {
    this.store = new ThreadStore(documentId);
  }

  /** Starts the stream unless it runs already; either way `onDocumentChanged` is who hears of changes. */
  start(onDocumentChanged?: () => void): void {
    if (onDocumentChanged) this.listen(onDocumentChanged);
    if (this.stopCurrent) return;
    const { store, documentId } = this;
    let source: EventSource | null = null;
    let retryTimer = 0;
    let failures = 0;
    let loaded = false;
    let readyBefore = false;
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
        // A later `ready` (the stream reconnected, or the server says events were lost): a phase or
        // deadline change may have been missed as well as comments.
        if (readyBefore) this.documentChanged();
        readyBefore = true;
      });
      source.addEventListener('thread', (event) => {
        const data = parse(event);
        if (data?.type === 'thread') store.applyRemote(data);
      });
      source.addEventListener('thread-removed', (event) => {
        const data = parse(event);
        if (data?.type === 'thread-removed') store.apply(data);
      });
      source.addEventListener('document', () => this.documentChanged());
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
    this.stopCurrent = () => {
      window.clearTimeout(fallback);
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }

  stop(): void {
    this.stopCurrent?.();
    this.stopCurrent = null;
    this.onDocumentChanged = null;
  }

  private listen(onDocumentChanged: () => void): void {
    this.onDocumentChanged = onDocumentChanged;
    if (this.documentChangedUnheard) {
      this.documentChangedUnheard = false;
      onDocumentChanged();
    }
  }

  private documentChanged(): void {
    if (this.onDocumentChanged) this.onDocumentChanged();
    else this.documentChangedUnheard = true;
  }
}
