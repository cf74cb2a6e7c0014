/**
 * Bringing drafts in and a document's life: preview and create (a file or an empty draft), details,
 * archive, delete a draft, start a new edition, and the text as a Word file. The session and, under
 * a document id, the caller's membership come from documentRoutes' middleware (mounted before this):
 * a route here must not resolve the session again, which would drop the membership.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../../../shared/documentImport.ts';
import { MAX_DESCRIPTION_CHARS, MAX_REFERENCE_CHARS, MAX_TITLE_CHARS, MAX_UPLOAD_BYTES, MAX_WORKING_GROUP_CHARS } from '../../../shared/limits.ts';
import { authorize } from '../authorize.ts';
import type { AppEnv, Services } from '../context.ts';
import { ApiError, errors } from '../errors.ts';
import { invalidInput, validate } from '../validate.ts';
import { readerLanguage } from '../../i18n.ts';
import { requireRole } from '../middleware.ts';
import { presentDocumentDetail } from '../presenters.ts';
import { DocumentParam } from './documents.ts';
import { accessFor, documentWithSections } from '../../documents/documents.ts';
import { convertOffThread, wordOffThread } from '../../documents/import/offThread.ts';
import { ImportRefusal } from '../../documents/import/refusal.ts';
import type { ConvertedDraft } from '../../documents/import/convert.ts';
import { createDocument } from '../../documents/import/createDocument.ts';
import { deleteDraft, deletionImpact, setArchived, startEdition, textAsJson, updateDetails } from '../../documents/lifecycle.ts';

const UPLOAD_PATHS = new Set(['/api/documents', '/api/documents/preview']);

/** Uploads get their own body limit (the file's, plus room for the form around it). */
export const isUpload = (method: string, path: string, contentType: string | undefined) =>
  method === 'POST' && UPLOAD_PATHS.has(path) && !!contentType?.toLowerCase().startsWith('multipart/form-data');
export const UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const title = z.string().trim().min(1, 'a title cannot be empty').max(MAX_TITLE_CHARS, `a title is at most ${MAX_TITLE_CHARS} characters`);
const Details = {
  reference: z.string().trim().max(MAX_REFERENCE_CHARS, `a reference is at most ${MAX_REFERENCE_CHARS} characters`),
  language: z.enum(DOCUMENT_LANGUAGES),
  description: z.string().trim().max(MAX_DESCRIPTION_CHARS, `a description is at most ${MAX_DESCRIPTION_CHARS} characters`),
  workingGroup: z.string().trim().max(MAX_WORKING_GROUP_CHARS, `a working group name is at most ${MAX_WORKING_GROUP_CHARS} characters`),
};
const EmptyDraft = z.object({ title, ...Details }).partial({ reference: true, language: true, description: true, workingGroup: true }).strict();
const UploadFields = z.object({ title: title.optional(), ...Details }).partial().strict();
const DetailsPatch = z.object({ title, ...Details }).partial().strict();
const ArchiveBody = z.object({ archived: z.boolean() }).strict();
const DeleteBody = z.object({ confirm: z.string().max(100) }).strict();
const EditionBody = z.object({ title: title.optional() }).strict();
const WordQuery = z.object({ version: z.string().uuid('not a version id').optional() }).strict();

type Input = { kind: 'empty'; fields: z.infer<typeof EmptyDraft> } | { kind: 'file'; fileName: string; bytes: Uint8Array; fields: z.infer<typeof UploadFields> };

/** Fields the form or body got wrong, in the reader's language. */
function invalid(c: Context<AppEnv>, result: z.ZodSafeParseResult<unknown>): ApiError {
  return invalidInput(result.error?.issues[0], readerLanguage(c.get('person')?.language, c.req.header('accept-language')), 'body');
}

/** A multipart form with a `file`, or JSON `{ "title" }` for an empty draft; checked whole. */
async function readInput(c: Context<AppEnv>): Promise<Input> {
  const type = c.req.header('content-type')?.toLowerCase() ?? '';
  if (type.startsWith('application/json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw errors.malformedJson();
    }
    const parsed = EmptyDraft.safeParse(body);
    if (!parsed.success) throw invalid(c, parsed);
    return { kind: 'empty', fields: parsed.data };
  }
  if (!type.startsWith('multipart/form-data')) throw errors.unsupportedMediaType();
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw errors.invalidInput('The form could not be read. Send multipart/form-data with a `file` field.').saying('error.upload.unreadableForm');
  }
  const { file, ...rest } = form;
  if (!(file instanceof File)) throw errors.invalidInput('file: choose one .docx, .md or .txt file.').saying('error.upload.chooseDraft');
  const parsed = UploadFields.safeParse(rest);
  if (!parsed.success) throw invalid(c, parsed);
  if (file.size > MAX_UPLOAD_BYTES) throw errors.fileTooLarge(MAX_UPLOAD_BYTES / 1024 / 1024);
  return { kind: 'file', fileName: file.name || 'draft', bytes: new Uint8Array(await file.arrayBuffer()), fields: parsed.data };
}

