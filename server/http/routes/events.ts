/**
 * Live events of a document as server-sent events (docs/EVENTS.md). The browser's EventSource sends
 * the session cookie and reconnects by itself; a comment posted while it reconnects is picked up by
 * the client's refetch on `open`.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { DocumentEvent } from '../../../shared/api.ts';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { DocumentParam } from './documents.ts';

const KEEPALIVE_MS = 25_000;

export function eventRoutes(services: Services) {
  return new Hono<AppEnv>().get('/api/documents/:id/events', validate('param', DocumentParam), async (c) => {
    const { id } = c.req.valid('param');
    // Membership was checked on the way in (asDocumentMember); this answers an unknown id the same way.
    if (!(await services.records.documents.get(id))) throw errors.notFound('document');
    const personId = c.get('person').id;
    return streamSSE(c, async (stream) => {
      const queue: DocumentEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = services.events.subscribe(id, (event) => {
        queue.push(event);
        wake?.();
      });
      const endSession = services.sessions.onEnded((ended) => {
        if (ended === personId) void stream.close();
      });
      const endAccess = services.events.onAccessEnded(id, personId, () => {
        void stream.close();
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        endSession();
        endAccess();
        wake?.();
      });
      // 'ready' tells the client that nothing posted from now on can be missed, on any instance.
      await services.events.listening(id);
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted && !stream.closed) {
        while (queue.length) {
          const event = queue.shift()!;
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, KEEPALIVE_MS);
        });
        wake = null;
        if (!queue.length && !stream.aborted && !stream.closed) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
      endSession();
      endAccess();
    });
  });
}
