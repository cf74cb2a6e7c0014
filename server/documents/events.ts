/**
 * Live events per document (new threads, replies, dispositions, phase changes), fanned out to the
 * clients listening on GET /api/documents/:id/events. In memory, for the listeners of this process;
 * with Redis, scale/eventRelay.ts wraps it so that events reach the listeners of every process.
 */
import type { DocumentEvent } from '../../shared/api.ts';

export type Listener = (event: DocumentEvent) => void;

export interface DocumentEvents {
  publish(documentId: string, event: DocumentEvent): void;
  subscribe(documentId: string, listener: Listener): () => void;
  /** Resolves once events of the document published by any process reach this one's listeners. */
  listening(documentId: string): Promise<void>;
  listenerCount(): number;
  /** Ends the streams a person has open on the document: they no longer take part in it. */
  endAccess(documentId: string, personId: string): void;
  /** Calls `ended` when endAccess names this document and person; returns the unsubscribe. */
  onAccessEnded(documentId: string, personId: string, ended: () => void): () => void;
  /**
   * Tells the listeners of a document (of every document without one) that events may have been
   * missed (scale/: Redis was away): each stream checks its person again and starts over as on `ready`.
   */
  resync(documentId?: string): void;
  /** Calls `resync` when resync names this document, or every document; returns the unsubscribe. */
  onResync(documentId: string, resync: () => void): () => void;
}

export function createDocumentEvents(): DocumentEvents {
  const listeners = new Map<string, Set<Listener>>();
  const endings = new Map<string, Set<() => void>>();
  const resyncs = new Map<string, Set<() => void>>();
  const endingKey = (documentId: string, personId: string) => `${documentId}\u0000${personId}`;
  /** Adds `callback` to the set under `key`; returns the removal, which drops the set once empty. */
  const addTo = <T>(map: Map<string, Set<T>>, key: string, callback: T) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(callback);
    return () => {
      set.delete(callback);
      if (set.size === 0) map.delete(key);
    };
  };
  return {
    publish(documentId, event) {
      for (const listener of listeners.get(documentId) ?? []) listener(event);
    },
    subscribe: (documentId, listener) => addTo(listeners, documentId, listener),
    listening: () => Promise.resolve(),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    endAccess(documentId, personId) {
      for (const ended of endings.get(endingKey(documentId, personId)) ?? []) ended();
    },
    onAccessEnded: (documentId, personId, ended) => addTo(endings, endingKey(documentId, personId), ended),
    resync(documentId) {
      const sets = documentId === undefined ? [...resyncs.values()] : [resyncs.get(documentId) ?? new Set<() => void>()];
      for (const set of sets) for (const resync of set) resync();
    },
    onResync: (documentId, resync) => addTo(resyncs, documentId, resync),
  };
}