/** How each refusal of a file reads in the domain's catalogue (413, 415 and 422 over HTTP). */
const REFUSAL_KIND = { 413: 'too-large', 415: 'unsupported-media', 422: 'unprocessable' } as const;

async function convert(input: Extract<Input, { kind: 'file' }>): Promise<ConvertedDraft> {
  try {
    return await convertOffThread({ fileName: input.fileName, bytes: input.bytes, title: input.fields.title });
  } catch (error) {
    if (error instanceof ImportRefusal) throw new ApiError(REFUSAL_KIND[error.status], error.code, error.message).saying(error.words.key, error.words.values);
    throw error;
  }
}

export function documentAdminRoutes(services: Services) {
  const { records, collab } = services;
  const detail = async (c: Context<AppEnv>, id: string, status: 200 | 201 = 200) => {
    const found = await documentWithSections(records, collab, id);
    if (!found) throw errors.notFound('document');
    return c.json(presentDocumentDetail(found.document, found.sections, accessFor(c.get('person'), found.document), c.get('person').role), status);
  };
  return new Hono<AppEnv>()
    .post('/api/documents/preview', requireRole('document.manage'), async (c) => {
      const input = await readInput(c);
      if (input.kind === 'empty') return c.json({ title: input.fields.title, sections: [], notKept: [], words: 0 });
      return c.json((await convert(input)).preview);
    })
    .post('/api/documents', requireRole('document.manage'), async (c) => {
      const input = await readInput(c);
      const { title: wanted, ...details } = input.fields;
      const converted = input.kind === 'file' ? await convert(input) : null;
      const document = await createDocument(services, c.get('person'), {
        title: converted?.preview.title ?? wanted!,
        state: converted?.state,
        ...details,
        source: input.kind === 'file' ? input.fileName : 'empty draft',
      });
      return detail(c, document.id, 201);
    })
    .patch('/api/documents/:id', requireRole('document.manage'), validate('param', DocumentParam), validate('json', DetailsPatch), async (c) => {
      const { id } = c.req.valid('param');
      await updateDetails(services, c.get('person'), id, c.req.valid('json'));
      return detail(c, id);
    })
    .post('/api/documents/:id/archive', requireRole('document.manage'), validate('param', DocumentParam), validate('json', ArchiveBody), async (c) => {
      const { id } = c.req.valid('param');
      await setArchived(services, c.get('person'), id, c.req.valid('json').archived);
      return detail(c, id);
    })
    .get('/api/documents/:id/deletion', requireRole('document.manage'), validate('param', DocumentParam), async (c) => c.json(await deletionImpact(services, c.req.valid('param').id)))
    .delete('/api/documents/:id', requireRole('document.manage'), validate('param', DocumentParam), validate('json', DeleteBody), async (c) =>
      c.json(await deleteDraft(services, c.get('person'), c.req.valid('param').id, c.req.valid('json').confirm)),
    )
    .post('/api/documents/:id/edition', requireRole('document.manage'), validate('param', DocumentParam), validate('json', EditionBody), async (c) => {
      const created = await startEdition(services, c.get('person'), c.req.valid('param').id, c.req.valid('json').title);
      return detail(c, created.id, 201);
    })
    .get('/api/documents/:id/word', validate('param', DocumentParam), validate('query', WordQuery), async (c) => {
      const { id } = c.req.valid('param');
      const { version: versionId } = c.req.valid('query');
      const document = await records.documents.get(id);
      if (!document) throw errors.notFound('document');
      authorize(c.get('person'), 'document.read', document);
      let json;
      if (versionId) {
        const version = await services.versions.get(id, versionId);
        if (!version) throw errors.notFound('version');
        json = await textAsJson(await services.versions.state(version));
      } else json = await collab.rooms.use(id, (room) => textAsJson(room.doc));
      const body = await wordOffThread(document.title, json);
      return c.body(Uint8Array.from(body), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="${id}${versionId ? '-version' : ''}.docx"`,
      });
    });
}
