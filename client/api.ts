/**
 * The one way the client talks to the REST API. Every failure becomes an ApiError carrying the
 * server's own message, which is written for people and shown to them as is.
 */
import type { ApiErrorBody, DocumentDetail, DocumentSummary, Person } from '../shared/api.ts';
import type { Phase } from '../shared/domain.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = 'Could not reach the server. Check your connection and try again.';

let onUnauthenticated: () => void = () => {};

/** Called when any request (other than signing in) finds the session gone. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

async function request<T>(method: string, path: string, body?: unknown, options: { signIn?: boolean } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: fall through to the generic message below.
  }
  if (!response.ok) {
    if (response.status === 401 && !options.signIn) onUnauthenticated();
    if (isErrorBody(parsed)) throw new ApiError(response.status, parsed.error.code, parsed.error.message);
    throw new ApiError(response.status, 'http_error', `The server answered with an error (${response.status}). Try again shortly.`);
  }
  return parsed as T;
}

export const api = {
  /** The signed-in person, or null when there is no session. */
  async currentPerson(): Promise<Person | null> {
    try {
      return (await request<{ person: Person }>('GET', '/api/session', undefined, { signIn: true })).person;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async signIn(token: string): Promise<Person> {
    return (await request<{ person: Person }>('POST', '/api/session', { token }, { signIn: true })).person;
  },
  signOut: () => request<null>('DELETE', '/api/session', undefined, { signIn: true }),
  documents: () => request<DocumentSummary[]>('GET', '/api/documents'),
  document: (id: string) => request<DocumentDetail>('GET', `/api/documents/${encodeURIComponent(id)}`),
  changePhase: (id: string, phase: Phase, deadline?: string | null) =>
    request<DocumentSummary>('POST', `/api/documents/${encodeURIComponent(id)}/phase`, deadline === undefined ? { phase } : { phase, deadline }),
};

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}
