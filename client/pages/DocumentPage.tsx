/**
 * /documents/:id: fetches the document (title, phase, sections, the caller's access) and keeps it
 * fresh: after a phase change, when the server says rights changed, and when the tab comes back.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { api, ApiError, errorMessage } from '../api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { LoadingPage } from '../components/LoadingPage.tsx';
import { DocumentWorkspace } from '../document/DocumentWorkspace.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { takePrefetchedDocument } from '../prefetch.ts';
import { AsMemberOf } from '../session.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

type DetailState = { status: 'loading' } | { status: 'not-found' } | { status: 'error'; message: string } | { status: 'ready'; detail: DocumentDetail };

export function DocumentPage({ documentId }: { documentId: string }) {
  const t = useT();
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  useDocumentTitle(state.status === 'ready' ? state.detail.title : t('doc.pageTitle'));

  const refresh = useCallback(
    (): Promise<void> =>
      (takePrefetchedDocument(documentId) ?? api.document(documentId)).then(
        (detail) => setState({ status: 'ready', detail }),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' });
          // A failed refresh keeps what is on screen; only a first load shows the error.
          else setState((current) => (current.status === 'ready' ? current : { status: 'error', message: errorMessage(error) }));
        },
      ),
    [documentId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const retry = () => {
    setState({ status: 'loading' });
    void refresh();
  };

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  if (state.status === 'ready') {
    return (
      <AsMemberOf role={state.detail.role}>
        <DocumentWorkspace detail={state.detail} refresh={refresh} />
      </AsMemberOf>
    );
  }
  if (state.status === 'not-found') return <NotFoundPage what="document" />;
  if (state.status === 'loading') return <LoadingPage message={t('app.loadingDocument')} />;
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <div className="notice notice--error" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={retry}>
            {t('load.retry')}
          </button>
        </div>
      </main>
    </>
  );
}
