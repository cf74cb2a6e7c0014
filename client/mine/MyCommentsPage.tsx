/**
 * /my-comments: everything the person has said, across the documents they take part in, newest
 * first, each with its reference, the words it was on, and the working group's answer.
 */
import { useCallback } from 'react';
import type { MyComment } from '../../shared/api.ts';
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
import { useT } from '../i18n/LanguageProvider.tsx';

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 159).trimEnd()}…` : text);

export function MyCommentsPage() {
  const t = useT();
  useDocumentTitle(t('mine.title'));
  const load = useCallback(() => requestJson<MyComment[]>('GET', '/api/me/comments'), []);
  const { state, retry } = useResource(load);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('mine.title')}</h1>
        <p className="lead">{t('mine.lead')}</p>
        {state.status === 'loading' && <output className="placeholder">{t('mine.loading')}</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && state.data.length === 0 && <p className="placeholder">{t('mine.none')}</p>}
        {state.status === 'ready' && state.data.length > 0 && (
          <ol className="my-comments" data-testid="my-comments">
            {state.data.map(({ document, thread }) => (
              <li key={thread.id} className="my-comment" data-testid="my-comment">
                <p className="my-comment__where">
                  <Link href={thread.link}>{thread.ref}</Link> · <Link href={documentPath(document.id)}>{document.title}</Link> <PhaseBadge phase={document.phase} />
                </p>
                {thread.originalQuote && <blockquote className="my-comment__quote">{t('mine.quote', { quote: excerpt(thread.originalQuote) })}</blockquote>}
                <p className="my-comment__body">
                  <span className="muted">{t('mine.kindAndDate', { kind: t(`kind.${thread.kind}`), date: formatDateTime(thread.createdAt) })} </span>
                  {thread.body}
                </p>
                <p className={`my-comment__answer my-comment__answer--${thread.status}`} data-testid="my-comment-answer">
                  <strong>{t(`status.${thread.status}`)}</strong>
                  {thread.response && <>{t('mine.responseSeparator')}{thread.response}</>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </main>
    </>
  );
}
