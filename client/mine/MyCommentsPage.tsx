/**
 * /my-comments: everything the person has said, across the documents they take part in, newest
 * first, each with its reference, the words it was on, and the working group's answer.
 */
import { useCallback } from 'react';
import type { MyComment } from '../../shared/api.ts';
import { THREAD_KIND_LABELS, THREAD_STATUS_LABELS } from '../../shared/domain.ts';
import { requestJson } from '../api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { formatDateTime } from '../components/dates.ts';
import { LoadError } from '../components/LoadError.tsx';
import { PhaseBadge } from '../components/PhaseBadge.tsx';
import { useResource } from '../components/useResource.ts';
import { documentPath, Link } from '../router.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import '../components/pages.css';
import './mine.css';

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 159).trimEnd()}…` : text);

export function MyCommentsPage() {
  useDocumentTitle('My comments');
  const load = useCallback(() => requestJson<MyComment[]>('GET', '/api/me/comments'), []);
  const { state, retry } = useResource(load);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>My comments</h1>
        <p className="lead">Every comment you made, in every document you take part in, with the working group’s answer.</p>
        {state.status === 'loading' && <output className="placeholder">Loading your comments…</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && state.data.length === 0 && <p className="placeholder">You have not commented yet. Open a document, select words and press Comment.</p>}
        {state.status === 'ready' && state.data.length > 0 && (
          <ol className="my-comments" data-testid="my-comments">
            {state.data.map(({ document, thread }) => (
              <li key={thread.id} className="my-comment" data-testid="my-comment">
                <p className="my-comment__where">
                  <Link href={thread.link}>{thread.ref}</Link> · <Link href={documentPath(document.id)}>{document.title}</Link> <PhaseBadge phase={document.phase} />
                </p>
                {thread.originalQuote && <blockquote className="my-comment__quote">“{excerpt(thread.originalQuote)}”</blockquote>}
                <p className="my-comment__body">
                  <span className="muted">{THREAD_KIND_LABELS[thread.kind]}, {formatDateTime(thread.createdAt)}: </span>
                  {thread.body}
                </p>
                <p className={`my-comment__answer my-comment__answer--${thread.status}`} data-testid="my-comment-answer">
                  <strong>{THREAD_STATUS_LABELS[thread.status]}</strong>
                  {thread.response && <>: {thread.response}</>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
