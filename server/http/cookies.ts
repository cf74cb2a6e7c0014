/** The session cookie's name and reading lives with the sessions (server/people/sessionCookie.ts). */
export { SESSION_COOKIE, sessionIdFromCookieHeader } from '../people/sessionCookie.ts';
