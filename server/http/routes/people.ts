/** People: the Secretariat invites, lists, changes and deactivates them. */
import { Hono } from 'hono';
import { z } from 'zod';
import { isCountryCode } from '../../../shared/countries.ts';
import { MEMBER_ROLES, ROLES, STAKEHOLDERS } from '../../../shared/domain.ts';
import { LANGUAGES } from '../../../shared/notifications.ts';
import { DOCUMENT_ID_PATTERN, MAX_BULK_CELL_CHARS, MAX_BULK_INVITE_ROWS, MAX_INVITATION_DOCUMENTS, MAX_NAME_CHARS } from '../../../shared/limits.ts';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { requireRole, requireSession } from '../middleware.ts';
import { presentPerson, presentPersonForSecretariat } from '../presenters.ts';
import { inviteMany, previewBulkInvite } from '../../people/bulkInvite.ts';
import type { PersonRecord } from '../../storage/records.ts';
import { changePerson, EmailTaken, invitePerson, PersonConflict, renewInvitation, type PeopleDeps } from '../../people/people.ts';

const fields = {
  name: z.string().trim().min(1, 'name is required').max(MAX_NAME_CHARS),
  email: z.string().trim().email('email must be an email address').max(MAX_NAME_CHARS),
  role: z.enum(ROLES),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code')
    .transform((s) => s.toUpperCase())
    // The same list the pickers offer and bulk invitations are judged by.
    .refine(isCountryCode, 'country must be an ISO 3166-1 alpha-2 code, such as FR or BE'),
  organisation: z.string().trim().max(MAX_NAME_CHARS),
  stakeholder: z.enum(STAKEHOLDERS),
  language: z.enum(LANGUAGES),
};
const NewPerson = z
  .object({
    ...fields,
    organisation: fields.organisation.default(''),
    // Left out, the person's browser chooses at their first sign-in (routes/session.ts).
    language: fields.language.optional(),
    sendInvitation: z.boolean().optional(),
    documents: z.array(z.string().regex(DOCUMENT_ID_PATTERN, 'documents must be document ids')).max(MAX_INVITATION_DOCUMENTS).optional(),
  })
  .strict();
const PersonChange = z
  .object({ ...fields, active: z.boolean() })
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'nothing to change');
const Cell = z.string().max(MAX_BULK_CELL_CHARS).default('');
const BulkInvite = z
  .object({
    rows: z
      .array(z.object({ name: Cell, email: Cell, country: Cell, organisation: Cell, stakeholder: Cell, role: Cell, language: Cell }).strict())
      .max(MAX_BULK_INVITE_ROWS, `at most ${MAX_BULK_INVITE_ROWS} people at once; split the list`),
    defaultRole: z.enum(ROLES).default('participant'),
    document: z
      .object({ id: z.string().regex(DOCUMENT_ID_PATTERN, 'not a document id'), role: z.enum(MEMBER_ROLES) })
      .strict()
      .nullable()
      .optional(),
    sendInvitation: z.boolean().optional(),
  })
  .strict();
const PersonParam = z.object({ id: z.string().uuid('not a person id') });

export function peopleRoutes(services: Services) {
  const deps: PeopleDeps = {
    records: services.records,
    audit: services.audit,
    sessions: services.sessions,
    rightsChanged: (id) => services.collab.refreshPerson(id),
  };
  const linkFor = (requestUrl: string, token: string) => `${services.config.publicUrl ?? new URL(requestUrl).origin}/join/${token}`;

  return new Hono<AppEnv>()
    .use('/api/people', requireSession(services), requireRole('people.manage'))
    .use('/api/people/*', requireSession(services), requireRole('people.manage'))
    .get('/api/people', async (c) => c.json((await services.records.people.list()).map(presentPersonForSecretariat)))
    .post('/api/people', validate('json', NewPerson), async (c) => {
      try {
        const { documents, sendInvitation, ...invitee } = c.req.valid('json');
        const invitation = sendInvitation ? (p: PersonRecord, t: string) => services.mail.holdInvitation(p, linkFor(c.req.url, t)) : undefined;
        const { person, token } = await invitePerson(deps, c.get('person'), invitee, documents, invitation);
        const inviteUrl = linkFor(c.req.url, token);
        return c.json({ person: presentPerson(person), inviteToken: token, inviteUrl }, 201);
      } catch (error) {
        if (error instanceof EmailTaken) throw errors.conflict('email_taken', error.message).saying('error.people.emailTaken', { name: error.holder, email: error.email });
        throw error;
      }
    })
    // Bulk invitation: the preview judges each row and creates nothing; the second creates all or none.
    .post('/api/people/bulk/preview', validate('json', BulkInvite), async (c) => {
      const { rows, defaultRole } = c.req.valid('json');
      return c.json(await previewBulkInvite(services.records, rows, defaultRole));
    })
    .post('/api/people/bulk', validate('json', BulkInvite), async (c) => {
      const { rows, defaultRole, document, sendInvitation } = c.req.valid('json');
      const links = (list: Array<{ person: PersonRecord; token: string }>) => list.map(({ person, token }) => ({ person, signInUrl: linkFor(c.req.url, token) }));
      const hold = sendInvitation ? (list: Array<{ person: PersonRecord; token: string }>) => services.mail.holdInvitations(links(list)) : undefined;
      const created = await inviteMany(deps, c.get('person'), rows, { defaultRole, document }, hold);
      const invitations = links(created);
      const emailed = sendInvitation ? created.length : 0;
      return c.json({ people: invitations.map(({ person, signInUrl }) => ({ person: presentPersonForSecretariat(person), inviteUrl: signInUrl })), emailed }, 201);
    })
    .patch('/api/people/:id', validate('param', PersonParam), validate('json', PersonChange), async (c) => {
      try {
        const person = await changePerson(deps, c.get('person'), c.req.valid('param').id, c.req.valid('json'));
        if (!person) throw errors.notFound('person');
        return c.json(presentPersonForSecretariat(person));
      } catch (error) {
        if (error instanceof PersonConflict) throw errors.conflict('own_account', error.message).saying('error.people.ownAccount');
        if (error instanceof EmailTaken) throw errors.conflict('email_taken', error.message).saying('error.people.emailTaken', { name: error.holder, email: error.email });
        throw error;
      }
    })
    .post('/api/people/:id/invitation', validate('param', PersonParam), async (c) => {
      const renewed = await renewInvitation(deps, c.get('person'), c.req.valid('param').id);
      if (!renewed) throw errors.notFound('person');
      return c.json({ person: presentPerson(renewed.person), inviteToken: renewed.token, inviteUrl: linkFor(c.req.url, renewed.token) });
    });
}
