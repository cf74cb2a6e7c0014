/**
 * The HTTP application: security headers, limits, the routes, the web app, and the one error handler.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MAX_BODY_BYTES, MAX_UPLOAD_BYTES } from '../../shared/limits.ts';
import type { AppEnv, Services } from './context.ts';
import { errors, fromHttpException, headersOf, statusOf, wordsOf } from './errors.ts';
import { DomainError } from '../errors.ts';
import { refuseForeignWrites } from './middleware.ts';
import { compressJson } from './compressJson.ts';
import { readBodyWithDepthLimit } from './jsonDepth.ts';
import { DocumentDamagedError, StorageWriteError } from '../storage/errors.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { peopleRoutes } from './routes/people.ts';
import { documentRoutes } from './routes/documents.ts';
import { documentAdminRoutes, isUpload, UPLOAD_BODY_BYTES } from './routes/documentAdmin.ts';
import { auditRoutes } from './routes/audit.ts';
import { threadRoutes } from './routes/threads.ts';
import { eventRoutes } from './routes/events.ts';
import { versionRoutes } from './routes/versions.ts';
import { signoffRoutes } from './routes/signoffs.ts';
import { reportRoutes } from './routes/report.ts';
import { staticRoutes } from './staticFiles.ts';
import { mailSettingsRoutes } from './routes/mailSettings.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { commentImportBodyLimits, commentImportRoutes } from './routes/commentImport.ts';
import { readerLanguage, translate } from '../i18n.ts';

export function createApp(services: Services) {
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ProseMirror and the caret extension set style attributes; no inline script is allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw errors.payloadTooLarge();
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: UPLOAD_BODY_BYTES,
    onError: () => {
      throw errors.fileTooLarge(MAX_UPLOAD_BYTES / 1024 / 1024);
    },
  });
  const tableLimit = commentImportBodyLimits();
  app.use('/api/*', (c, next) => (isUpload(c.req.method, c.req.path, c.req.header('content-type')) ? uploadLimit : (tableLimit(c.req.method, c.req.path) ?? jsonLimit))(c, next));
  app.use('/api/*', refuseForeignWrites(services.config.publicUrl));
  app.use('/api/*', readBodyWithDepthLimit());
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', compressJson());

  app.route('/', healthRoutes);
  app.route('/', sessionRoutes(services));
  app.route('/', peopleRoutes(services));
  app.route('/', documentRoutes(services));
  app.route('/', documentAdminRoutes(services));
  app.route('/', commentImportRoutes(services));
  app.route('/', auditRoutes(services));
  app.route('/', threadRoutes(services));
  app.route('/', eventRoutes(services));
  app.route('/', versionRoutes(services));
  app.route('/', signoffRoutes(services));
  app.route('/', reportRoutes(services));
  app.route('/', mailSettingsRoutes(services));
  app.route('/', outboxRoutes(services));
  app.route('/', unsubscribeRoutes(services));
  app.all('/api/*', () => {
    throw errors.notFound('API route');
  });
  app.route('/', staticRoutes(services));

  // The one place where the domain's errors become HTTP answers.
  app.onError((error, c) => {
    const language = readerLanguage(c.get('person')?.language, c.req.header('accept-language'));
    let answer: { status: ContentfulStatusCode; code: string; message: string; headers: Record<string, string> };
    if (error instanceof DomainError) answer = { status: statusOf(error), code: error.code, message: wordsOf(error, language, services.config.timeZone), headers: headersOf(error) };
    else if (error instanceof HTTPException) answer = fromHttpException(error, language);
    else if (error instanceof StorageWriteError) {
      services.log.error('Storage could not be written or reached', error);
      const storage = errors.storage();
      answer = { status: statusOf(storage), code: storage.code, message: wordsOf(storage, language), headers: {} };
    } else if (error instanceof DocumentDamagedError) {
      services.log.error(error.message);
      const damaged = errors.documentDamaged();
      answer = { status: statusOf(damaged), code: damaged.code, message: wordsOf(damaged, language), headers: {} };
    } else {
      services.log.error(`Unexpected error on ${c.req.method} ${c.req.path}`, error);
      return c.json({ error: { code: 'internal', message: translate(language, 'error.internal') } }, 500);
    }
    for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
    return c.json({ error: { code: answer.code, message: answer.message } }, answer.status);
  });

  return app;
}
