/** The reviewers' sign-offs of the final text, and the Secretariat's tally. */
import { Hono } from 'hono';
import { z } from 'zod';
import { SIGNOFF_DECISIONS } from '../../../shared/domain.ts';
import { MAX_COMMENT_CHARS } from '../../../shared/limits.ts';
import type { AppEnv, Services } from '../context.ts';
import { validate } from '../validate.ts';
import { requireRole } from '../middleware.ts';
import { DocumentParam } from './documents.ts';
import { listSignoffs, signoffTally, submitSignoff } from '../../signoffs/signoffs.ts';

const Signoff = z
  .object({
    decision: z.enum(SIGNOFF_DECISIONS),
    statement: z.string().trim().max(MAX_COMMENT_CHARS, `statement may be at most ${MAX_COMMENT_CHARS.toLocaleString('en')} characters`).nullable().optional(),
  })
  .strict();

export function signoffRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post('/api/documents/:id/signoffs', validate('param', DocumentParam), validate('json', Signoff), async (c) => {
      const { decision, statement } = c.req.valid('json');
      return c.json(await submitSignoff(services, c.get('person'), c.req.valid('param').id, decision, statement), 201);
    })
    .get('/api/documents/:id/signoffs', requireRole('signoff.read'), validate('param', DocumentParam), async (c) =>
      c.json(await listSignoffs(services, c.req.valid('param').id)),
    )
    .get('/api/documents/:id/signoffs/tally', requireRole('signoff.read'), validate('param', DocumentParam), async (c) =>
      c.json(await signoffTally(services, c.req.valid('param').id)),
    );
}
