/** Documents: list, one with its sections, phase changes, members. */
import { Hono } from 'hono';
import { z } from 'zod';
import { MEMBER_ROLES, PHASES } from '../../../shared/domain.ts';
import { DOCUMENT_ID_PATTERN } from '../../../shared/limits.ts';
import type { TextSnapshot } from '../../../shared/api.ts';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { presentDocumentDetail, presentDocumentSummary, presentMember } from '../presenters.ts';
import { asDocumentMember } from '../authorize.ts';
import { documentsOf } from '../../documents/list.ts';
import { listMembers, removeMember, setMember, type MemberDeps } from '../../people/members.ts';
import { accessFor, changePhase, documentWithSections } from '../../documents/documents.ts';
import { textSnapshot } from '../../documents/textSnapshot.ts';
import { generationOf } from '../../documents/present.ts';

export const DocumentParam = z.object({ id: z.string().regex(DOCUMENT_ID_PATTERN, 'not a document id') });

const PhaseChange = z
  .object({
    phase: z.enum(PHASES),
    deadline: z.iso
      .datetime({ offset: true, message: 'deadline must be an ISO 8601 instant' })
      // A deadline already passed would close the consultation the moment it opens.
      .refine((d) => Date.parse(d) > Date.now(), 'deadline must be in the future')
      .nullable()
      .optional(),
  })
  .strict();

const MemberParam = DocumentParam.extend({ personId: z.string().uuid('not a person id') });
const MemberChange = z.object({ role: z.enum(MEMBER_ROLES) }).strict();

export function documentRoutes(services: Services) {
  const { records, collab } = services;
  const memberDeps: MemberDeps = { ...services, rightsChanged: (id) => services.collab.refreshPerson(id) };
  return new Hono<AppEnv>()
    .use('/api/documents', requireSession(services), requireRole('document.read'))
    .use('/api/documents/*', requireSession(services), requireRole('document.read'))
    // Every route under a document id, in this file and in the route groups mounted after it (app.ts):
    // the caller as a member of the document, or 404.
    .use('/api/documents/:id/*', asDocumentMember(services))
    .get('/api/documents', async (c) => {
      // Archived documents are left out unless asked for (?archived=true lists them too).
      const withArchived = c.req.query('archived') === 'true';
      return c.json(await documentsOf(records, services.threads, c.get('person'), { withArchived }));
    })
    .get('/api/documents/:id/members', requireRole('people.manage'), validate('param', DocumentParam), async (c) =>
      c.json((await listMembers(records, c.req.valid('param').id)).map(presentMember)),
    )
    .put('/api/documents/:id/members/:personId', requireRole('people.manage'), validate('param', MemberParam), validate('json', MemberChange), async (c) => {
      const { id, personId } = c.req.valid('param');
      return c.json(presentMember(await setMember(memberDeps, c.get('person'), id, personId, c.req.valid('json').role)));
    })
    .delete('/api/documents/:id/members/:personId', requireRole('people.manage'), validate('param', MemberParam), async (c) => {
      const { id, personId } = c.req.valid('param');
      await removeMember(memberDeps, c.get('person'), id, personId);
      return c.body(null, 204);
    })
    .get('/api/documents/:id', validate('param', DocumentParam), async (c) => {
      const found = await documentWithSections(records, collab, c.req.valid('param').id);
      if (!found) throw errors.notFound('document');
      const member = c.get('person');
      return c.json(presentDocumentDetail(found.document, found.sections, accessFor(member, found.document), member.role));
    })
    // The words as they stand, for the page to show while its live editor is still on its way.
    .get('/api/documents/:id/text', validate('param', DocumentParam), async (c) => {
      const { id } = c.req.valid('param');
      const document = await records.documents.get(id);
      if (!document) throw errors.notFound('document');
      const content = await collab.rooms.use(id, (room) => textSnapshot(room.doc));
      return c.json({ generation: generationOf(document), content } satisfies TextSnapshot);
    })
    .post('/api/documents/:id/phase', requireRole('document.phase'), validate('param', DocumentParam), validate('json', PhaseChange), async (c) => {
      const { phase, deadline } = c.req.valid('json');
      const normalised = deadline === undefined ? undefined : deadline && new Date(deadline).toISOString();
      const updated = await changePhase(services, c.get('person'), c.req.valid('param').id, phase, normalised);
      if (!updated) throw errors.notFound('document');
      return c.json(presentDocumentSummary(updated));
    });
}
