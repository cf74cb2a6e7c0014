/** The session cookie: HttpOnly, SameSite=Lax, Secure when the site is served over https. Read by the HTTP app and the socket upgrade. */
import { parse } from 'hono/utils/cookie';

export const SESSION_COOKIE = 'accord_session';

export function sessionIdFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  return parse(header, SESSION_COOKIE)[SESSION_COOKIE];
}
