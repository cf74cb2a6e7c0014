/** Sign-in, the current session, sign-out, and invitation links opened in a browser. */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { presentPerson } from '../presenters.ts';
import { SESSION_COOKIE } from '../cookies.ts';
import { clientAddressOf, refuseForeignWrites, requireSession } from '../middleware.ts';
import type { PersonRecord } from '../../storage/records.ts';
import { negotiateLanguage } from '../../../shared/i18n/languages.ts';

const SignIn = z.object({ token: z.string().min(1, 'token is required').max(200) }).strict();

// The app's Referrer-Policy (same-origin) keeps the token in the address from other sites. Not
// no-referrer: with it, Chromium sends `Origin: null` on the form's POST, which must be refused.
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title} · Accord</title>` +
  `<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">${body}</body></html>`;

/**
 * What an invitation link shows when another site sent the browser there. Opened from another site
 * (a link, an image, a frame), the link must not sign the visitor in by itself: that site could sign
 * them in to an account of its choosing (login CSRF), so that what they then write lands in that
 * account. The browser says where a request comes from (`Sec-Fetch-Site`); a link opened from a mail
 * program, typed or bookmarked comes from nowhere ("none") and signs in at once, as the contract's
 * `GET /join/:token` does. From anywhere else this page asks for a click: the button posts back to
 * the same URL, that post is refused from any other origin, the page may not be framed (CSP
 * frame-ancestors 'none', set for every page), and it carries no script.
 */
const JOIN_PAGE = page(
  'Sign in',
  '<h1>Sign in to Accord</h1><p>This is a personal sign-in link. Continue only if it was sent to you.</p>' +
    '<form method="post"><button type="submit" style="font-size: 1rem; padding: 0.5rem 1.5rem">Sign in</button></form>',
);
const INVALID_LINK_PAGE = page(
  'Link not valid',
  '<p>This sign-in link is not valid. Ask the Secretariat for a new one, or <a href="/sign-in">sign in with a token</a>.</p>',
);
const tooManyPage = (seconds: number) => page('Too many attempts', `<p>Too many attempts. Try again in ${seconds} seconds.</p>`);

export function sessionRoutes(services: Services) {
  // One limiter for both ways of signing in, so a link and the form share the budget.
  const failures = services.signInFailures;
  const clientAddress = clientAddressOf(services.config.trustProxy);
  const secure = services.config.publicUrl?.startsWith('https://') ?? false;
  const startSession = (c: Context, sessionId: string) =>
    setCookie(c, SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: Math.floor(services.config.sessionIdleMs / 1000),
    });

  const auditSignIn = (person: PersonRecord) =>
    services.audit.record({ actorId: person.id, actorName: person.name, action: 'session.sign-in', target: null, detail: {} });

  /**
   * A person invited without a language gets their browser's at their first sign-in (the client
   * sends the language its sign-in page shows). Once set, only the person changes it.
   */
  const firstLanguage = async (c: Context, person: PersonRecord): Promise<PersonRecord> => {
    if (person.language) return person;
    const language = negotiateLanguage(c.req.header('accept-language'));
    return (await services.records.people.update(person.id, { language })) ?? person;
  };

  return new Hono<AppEnv>()
    .post('/api/session', validate('json', SignIn), async (c) => {
      const result = await services.sessions.signIn(c.req.valid('json').token);
      if (!result) {
        const wait = await failures.fail(clientAddress(c));
        throw wait === null ? errors.invalidToken() : errors.tooManyRequests(wait);
      }
      const person = await firstLanguage(c, result.person);
      await auditSignIn(person);
      startSession(c, result.sessionId);
      return c.json({ person: presentPerson(person), timeZone: services.config.timeZone });
    })
    // The deployment's time zone comes along: deadlines are chosen and shown in it.
    .get('/api/session', requireSession(services), (c) => c.json({ person: presentPerson(c.get('person')), timeZone: services.config.timeZone }))
    .delete('/api/session', async (c) => {
      const person = await services.sessions.signOut(getCookie(c, SESSION_COOKIE));
      if (person) await services.audit.record({ actorId: person.id, actorName: person.name, action: 'session.sign-out', target: null, detail: {} });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/join/:token', (c) => {
      c.header('Cache-Control', 'no-store');
      const from = c.req.header('sec-fetch-site');
      if (from === 'cross-site' || from === 'same-site') return c.html(JOIN_PAGE);
      return signInByLink(c, 302);
    })
    // 303: the browser follows the form's POST with a GET of the documents.
    .post('/join/:token', refuseForeignWrites(services.config.publicUrl), (c) => signInByLink(c, 303));

  async function signInByLink(c: Context, redirect: 302 | 303) {
    c.header('Cache-Control', 'no-store');
    const result = await services.sessions.signIn(c.req.param('token') ?? '');
    if (!result) {
      const wait = await failures.fail(clientAddress(c));
      if (wait !== null) {
        c.header('Retry-After', String(wait));
        return c.html(tooManyPage(wait), 429);
      }
      return c.html(INVALID_LINK_PAGE, 401);
    }
    await auditSignIn(await firstLanguage(c, result.person));
    startSession(c, result.sessionId);
    return c.redirect('/', redirect);
  }
}
