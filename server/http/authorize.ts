/**
 * Membership at the door of every document route: the signed-in person becomes a member of the
 * document the path names (a thread's document for /api/threads/:id), with their role on it, before
 * any other check. A document they do not take part in answers exactly like an unknown one.
 * The rights check itself lives in the domain (server/rights.ts).
 */
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { DOCUMENT_ID_PATTERN, RESERVED_DOCUMENT_IDS } from '../../shared/limits.ts';
import type { AppEnv, Services } from './context.ts';
import { errors } from './errors.ts';
import { documentFor } from '../rights.ts';
import { DomainError } from '../errors.ts';

export { authorize } from '../rights.ts';

const ThreadId = z.string().uuid();

/**
 * For /api/documents/:id/…: an id that is not one is left to the route's validation (400), and so
 * are the path words that name routes of their own (POST /api/documents/preview).
 */
export function asDocumentMember(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id && DOCUMENT_ID_PATTERN.test(id) && !RESERVED_DOCUMENT_IDS.has(id)) c.set('person', (await documentFor(services.records, c.get('person'), id)).member);
    await next();
  };
}

/** For /api/threads/:id/…: a thread of a document one does not take part in is no thread at all. */
export function asThreadMember(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id && ThreadId.safeParse(id).success) {
      const thread = await services.threads.get(id);
      if (!thread) throw errors.notFound('thread');
      try {
        c.set('person', (await documentFor(services.records, c.get('person'), thread.documentId)).member);
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'not-found') throw errors.notFound('thread');
        throw error;
      }
    }
    await next();
  };
}
