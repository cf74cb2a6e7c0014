/**
 * Importing a filled-in comment table (Secretariat): the template to hand out, a preview of a file
 * that stores nothing, and the corrected rows stored all at once. Membership of the document comes
 * from documentRoutes' middleware (mounted before this group).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { THREAD_KINDS } from '../../../shared/domain.ts';
import { MAX_COMMENT_CHARS, MAX_COMMENT_IMPORT_BODY_BYTES, MAX_COMMENT_TABLE_BYTES, MAX_COMMENT_TABLE_ROWS, MAX_QUOTE_CHARS } from '../../../shared/limits.ts';
import type { AppEnv, Services } from '../context.ts';
import { errors } from '../errors.ts';
import { validate } from '../validate.ts';
import { DocumentParam } from './documents.ts';
import { authorize } from '../authorize.ts';
import { commitImport, previewImport } from '../../threads/import/importComments.ts';
import { commentTemplate } from '../../threads/import/template.ts';
import { tableRefusal } from '../../threads/import/tableFile.ts';
import { documentWithSections } from '../../documents/documents.ts';

const PREVIEW_PATH = /^\/api\/documents\/[a-z0-9-]+\/comment-import\/preview$/;
const COMMIT_PATH = /^\/api\/documents\/[a-z0-9-]+\/comment-import$/;

/**
 * The body limits these routes need instead of the JSON default: a file for the preview, every row
 * at its longest for the commit. Returns the limit for a request, or null for any other route.
 */
export function commentImportBodyLimits(): (method: string, path: string) => MiddlewareHandler | null {
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw errors.payloadTooLarge();
      },
    });
  const file = limit(MAX_COMMENT_TABLE_BYTES + 64 * 1024);
  const rows = limit(MAX_COMMENT_IMPORT_BODY_BYTES);
  return (method, path) => (method !== 'POST' ? null : PREVIEW_PATH.test(path) ? file : COMMIT_PATH.test(path) ? rows : null);
}

const words = (what: string, max = MAX_COMMENT_CHARS) => z.string().trim().max(max, `${what} may be at most ${max.toLocaleString('en')} characters`);

const CommitRow = z
  .object({
    line: z.number().int().min(1).max(1_000_000),
    sectionId: z.string().min(1).max(100),
    quote: words('quote', MAX_QUOTE_CHARS).min(1).nullable(),
    kind: z.enum(THREAD_KINDS),
    body: words('body').min(1, 'body must not be empty'),
    proposedText: words('proposedText').nullable(),
    authorId: z.string().uuid('authorId must be a person id'),
  })
  .strict();

const Commit = z
  .object({
    rows: z.array(CommitRow).min(1, 'send at least one row').max(MAX_COMMENT_TABLE_ROWS, `at most ${MAX_COMMENT_TABLE_ROWS} rows at once`),
    receivedAt: z.iso.datetime({ offset: true, message: 'receivedAt must be an ISO 8601 instant' }).optional(),
    fileName: z.string().max(300).optional(),
  })
  .strict();

const TemplateQuery = z.object({ lang: z.enum(['en', 'fr']).optional() }).strict();

export function commentImportRoutes(services: Services) {
  // Rights before anything is read or validated: someone who may not import learns nothing from a refusal of their input.
  const mayImport: MiddlewareHandler<AppEnv> = async (c, next) => {
    const parsed = DocumentParam.safeParse({ id: c.req.param('id') });
    if (parsed.success) {
      const document = await services.records.documents.get(parsed.data.id);
      if (!document) throw errors.notFound('document');
      authorize(c.get('person'), 'comments.import', document);
    }
    await next();
  };
  return new Hono<AppEnv>()
    .use('/api/documents/:id/comment-import', mayImport)
    .use('/api/documents/:id/comment-import/*', mayImport)
    .get('/api/documents/:id/comment-import/template', validate('param', DocumentParam), validate('query', TemplateQuery), async (c) => {
      const found = await documentWithSections(services.records, services.collab, c.req.valid('param').id);
      if (!found) throw errors.notFound('document');
      const language = c.req.valid('query').lang ?? 'en';
      const file = await commentTemplate(found.document.title, found.sections, language);
      const name = `${found.document.id}-comments${language === 'fr' ? '-fr' : ''}.xlsx`;
      return c.body(new Uint8Array(file), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    })
    .post('/api/documents/:id/comment-import/preview', validate('param', DocumentParam), async (c) => {
      const documentId = c.req.valid('param').id;
      if (!c.req.header('content-type')?.toLowerCase().startsWith('multipart/form-data')) {
        throw errors.invalidInput('Send the table as multipart/form-data with a `file` field (.xlsx or .docx).').saying('error.upload.tableForm');
      }
      let file: unknown;
      try {
        file = (await c.req.parseBody()).file;
      } catch {
        throw errors.invalidInput('The form could not be read. Send multipart/form-data with a `file` field.').saying('error.upload.unreadableForm');
      }
      if (!(file instanceof File)) throw errors.invalidInput('file: choose one .xlsx or .docx file.').saying('error.upload.chooseTable');
      if (file.size > MAX_COMMENT_TABLE_BYTES) throw tableRefusal.tooLarge();
      return c.json(await previewImport(services, c.get('person'), documentId, { fileName: file.name || 'table', bytes: new Uint8Array(await file.arrayBuffer()) }));
    })
    .post('/api/documents/:id/comment-import', validate('param', DocumentParam), validate('json', Commit), async (c) =>
      c.json(await commitImport(services, c.get('person'), c.req.valid('param').id, c.req.valid('json')), 201),
    );
}
