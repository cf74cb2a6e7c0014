/** People: the Secretariat invites and lists them. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ROLES, STAKEHOLDERS } from '../../../shared/domain.ts';
import { MAX_NAME_CHARS } from '../../../shared/limits.ts';
import type { AppEnv, Services } from '../context.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { presentPerson, presentPersonForSecretariat } from '../presenters.ts';
import { invitePerson } from '../../people/people.ts';

const NewPerson = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_CHARS),
  email: z.string().trim().email().max(MAX_NAME_CHARS),
  role: z.enum(ROLES),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code')
    .transform((s) => s.toUpperCase()),
  organisation: z.string().trim().max(MAX_NAME_CHARS).default(''),
  stakeholder: z.enum(STAKEHOLDERS),
});

export function peopleRoutes(services: Services) {
  const base = () => services.config.publicUrl ?? '';
  return new Hono<AppEnv>()
    .use('/api/people', requireSession(services), requireRole('people.manage'))
    .use('/api/people/*', requireSession(services), requireRole('people.manage'))
    .get('/api/people', async (c) => c.json((await services.records.people.list()).map(presentPersonForSecretariat)))
    .post('/api/people', validate('json', NewPerson), async (c) => {
      const { person, token } = await invitePerson(services.records, c.req.valid('json'));
      const origin = base() || new URL(c.req.url).origin;
      return c.json({ person: presentPerson(person), inviteToken: token, inviteUrl: `${origin}/join/${token}` }, 201);
    });
}
