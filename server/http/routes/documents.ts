/** Documents: list, one with its sections, phase changes. */
import { Hono } from 'hono';
import { z } from 'zod';
import { PHASES } from '../../../shared/domain.ts';
import { DOCUMENT_ID_PATTERN } from '../../../shared/limits.ts';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { presentDocumentDetail, presentDocumentSummary } from '../presenters.ts';
import { accessFor, changePhase, documentWithSections } from '../../documents/documents.ts';

export const DocumentParam = z.object({ id: z.string().regex(DOCUMENT_ID_PATTERN, 'not a document id') });

const PhaseChange = z.object({
  phase: z.enum(PHASES),
  deadline: z.iso.datetime({ offset: true, message: 'deadline must be an ISO 8601 instant' }).nullable().optional(),
});

export function documentRoutes(services: Services) {
  const { records, collab } = services;
  return new Hono<AppEnv>()
    .use('/api/documents', requireSession(services), requireRole('document.read'))
    .use('/api/documents/*', requireSession(services), requireRole('document.read'))
    .get('/api/documents', async (c) => {
      // Archived documents are left out unless asked for (?archived=true lists them too).
      const withArchived = c.req.query('archived') === 'true';
      return c.json((await records.documents.list()).filter((d) => withArchived || !d.archived).map(presentDocumentSummary));
    })
    .get('/api/documents/:id', validate('param', DocumentParam), async (c) => {
      const found = await documentWithSections(records, collab, c.req.valid('param').id);
      if (!found) throw errors.notFound('document');
      return c.json(presentDocumentDetail(found.document, found.sections, accessFor(c.get('person'), found.document)));
    })
    .post('/api/documents/:id/phase', requireRole('document.phase'), validate('param', DocumentParam), validate('json', PhaseChange), async (c) => {
      const { phase, deadline } = c.req.valid('json');
      const normalised = deadline === undefined ? undefined : deadline && new Date(deadline).toISOString();
      const updated = await changePhase(services, c.get('person'), c.req.valid('param').id, phase, normalised);
      if (!updated) throw errors.notFound('document');
      return c.json(presentDocumentSummary(updated));
    });
}
