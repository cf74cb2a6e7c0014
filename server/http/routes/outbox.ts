/**
 * The Secretariat's outbox: every message queued, sent or failed (with the SMTP server's answer),
 * sign-in links sent by e-mail, and, in outbox mode, the .eml text of a message.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { hashSecret } from '../../people/tokens.ts';

const MessageParam = z.object({ id: z.string().uuid('not a message id') });
const PersonParam = z.object({ id: z.string().uuid('not a person id') });
const LinkToSend = z
  .object({
    token: z.string().min(1, 'token is required').max(200),
    /** The wording: a first invitation, or a new link replacing the old. */
    kind: z.enum(['invitation', 'new-link']).default('new-link'),
  })
  .strict();

export function outboxRoutes(services: Services) {
  const linkFor = (requestUrl: string, token: string) => `${services.config.publicUrl ?? new URL(requestUrl).origin}/join/${token}`;
  return new Hono<AppEnv>()
    .get('/api/outbox', requireSession(services), requireRole('people.manage'), async (c) =>
      c.json({ mode: services.mail.mode, messages: await services.mail.outbox() }),
    )
    .get('/api/outbox/:id/eml', requireSession(services), requireRole('people.manage'), validate('param', MessageParam), async (c) => {
      const eml = await services.mail.eml(c.req.valid('param').id);
      if (eml === null) throw errors.notFound('message file');
      return c.body(eml, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    })
    // The link the dialog shows (only its hash is stored, so the client sends it back): e-mailing it
    // keeps it valid, where making a new one would end the link on screen.
    .post('/api/people/:id/invitation/email', requireSession(services), requireRole('people.manage'), validate('param', PersonParam), validate('json', LinkToSend), async (c) => {
      const person = await services.records.people.get(c.req.valid('param').id);
      if (!person) throw errors.notFound('person');
      const { token, kind } = c.req.valid('json');
      if (person.tokenHash !== hashSecret(token)) throw errors.conflict('link_replaced', 'This sign-in link is no longer the person’s current link; create a new one.').saying('error.people.linkReplaced');
      if (!person.active) throw errors.conflict('inactive', `${person.name}’s account is deactivated.`).saying('error.people.inactive', { name: person.name });
      const message = await services.mail.sendSignInLink(person, linkFor(c.req.url, token), kind === 'new-link');
      await services.audit.record({ actorId: c.get('person').id, actorName: c.get('person').name, action: 'person.email-link', target: person.id, detail: { kind } });
      return c.json({ messageId: message.id, to: person.email }, 202);
    });
}
