/**
 * The one way the client talks to the REST API. Every failure becomes an ApiError carrying the
 * server's own message, which is written for people and shown to them as is.
 */
import type { ApiErrorBody, DocumentDetail, DocumentListEntry, DocumentSummary, Person, TextSnapshot } from '../shared/api.ts';
import type { Phase } from '../shared/domain.ts';
import { setDeploymentTimeZone } from './format.ts';
import { currentLanguage, t } from './i18n/intl.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

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
      // The interface's language, which may differ from the browser's: the server answers errors in it.
      headers: {
        accept: 'application/json',
        'accept-language': currentLanguage(),
        // A form (a file upload) sets its own multipart content type.
        ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', t('api.network'));
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
    throw new ApiError(response.status, 'http_error', t('api.httpError', { status: response.status }));
  }
  return parsed as T;
}

export const api = {
  /** The signed-in person, or null when there is no session. */
  async currentPerson(): Promise<Person | null> {
    try {
      const session = await request<{ person: Person; timeZone?: string }>('GET', '/api/session', undefined, { signIn: true });
      if (session.timeZone) setDeploymentTimeZone(session.timeZone);
      return session.person;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  async signIn(token: string): Promise<Person> {
    const session = await request<{ person: Person; timeZone?: string }>('POST', '/api/session', { token }, { signIn: true });
    if (session.timeZone) setDeploymentTimeZone(session.timeZone);
    return session.person;
  },
  signOut: () => request<null>('DELETE', '/api/session', undefined, { signIn: true }),
  documents: () => request<DocumentListEntry[]>('GET', '/api/documents'),
  document: (id: string) => request<DocumentDetail>('GET', `/api/documents/${encodeURIComponent(id)}`),
  textSnapshot: (id: string) => request<TextSnapshot>('GET', `/api/documents/${encodeURIComponent(id)}/text`),
  changePhase: (id: string, phase: Phase, deadline?: string | null) =>
    request<DocumentSummary>('POST', `/api/documents/${encodeURIComponent(id)}/phase`, deadline === undefined ? { phase } : { phase, deadline }),
};

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : t('api.unexpected');
}

/**
 * The same request for the feature modules (people, audit, report, versions, review), so every call
 * gets the server's own error message and the signed-out handling above.
 */
export function requestJson<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body);
}

/** Comment threads and their resolution (server/http/routes/threads.ts), and the live events stream. */
export interface NewThreadInput {
  sectionId: string;
  anchor?: import('../shared/api.ts').Anchor | null;
  kind: import('../shared/domain.ts').ThreadKind;
  body: string;
  proposedText?: string | null;
  /** Secretariat only: the person who sent the comment by e-mail, and when it came. */
  onBehalfOf?: string;
  receivedAt?: string;
}

export interface DispositionChange {
  status?: import('../shared/domain.ts').ThreadStatus;
  response?: string | null;
  assigneeId?: string | null;
}

type ThreadT = import('../shared/api.ts').Thread;
const threadPath = (id: string) => `/api/threads/${encodeURIComponent(id)}`;
const documentThreadsPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const threadApi = {
  list: (documentId: string) => request<ThreadT[]>('GET', `${documentThreadsPath(documentId)}/threads`),
  open: (documentId: string, input: NewThreadInput) => request<ThreadT>('POST', `${documentThreadsPath(documentId)}/threads`, input),
  reply: (threadId: string, body: string) => request<ThreadT['replies'][number]>('POST', `${threadPath(threadId)}/replies`, { body }),
  /** The reply's author, under the same rules as their own comment. */
  editReply: (threadId: string, replyId: string, body: string) =>
    request<ThreadT['replies'][number]>('PATCH', `${threadPath(threadId)}/replies/${encodeURIComponent(replyId)}`, { body }),
  withdrawReply: (threadId: string, replyId: string) => request<null>('DELETE', `${threadPath(threadId)}/replies/${encodeURIComponent(replyId)}`),
  endorse: (threadId: string, endorse: boolean) => request<ThreadT>(endorse ? 'POST' : 'DELETE', `${threadPath(threadId)}/endorsements`),
  /** The author's own words, while the comment is open; the earlier wording is kept by the server. */
  edit: (threadId: string, change: Pick<NewThreadInput, 'body' | 'kind' | 'proposedText'>) => request<ThreadT>('PATCH', threadPath(threadId), change),
  dispose: (threadId: string, change: DispositionChange) => request<ThreadT>('PATCH', threadPath(threadId), change),
  disposeMany: (documentId: string, threadIds: string[], change: DispositionChange) =>
    request<ThreadT[]>('POST', `${documentThreadsPath(documentId)}/dispositions`, { threadIds, ...change }),
  withdraw: (threadId: string) => request<null>('DELETE', threadPath(threadId)),
  apply: (threadId: string, response?: string) => request<ThreadT>('POST', `${threadPath(threadId)}/apply`, response ? { response } : {}),
  /** Puts the old words back and the thread's answer as it was; refused once the applied words were edited. */
  undoApply: (threadId: string) => request<ThreadT>('DELETE', `${threadPath(threadId)}/apply`),
  react: (threadId: string, reaction: 'accepts' | 'maintains-objection', statement?: string) =>
    request<ThreadT>('POST', `${threadPath(threadId)}/reaction`, statement ? { reaction, statement } : { reaction }),
  /** Secretariat only: everyone. */
  people: () => request<Array<import('../shared/api.ts').Person & { active: boolean }>>('GET', '/api/people'),
  /** The document's working-group members and the Secretariat, to assign a comment to. */
  assignees: (documentId: string) => request<Array<{ id: string; name: string }>>('GET', `${documentThreadsPath(documentId)}/assignees`),
  eventsUrl: (documentId: string) => `${documentThreadsPath(documentId)}/events`,
};
