/** Cross-cutting request checks: session, same-origin writes, the client's address (for the sign-in limit). */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Role } from '../../shared/domain.ts';
import { may, type RoleAction } from '../../shared/access.ts';
import type { TrustProxy } from '../config.ts';
import type { AppEnv, Services } from './context.ts';
import { clientAddressResolver } from './clientAddress.ts';
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

/** The client's address of a request (clientAddress.ts): the TCP peer, or whom trusted proxies name. */
export function clientAddressOf(trust: TrustProxy): (c: Context) => string {
  const resolve = clientAddressResolver(trust);
  return (c) => resolve(getConnInfo(c).remote.address ?? 'unknown', c.req.header('x-forwarded-for'));
}
