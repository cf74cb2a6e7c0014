/**
 * The domain's error catalogue (server/errors.ts) seen from HTTP: each kind's status, mapped once for
 * the one handler (onError in app.ts), which answers `{ error: { code, message } }`. Anything else
 * is a 500 that says nothing of the internals. `errors` and `ApiError` are re-exported so that route
 * code keeps one import.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, errors, type ErrorKind, type Words } from '../errors.ts';
import { translate } from '../i18n.ts';
import { formatDeadline } from '../mail/words.ts';
import type { Language } from '../../shared/i18n/languages.ts';

export { errors };
export { DomainError as ApiError };

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media': 415,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

export const statusOf = (error: DomainError): ContentfulStatusCode => STATUS[error.kind];

/**
 * The error's message for this reader. English readers get the message as thrown, which may name
 * more (the field, the thing not found); other languages get the catalogue's wording where the error
 * has one, else the English until its call site names one. A message that names a moment (a Date
 * value) is worded from the catalogue in every language, English too: only here is the deployment's
 * time zone known, and the date is written as people read it there (as in the e-mails).
 */
export function wordsOf(error: DomainError, language: Language, timeZone = 'UTC'): string {
  const dated = Object.values(error.words?.values ?? {}).some((value) => value instanceof Date);
  if (!error.words || (language === 'en' && !dated)) return error.message;
  return worded(error.words, language, timeZone);
}

function worded(words: Words, language: Language, timeZone: string): string {
  const values = Object.entries(words.values ?? {}).map(([name, value]) => {
    if (value instanceof Date) return [name, formatDeadline(value.toISOString(), language, timeZone)];
    return [name, typeof value === 'object' ? worded(value, language, timeZone) : value];
  });
  return translate(language, words.key, Object.fromEntries(values));
}

export function headersOf(error: DomainError): Record<string, string> {
  return error.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(error.retryAfterSeconds) };
}

/** Maps Hono's own exceptions (bad JSON from the validator, body limit) to catalogue errors. */
export function fromHttpException(error: HTTPException, language: Language): { status: ContentfulStatusCode; code: string; message: string; headers: Record<string, string> } {
  const known = error.status === 413 ? errors.payloadTooLarge() : error.status === 400 ? errors.malformedJson() : error.status === 401 ? errors.unauthenticated() : null;
  if (known) return { status: statusOf(known), code: known.code, message: wordsOf(known, language), headers: {} };
  // Any other is Hono's own words, in English: the reader gets the catalogue's instead.
  return { status: error.status as ContentfulStatusCode, code: 'http_error', message: translate(language, 'error.requestRefused'), headers: {} };
}
