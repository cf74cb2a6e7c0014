/**
 * The API's JSON answers, gzipped for a client that accepts gzip. A long document's comments are
 * hundreds of kilobytes, a tenth of that gzipped, and a seminar's participants share one venue's
 * network. Gzip's fastest level: on the same machine as the browser, hono's `compress` (a web stream
 * at the default level) added ~30 ms to a 1,000-comment list (bench (k)); level 1 keeps most of the
 * gain for a fraction of that. Only JSON: the event stream must go out as it is written, and the
 * exports are files, sent as they were made.
 */
import { constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** Below this, gzip's own header and the work cost more than they save. */
const MIN_BYTES = 1024;

const acceptsGzip = (header: string | undefined) => /(?:^|,)\s*(?:gzip|\*)\s*(?:$|,|;\s*q=(?:1(?:\.0*)?|0?\.\d*[1-9]\d*))/i.test(header ?? '');

export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!/^application\/json\b/i.test(res.headers.get('content-type') ?? '') || res.headers.has('content-encoding') || !res.body || c.req.method === 'HEAD') return;
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (!acceptsGzip(c.req.header('accept-encoding'))) return;
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.length < MIN_BYTES) {
      c.res = new Response(body, { status: res.status, headers });
      return;
    }
    headers.set('Content-Encoding', 'gzip');
    headers.delete('Content-Length');
    c.res = new Response(gzipSync(body, { level: constants.Z_BEST_SPEED }), { status: res.status, headers });
  };
}
