/**
 * Live document events (documents/events.ts) for every process: an event published here goes to this
 * process's listeners and, through the document's Redis channel, to the listeners of the others. A
 * process subscribes to a document's channel only while one of its clients listens to the document.
 * When another process says one of its messages was lost (CATCH_UP), the document's streams are told
 * to start over (DocumentEvents.resync); fanOut.ts does so for every stream when this process's own
 * connection comes back.
 */
import type { DocumentEvent } from '../../shared/api.ts';
import type { DocumentEvents } from '../documents/events.ts';
import { CATCH_UP, type RedisBus } from './redisBus.ts';
import { DOCUMENT_MESSAGES, documentChannel } from './roomRelay.ts';

interface Subscription {
  listeners: number;
  /** Resolves with the unsubscribe once Redis confirmed the subscription. */
  ready: Promise<() => void>;
}

export function relayDocumentEvents(local: DocumentEvents, bus: RedisBus): DocumentEvents {
  const subscriptions = new Map<string, Subscription>();

  function join(documentId: string): Subscription {
    let subscription = subscriptions.get(documentId);
    if (!subscription) {
      const ready = bus.subscribe(documentChannel(bus, documentId), (kind, payload) => {
        if (kind === DOCUMENT_MESSAGES.event) local.publish(documentId, JSON.parse(payload.toString()) as DocumentEvent);
        else if (kind === CATCH_UP) local.resync(documentId);
      });
      subscriptions.set(documentId, (subscription = { listeners: 0, ready }));
    }
    subscription.listeners++;
    return subscription;
  }

  function leave(documentId: string, subscription: Subscription): void {
    if (--subscription.listeners > 0) return;
    if (subscriptions.get(documentId) === subscription) subscriptions.delete(documentId);
    void subscription.ready.then((unsubscribe) => unsubscribe());
  }

  return {
    ...local,
    publish(documentId, event) {
      local.publish(documentId, event);
      bus.publish(documentChannel(bus, documentId), DOCUMENT_MESSAGES.event, JSON.stringify(event));
    },
    subscribe(documentId, listener) {
      const unsubscribe = local.subscribe(documentId, listener);
      const subscription = join(documentId);
      let left = false;
      return () => {
        unsubscribe();
        if (left) return;
        left = true;
        leave(documentId, subscription);
      };
    },
    async listening(documentId) {
      await subscriptions.get(documentId)?.ready;
    },
  };
}
