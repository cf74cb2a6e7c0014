/**
 * Live events of a document as server-sent events (docs/EVENTS.md). The browser's EventSource sends
 * the session cookie and reconnects by itself; a comment posted while it reconnects is picked up by
 * the client's refetch on `ready`. A stream checks its person again at every keep-alive and on a
 * resync, so a session or a membership that ended where this process did not hear of it (another
 * process, while Redis was away) does not keep it open.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import type { AppEnv, Services } from '../context.ts';
import { SESSION_COOKIE } from '../cookies.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { memberOrNull } from '../../rights.ts';
import { DocumentParam } from './documents.ts';

const KEEPALIVE_MS = 25_000;
const READY = { event: 'ready', data: '{}' } as const;

export function eventRoutes(services: Services) {
  return new Hono<AppEnv>().get('/api/documents/:id/events', validate('param', DocumentParam), async (c) => {
    const { id } = c.req.valid('param');
    // Membership was checked on the way in (asDocumentMember); this answers an unknown id the same way.
    if (!(await services.records.documents.get(id))) throw errors.notFound('document');
    const personId = c.get('person').id;
    const sessionId = getCookie(c, SESSION_COOKIE);
    /** Whether the person may still read the document: their session, then their membership. */
    const stillAllowed = async () => {
      const person = await services.sessions.resolve(sessionId).catch(() => null);
      return person !== null && (await memberOrNull(services.records, person, id).catch(() => null)) !== null;
    };
    return streamSSE(c, async (stream) => {
      const queue: Array<{ event: string; data: string }> = [];
      let wake: (() => void) | null = null;
      let checkDue = false;
      const unsubscribe = services.events.subscribe(id, (event) => {
        queue.push({ event: event.type, data: JSON.stringify(event) });
        wake?.();
      });
      const endSession = services.sessions.onEnded((ended) => {
        if (ended === personId) void stream.close();
      });
      const endAccess = services.events.onAccessEnded(id, personId, () => {
        void stream.close();
        wake?.();
      });
      // Events may have been missed: check the person, then tell the client to fetch the list again.
      const endResync = services.events.onResync(id, () => {
        checkDue = true;
        queue.push(READY);
        wake?.();
      });
      const stop = () => {
        unsubscribe();
        endSession();
        endAccess();
        endResync();
      };
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      // 'ready' tells the client that nothing posted from now on can be missed, on any instance.
      await services.events.listening(id);
      await stream.writeSSE(READY);
      while (!stream.aborted && !stream.closed) {
        if (checkDue) {
          checkDue = false;
          if (!(await stillAllowed())) break;
        }
        while (queue.length) await stream.writeSSE(queue.shift()!);
        const keptAlive = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = null;
        if (keptAlive && !queue.length && !stream.aborted && !stream.closed) {
          checkDue = true;
          await stream.write(': keep-alive\n\n');
        }
      }
      stop();
      if (!stream.closed) await stream.close();
    });
  });
}
