/** Cross-cutting request checks: session, same-origin writes, sign-in rate limit. */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Role } from '../../shared/domain.ts';
import { may, type RoleAction } from '../../shared/access.ts';
import type { AppEnv, Services } from './context.ts';
import { errors } from './errors.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { isForeignOrigin } from './origin.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function refuseForeignWrites(publicUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const foreign = isForeignOrigin(c.req.header('origin'), c.req.header('host'), publicUrl);
      const crossSite = c.req.header('sec-fetch-site') === 'cross-site';
      if (foreign || crossSite) throw errors.foreignOrigin();
    }
    await next();
  };
}

export function requireSession(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const person = await services.sessions.resolve(getCookie(c, SESSION_COOKIE));
    if (!person) throw errors.unauthenticated();
    c.set('person', person);
    await next();
  };
}

/** For routes not tied to one document's phase; document routes check the phase too (authorize.ts). */
export function requireRole(action: RoleAction): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!may(c.get('person').role as Role, action)) throw errors.forbidden();
    await next();
  };
}

/**
 * A fixed-window limit on failed attempts per client address: wrong tokens are what a guesser sends,
 * while forty people signing in correctly from one seminar venue's network must all get in. Kept in
 * memory: it protects one process, which is all lowdb allows; a multi-process deployment would move
 * it to Redis with the records.
 */
export function limitFailures(options: { windowMs: number; max: number }): MiddlewareHandler {
  const failures = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const now = Date.now();
    const key = getConnInfo(c).remote.address ?? 'unknown';
    let entry = failures.get(key);
    if (!entry || entry.resetAt <= now) {
      if (failures.size > 10_000) for (const [k, v] of failures) if (v.resetAt <= now) failures.delete(k);
      entry = { count: 0, resetAt: now + options.windowMs };
      failures.set(key, entry);
    }
    if (entry.count >= options.max) throw errors.tooManyRequests(Math.ceil((entry.resetAt - now) / 1000));
    try {
      await next();
    } catch (error) {
      entry.count++;
      throw error;
    }
    if (c.res.status >= 400) entry.count++;
  };
}
