/**
 * The error catalogue of the domain. Every refusal a caller can meet has a stable `code` and a `kind`
 * (what went wrong, in the domain's terms); commands throw these and know nothing of HTTP. The web
 * layer maps each kind to a status once (http/errors.ts, used by app.ts's onError). Never classify
 * an error by its message text.
 */
import type { MessageKey } from '../shared/i18n/en.ts';

export type ErrorKind =
  /** The input is wrong: a field, a body, a reference to something the request itself names. */
  | 'invalid'
  /** Nobody is signed in, or the token is wrong. */
  | 'unauthenticated'
  /** Signed in, but this role may not do this now. */
  | 'forbidden'
  /** No such thing, or not one the caller takes part in: the two answers are the same. */
  | 'not-found'
  /** The request clashes with the state of things (an email already taken, one's own account). */
  | 'conflict'
  | 'too-large'
  | 'unsupported-media'
  /** A file that arrived whole but cannot be read as what it claims to be. */
  | 'unprocessable'
  | 'rate-limited'
  /** Storage could not save; nothing changed. */
  | 'unavailable';

/**
 * The values a catalogue message names. A Date is a moment people read in their own language and
 * the deployment's time zone, which only the web layer knows: it formats it (http/errors.ts). Words
 * are another catalogue entry, worded first in the same language (a bulk list's row problem).
 */
export type WordValues = { [name: string]: string | number | Date | Words };
export type Words = { key: MessageKey; values?: WordValues };

export class DomainError extends Error {
  /**
   * The catalogue's wording of this error (shared/i18n, `error.*`), which the web layer gives in
   * the reader's language; `message` is the English, for logs and for errors not yet in the
   * catalogue.
   */
  words?: Words;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** When the caller may try again (rate-limited), in seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Names the catalogue entry that says this in every language. */
  saying(key: MessageKey, values?: WordValues): this {
    this.words = values ? { key, values } : { key };
    return this;
  }
}

export const errors = {
  invalidInput: (message: string) => new DomainError('invalid', 'invalid_input', message),
  malformedJson: () => new DomainError('invalid', 'malformed_json', 'The request body is not valid JSON.').saying('error.malformedJson'),
  unauthenticated: () => new DomainError('unauthenticated', 'unauthenticated', 'Sign in to continue.').saying('error.unauthenticated'),
  invalidToken: () =>
    new DomainError('unauthenticated', 'invalid_token', 'This sign-in link or token is not valid. Ask the Secretariat for a new one.').saying('error.invalidToken'),
  forbidden: (message?: string) =>
    message ? new DomainError('forbidden', 'forbidden', message) : new DomainError('forbidden', 'forbidden', 'Your role does not allow this.').saying('error.forbidden'),
  foreignOrigin: () => new DomainError('forbidden', 'foreign_origin', 'Requests from other sites are refused.').saying('error.foreignOrigin'),
  deadlinePassed: (deadline: string) =>
    new DomainError('forbidden', 'deadline_passed', `The consultation closed on ${new Date(deadline).toUTCString()}; it takes no new comments or replies.`).saying(
      'error.deadlinePassed',
      { deadline: new Date(deadline) },
    ),
  notFound: (what = 'resource') => new DomainError('not-found', 'not_found', `No such ${what}.`).saying('error.notFound'),
  conflict: (code: string, message: string) => new DomainError('conflict', code, message),
  payloadTooLarge: () => new DomainError('too-large', 'payload_too_large', 'The request body is too large.').saying('error.payloadTooLarge'),
  fileTooLarge: (limitMb: number) =>
    new DomainError('too-large', 'file_too_large', `The file is larger than ${limitMb} MB. Remove images or split the text, then try again.`).saying('error.fileTooLarge', {
      limitMb,
    }),
  unsupportedMediaType: () =>
    new DomainError('unsupported-media', 'unsupported_media_type', 'Send JSON (Content-Type: application/json).').saying('error.unsupportedMediaType'),
  tooManyRequests: (retryAfterSeconds: number) =>
    new DomainError('rate-limited', 'too_many_requests', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds).saying(
      'error.tooManyRequests',
      { seconds: retryAfterSeconds },
    ),
  storage: () =>
    new DomainError('unavailable', 'storage_unavailable', 'The server could not save this. Nothing was changed; try again shortly.').saying('error.storage'),
  documentDamaged: () =>
    new DomainError('unavailable', 'document_damaged', 'The stored text of this document is damaged; the Secretariat must restore it from a backup.').saying(
      'error.documentDamaged',
    ),
};
