/** Versions of the text: take, list, read (also as a file), restore, and compare. */
import { Hono } from 'hono';
import { z } from 'zod';
import { MAX_TITLE_CHARS } from '../../../shared/limits.ts';
import type { Context } from 'hono';
import type { AppEnv, Services } from '../context.ts';
import { readerLanguage } from '../../i18n.ts';
import { validate } from '../validate.ts';
import { DocumentParam } from './documents.ts';
import { listVersions, readVersion, restoreVersion, takeVersion } from '../../versions/versions.ts';
import { compareVersions } from '../../versions/changes.ts';
import { adoptionStamp } from '../../versions/exportVersion.ts';
import { renderOffThread } from '../../report/offThread.ts';
import { warmRenderer } from '../../report/offThread.ts';
import { FileLanguage, fileLanguage } from '../../report/options.ts';
import { reportWords } from '../../report/words.ts';

const NewVersion = z.object({ name: z.string().trim().min(1, 'name must not be empty').max(MAX_TITLE_CHARS) }).strict();
const VersionParam = DocumentParam.extend({ versionId: z.string().uuid('not a version id') });
const VersionRef = z.union([z.literal('current'), z.string().uuid('from and to must be version ids or "current"')]);
const CompareQuery = z.object({ from: VersionRef, to: VersionRef.default('current') }).strict();
const ExportQuery = z.object({ format: z.enum(['json', 'md', 'docx', 'pdf']).default('json'), lang: FileLanguage }).strict();

const FILE_TYPES = {
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Automatic versions are named in the reader's language (the person's, else the request's). */
const readerOf = (c: Context<AppEnv>) => readerLanguage(c.get('person')?.language, c.req.header('accept-language'));

export function versionRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post('/api/documents/:id/versions', validate('param', DocumentParam), validate('json', NewVersion), async (c) =>
      c.json(await takeVersion(services, c.get('person'), c.req.valid('param').id, c.req.valid('json').name, readerOf(c)), 201),
    )
    .get('/api/documents/:id/versions', validate('param', DocumentParam), async (c) => {
      const versions = await listVersions(services, c.req.valid('param').id, readerOf(c));
      // The versions page is open: its Word and PDF downloads are likely next.
      void warmRenderer();
      return c.json(versions);
    })
    .get('/api/documents/:id/versions/:versionId', validate('param', VersionParam), validate('query', ExportQuery), async (c) => {
      const { id, versionId } = c.req.valid('param');
      const { format, lang } = c.req.valid('query');
      // A file is in the language asked for (?lang), the JSON in the reader's.
      const language = format === 'json' ? readerOf(c) : fileLanguage(lang, c.get('person')?.language);
      const version = await readVersion(services, id, versionId, language);
      if (format === 'json') return c.json(version);
      const document = (await services.records.documents.get(id))!;
      const exported = { ...version, title: document.title, stamp: adoptionStamp(document, version.createdAt, reportWords(language)) };
      // Made in the render worker, as the report's files are: a long text must not hold the event loop.
      const body = await renderOffThread({ kind: 'version', version: exported, format, language });
      const fileName = `${id}-${version.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'version'}.${format}`;
      return c.body(body, 200, { 'Content-Type': FILE_TYPES[format], 'Content-Disposition': `attachment; filename="${fileName}"` });
    })
    .post('/api/documents/:id/versions/:versionId/restore', validate('param', VersionParam), async (c) => {
      const { id, versionId } = c.req.valid('param');
      return c.json(await restoreVersion(services, c.get('person'), id, versionId, readerOf(c)));
    })
    .get('/api/documents/:id/compare', validate('param', DocumentParam), validate('query', CompareQuery), async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await compareVersions(services, c.req.valid('param').id, from, to, readerOf(c)));
    });
}
