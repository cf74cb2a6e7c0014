/** The list of documents under review, the first page after sign-in. */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { errorMessage } from '../api.ts';
import { usePerson } from '../session.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { documentAdminApi } from '../documents/adminApi.ts';
import { NewDocumentDialog } from '../documents/NewDocumentDialog.tsx';
import { DocumentTable } from '../documents/DocumentTable.tsx';
import '../documents/documents.css';
import { useT } from '../i18n/LanguageProvider.tsx';

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; documents: DocumentListEntry[] };

export function DocumentsPage() {
  const t = useT();
  useDocumentTitle(t('documents.title'));
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const person = usePerson();

  const load = useCallback(() => {
    documentAdminApi.list(archived).then(
      (documents) => setState({ status: 'ready', documents }),
      (error: unknown) => setState({ status: 'error', message: errorMessage(error) }),
    );
  }, [archived]);

  useEffect(load, [load]);

  const retry = () => {
    setState({ status: 'loading' });
    load();
  };

  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('documents.title')}</h1>
        <p className="lead">{t('documents.lead')}</p>
        <div className="documents-toolbar">
          {person.role === 'secretariat' && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t('documents.new')}
            </button>
          )}
          <label>
            <input type="checkbox" checked={archived} onChange={(event) => setArchived(event.target.checked)} /> {t('documents.showArchived')}
          </label>
        </div>
        {creating && <NewDocumentDialog onClose={() => setCreating(false)} />}
        {state.status === 'loading' && (
          <output className="placeholder">
            {t('documents.loading')}
          </output>
        )}
        {state.status === 'error' && (
          <div className="notice notice--error" role="alert">
            <p>{state.message}</p>
            <button type="button" className="button" onClick={retry}>
              {t('load.retry')}
            </button>
          </div>
        )}
        {state.status === 'ready' && state.documents.length === 0 && (
          <output className="placeholder">
            {t('documents.none')}
          </output>
        )}
        {state.status === 'ready' && state.documents.length > 0 && <DocumentTable documents={state.documents} />}
      </main>
    </>
  );
}
