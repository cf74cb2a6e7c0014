/**
 * The threads of one document as the client knows them, outside React: the full list from the API,
 * kept current by live events. Events that arrive while a list is being fetched are replayed on top
 * of it, so a slow answer can never undo a newer change. React reads it through useSyncExternalStore.
 */
import type { DocumentEvent, Thread } from '../../shared/api.ts';
import { ApiError, errorMessage, threadApi } from '../api.ts';

export interface ThreadsSnapshot {
  status: 'loading' | 'ready' | 'error';
  threads: readonly Thread[];
  /** Why the last load failed, while nothing could be shown. */
  error: string | null;
}

type ThreadEvent = Extract<DocumentEvent, { type: 'thread' | 'thread-removed' }>;

export class ThreadStore {
  private snapshot: ThreadsSnapshot = { status: 'loading', threads: [], error: null };
  private readonly listeners = new Set<() => void>();
  private readonly remoteListeners = new Set<(before: Thread | undefined, after: Thread) => void>();
  /** Events received during the fetch in flight; null when none is. */
  private buffered: ThreadEvent[] | null = null;
  private ticket = 0;

  constructor(private readonly documentId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ThreadsSnapshot => this.snapshot;

  /** Fetches the whole list again (at start, and after every reconnection of the events stream). */
  async reload(): Promise<void> {
    const ticket = ++this.ticket;
    this.buffered ??= [];
    try {
      const threads = await threadApi.list(this.documentId);
      if (ticket !== this.ticket) return;
      const replay = this.buffered ?? [];
      this.buffered = null;
      let next: readonly Thread[] = threads;
      for (const event of replay) next = applyEvent(next, event);
      this.publish({ status: 'ready', threads: next, error: null });
    } catch (error) {
      if (ticket !== this.ticket) return;
      this.buffered = null;
      // A 401 has already sent the person to sign in; other failures keep what is on screen.
      if (error instanceof ApiError && error.status === 401) return;
      if (this.snapshot.status !== 'ready') this.publish({ status: 'error', threads: [], error: errorMessage(error) });
    }
  }

  /** A live event, or a thread the server sent back in answer to our own request. */
  apply(event: ThreadEvent): void {
    this.buffered?.push(event);
    this.publish({ ...this.snapshot, threads: applyEvent(this.snapshot.threads, event) });
  }

  /** An event from the stream: applied, then told to those listening for others' changes (once the list is in). */
  applyRemote(event: ThreadEvent): void {
    const before = event.type === 'thread' ? this.snapshot.threads.find((t) => t.id === event.thread.id) : undefined;
    const ready = this.snapshot.status === 'ready';
    this.apply(event);
    if (event.type === 'thread' && ready) for (const listener of this.remoteListeners) listener(before, event.thread);
  }

  onRemote = (listener: (before: Thread | undefined, after: Thread) => void): (() => void) => {
    this.remoteListeners.add(listener);
    return () => this.remoteListeners.delete(listener);
  };

  upsert(thread: Thread): void {
    this.apply({ type: 'thread', thread });
  }

  private publish(snapshot: ThreadsSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

export function applyEvent(threads: readonly Thread[], event: ThreadEvent): readonly Thread[] {
  if (event.type === 'thread-removed') return threads.some((t) => t.id === event.threadId) ? threads.filter((t) => t.id !== event.threadId) : threads;
  const index = threads.findIndex((t) => t.id === event.thread.id);
  if (index < 0) return [...threads, event.thread];
  const next = threads.slice();
  next[index] = event.thread;
  return next;
}
