/**
 * The error catalogue. Every error a caller can get has a status and a stable code here; one handler
 * (onError in app.ts) turns them into `{ error: { code, message } }`. Anything else is a 500 that says
 * nothing of the internals.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errors = {
  invalidInput: (message: string) => new ApiError(400, 'invalid_input', message),
  malformedJson: () => new ApiError(400, 'malformed_json', 'The request body is not valid JSON.'),
  unauthenticated: () => new ApiError(401, 'unauthenticated', 'Sign in to continue.'),
  invalidToken: () => new ApiError(401, 'invalid_token', 'This sign-in link or token is not valid. Ask the Secretariat for a new one.'),
  forbidden: (message = 'Your role does not allow this.') => new ApiError(403, 'forbidden', message),
  foreignOrigin: () => new ApiError(403, 'foreign_origin', 'Requests from other sites are refused.'),
  deadlinePassed: (deadline: string) =>
    new ApiError(403, 'deadline_passed', `The consultation closed on ${new Date(deadline).toUTCString()}; it takes no new comments or replies.`),
  notFound: (what = 'resource') => new ApiError(404, 'not_found', `No such ${what}.`),
  conflict: (code: string, message: string) => new ApiError(409, code, message),
  payloadTooLarge: () => new ApiError(413, 'payload_too_large', 'The request body is too large.'),
  fileTooLarge: (limitMb: number) => new ApiError(413, 'file_too_large', `The file is larger than ${limitMb} MB. Remove images or split the text, then try again.`),
  unsupportedMediaType: () => new ApiError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).'),
  tooManyRequests: (retryAfterSeconds: number) =>
    new ApiError(429, 'too_many_requests', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      'Retry-After': String(retryAfterSeconds),
    }),
  storage: () => new ApiError(503, 'storage_unavailable', 'The server could not save this. Nothing was changed; try again shortly.'),
};

/** Maps Hono's own exceptions (bad JSON from the validator, body limit) to catalogue errors. */
export function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 413) return errors.payloadTooLarge();
  if (error.status === 400) return errors.malformedJson();
  if (error.status === 401) return errors.unauthenticated();
  return new ApiError(error.status as ContentfulStatusCode, 'http_error', error.message || 'Request refused.');
}
