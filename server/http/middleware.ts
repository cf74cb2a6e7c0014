/** Cross-cutting request checks: session, same-origin writes, sign-in rate limit. */
import type { Context, MiddlewareHandler } from 'hono';
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
 * A fixed-window limit on failed sign-ins per client address. Only failures count, and only failures
 * are refused: the token is checked first, so a valid token always gets in, and one guesser behind a
 * seminar venue's network cannot lock out the forty people signing in correctly from it. Kept in
 * memory: it protects one process, which is all lowdb allows; a multi-process deployment would move
 * it to Redis with the records.
 */
export class FailureLimit {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly options: { windowMs: number; max: number }) {}

  /**
   * Counts a failure from `address`. Returns null while the address is within its budget, or the
   * seconds to wait once it is over (the caller answers 429 instead of its usual refusal).
   */
  fail(address: string): number | null {
    const now = Date.now();
    let entry = this.failures.get(address);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size > 10_000) for (const [k, v] of this.failures) if (v.resetAt <= now) this.failures.delete(k);
      entry = { count: 0, resetAt: now + this.options.windowMs };
      this.failures.set(address, entry);
    }
    entry.count++;
    return entry.count > this.options.max ? Math.ceil((entry.resetAt - now) / 1000) : null;
  }
}

export const clientAddress = (c: Context) => getConnInfo(c).remote.address ?? 'unknown';
