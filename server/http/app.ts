/**
 * The HTTP application: security headers, limits, the routes, the web app, and the one error handler.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { MAX_BODY_BYTES } from '../../shared/limits.ts';
import type { AppEnv, Services } from './context.ts';
import { ApiError, errors, fromHttpException } from './errors.ts';
import { refuseForeignWrites } from './middleware.ts';
import { readBodyWithDepthLimit } from './jsonDepth.ts';
import { StorageWriteError } from '../storage/errors.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { peopleRoutes } from './routes/people.ts';
import { documentRoutes } from './routes/documents.ts';
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
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw errors.payloadTooLarge();
      },
    }),
  );
  app.use('/api/*', refuseForeignWrites(services.config.publicUrl));
  app.use('/api/*', readBodyWithDepthLimit());
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.route('/', healthRoutes);
  app.route('/', sessionRoutes(services));
  app.route('/', peopleRoutes(services));
  app.route('/', documentRoutes(services));
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
  app.route('/', staticRoutes(services.config.clientDir));

  app.onError((error, c) => {
    let apiError: ApiError;
    if (error instanceof ApiError) apiError = error;
    else if (error instanceof HTTPException) apiError = fromHttpException(error);
    else if (error instanceof StorageWriteError) {
      services.log.error('A write failed', error);
      apiError = errors.storage();
    } else {
      services.log.error(`Unexpected error on ${c.req.method} ${c.req.path}`, error);
      return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
    }
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    return c.json({ error: { code: apiError.code, message: apiError.message } }, apiError.status);
  });

  return app;
}
