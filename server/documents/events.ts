/**
 * Live events per document (new threads, replies, dispositions, phase changes), fanned out to the
 * clients listening on GET /api/documents/:id/events. In memory: one process holds every listener.
 * A multi-process deployment would publish through Redis instead, behind the same interface.
 */
import type { DocumentEvent } from '../../shared/api.ts';

export type Listener = (event: DocumentEvent) => void;

export interface DocumentEvents {
  publish(documentId: string, event: DocumentEvent): void;
  subscribe(documentId: string, listener: Listener): () => void;
  listenerCount(): number;
}

export function createDocumentEvents(): DocumentEvents {
  const listeners = new Map<string, Set<Listener>>();
  return {
    publish(documentId, event) {
      for (const listener of listeners.get(documentId) ?? []) listener(event);
    },
    subscribe(documentId, listener) {
      let set = listeners.get(documentId);
      if (!set) listeners.set(documentId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(documentId);
      };
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}
