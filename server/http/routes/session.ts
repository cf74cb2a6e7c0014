/** Sign-in, the current session, sign-out, and invitation links opened in a browser. */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { presentPerson } from '../presenters.ts';
import { SESSION_COOKIE } from '../cookies.ts';
import { limitFailures, requireSession } from '../middleware.ts';
import type { PersonRecord } from '../../storage/records.ts';

const SignIn = z.object({ token: z.string().min(1, 'token is required').max(200) });

export function sessionRoutes(services: Services) {
  // One limiter for both ways of signing in, so a link and the form share the budget.
  const signInLimit = limitFailures({ windowMs: 60_000, max: services.config.signInLimitPerMinute });
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

  return new Hono<AppEnv>()
    .post('/api/session', signInLimit, validate('json', SignIn), async (c) => {
      const result = await services.sessions.signIn(c.req.valid('json').token);
      if (!result) throw errors.invalidToken();
      await auditSignIn(result.person);
      startSession(c, result.sessionId);
      return c.json({ person: presentPerson(result.person) });
    })
    .get('/api/session', requireSession(services), (c) => c.json({ person: presentPerson(c.get('person')) }))
    .delete('/api/session', async (c) => {
      const person = await services.sessions.signOut(getCookie(c, SESSION_COOKIE));
      if (person) await services.audit.record({ actorId: person.id, actorName: person.name, action: 'session.sign-out', target: null, detail: {} });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/join/:token', signInLimit, async (c) => {
      const result = await services.sessions.signIn(c.req.param('token'));
      if (!result) {
        return c.html(
          '<!doctype html><meta charset="utf-8"><title>Link not valid · Accord</title>' +
            '<p>This sign-in link is not valid. Ask the Secretariat for a new one, or <a href="/sign-in">sign in with a token</a>.</p>',
          401,
        );
      }
      await auditSignIn(result.person);
      startSession(c, result.sessionId);
      return c.redirect('/', 302);
    });
}
