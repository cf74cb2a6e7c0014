/**
 * The built web app. Hashed assets are cached for a year; every other path that is not the API falls
 * back to index.html so the client's router can take it. The build writes a brotli and a gzip copy
 * beside each script and style sheet (vite.config.ts); `precompressed` sends the best one the browser
 * accepts, with `Vary: Accept-Encoding`, so nothing is compressed per request. The one page made per
 * request is a document's, with its words in it for a member (documentBoot.ts), gzipped as it goes.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { documentPreloads, pageFilesFinder } from './documentPreload.ts';
import { documentBoot } from './documentBoot.ts';
import type { Services } from './context.ts';

export function staticRoutes(services: Pick<Services, 'sessions' | 'records' | 'threads' | 'collab' | 'log' | 'config'>) {
  const { clientDir } = services.config;
  const app = new Hono();
  const pageFiles = pageFilesFinder(clientDir);
  const preloads = documentPreloads(pageFiles);
  const withWords = documentBoot(services, clientDir, pageFiles);
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  const files = serveStatic({ root: clientDir, precompressed: true });
  // The build's own records (.vite/manifest.json, which documentPreload.ts reads) are not the app's
  // files: a path with a hidden folder or file in it gets the app's page, as any unknown path does.
  app.use('*', (c, next) => (c.req.path.includes('/.') ? next() : files(c, next)));
  app.get('*', async (c, next) => {
    if (!existsSync(path.join(clientDir, 'index.html'))) {
      return c.text('The web app is not built yet. Run `npm start` (it builds it) or `npm run build`.', 503);
    }
    c.header('Cache-Control', 'no-cache');
    const links = preloads(c.req.path);
    if (links) {
      c.header('Link', links);
      // The same address is the plain page for anyone else: never kept by a cache, and never shared.
      c.header('Vary', 'Cookie');
      const page = await withWords(c);
      if (page) {
        c.header('Cache-Control', 'no-store');
        if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return c.html(page);
        c.header('Content-Encoding', 'gzip');
        c.header('Content-Type', 'text/html; charset=UTF-8');
        return c.body(gzipSync(page));
      }
    }
    return serveStatic({ root: clientDir, path: 'index.html', precompressed: true })(c, next);
  });
  return app;
}
