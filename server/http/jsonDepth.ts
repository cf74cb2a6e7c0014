/**
 * JSON nesting limit. V8's JSON.parse does not recurse and reads a body of a hundred thousand '['
 * without trouble, but what may later walk the value does: JSON.stringify (lowdb's write, a log line)
 * and structuredClone (the repositories' copies) overflow the stack on it, which would be a 500. No
 * request needs more than a few levels, so the depth is measured on the text, before anything parses
 * it, and a deeper body is refused with 400 whatever route it is for.
 */
import type { MiddlewareHandler } from 'hono';
import { errors } from './errors.ts';

export const MAX_JSON_DEPTH = 32;

export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return false;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads every request body up front (within the body limit). Answering before the body is read
 * makes Node drop the connection under a client still sending; and the JSON depth can only be
 * checked on the text. Reading caches it: the validator's json() then parses the cached text.
 */
export function readBodyWithDepthLimit(max = MAX_JSON_DEPTH): MiddlewareHandler {
  return async (c, next) => {
    if (WITH_BODY.has(c.req.method)) {
      if (c.req.header('content-type')?.includes('json')) {
        if (jsonDepthExceeds(await c.req.text(), max)) throw errors.invalidInput(`The JSON is nested more than ${max} levels deep.`).saying('error.jsonTooDeep', { max });
        // Anything else (an uploaded file) is read as bytes: read as text, a binary file would be
        // decoded as UTF-8 and come out damaged.
      } else await c.req.arrayBuffer();
    }
    await next();
  };
}
