/**
 * The frame of a document's own pages (report, versions, final review): loads the document, shows
 * its title, phase and the row of its pages, and hands the loaded document to the page. Not-found,
 * failed and loading states are handled here once.
 */
import { useCallback, type ReactNode } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { api } from '../api.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { documentPath, Link, type DocumentView } from '../router.tsx';
import { AsMemberOf } from '../session.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { AppHeader } from './AppHeader.tsx';
import { DocumentLinks } from './DocumentLinks.tsx';
import { LoadError } from './LoadError.tsx';
import { PhaseBadge } from './PhaseBadge.tsx';
import { useResource } from './useResource.ts';
import './pages.css';
import './tables.css';
import { useT } from '../i18n/LanguageProvider.tsx';

interface DocumentFrameProps {
  documentId: string;
  /** Which tab is current. */
  view: DocumentView;
  /** The page's own name, e.g. "Feedback report". */
  title: string;
  children: (detail: DocumentDetail, refresh: () => Promise<void>) => ReactNode;
}

export function DocumentFrame({ documentId, view, title, children }: DocumentFrameProps) {
  const t = useT();
  const load = useCallback(() => api.document(documentId), [documentId]);
  const { state, reload, retry } = useResource(load);
  useDocumentTitle(state.status === 'ready' ? `${title}: ${state.data.title}` : title);

  if (state.status === 'error' && state.notFound) return <NotFoundPage what="document" />;
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page page--document">
        {state.status === 'loading' && <output className="placeholder">{t('app.loadingDocument')}</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && (
          <>
            <div className="document-heading">
              <Link href={documentPath(documentId)} className="back-link">
                {t('frame.back')}
              </Link>
              <p className="document-heading__title">
                <span>{state.data.title}</span> <PhaseBadge phase={state.data.phase} />
              </p>
              <h1>{title}</h1>
            </div>
            <DocumentLinks documentId={documentId} documentTitle={state.data.title} phase={state.data.phase} role={state.data.role} current={view} className="document-links--tabs" />
            <AsMemberOf role={state.data.role}>{children(state.data, reload)}</AsMemberOf>
          </>
        )}
      </main>
    </>
  );
}
