/** The list of documents under review, the first page after sign-in. */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { errorMessage } from '../api.ts';
import { usePerson } from '../session.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { DocumentLinks } from '../components/DocumentLinks.tsx';
import { PhaseBadge } from '../components/PhaseBadge.tsx';
import { formatDeadline } from '../format.ts';
import { documentPath, Link } from '../router.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { documentAdminApi } from '../documents/adminApi.ts';
import { NewDocumentDialog } from '../documents/NewDocumentDialog.tsx';
import '../documents/documents.css';

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; documents: DocumentListEntry[] };

export function DocumentsPage() {
  useDocumentTitle('Documents');
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
        <h1>Documents</h1>
        <p className="lead">Draft guidance under review. Open a document to read the text, follow the discussion and take part.</p>
        <div className="documents-toolbar">
          {person.role === 'secretariat' && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New document
            </button>
          )}
          <label>
            <input type="checkbox" checked={archived} onChange={(event) => setArchived(event.target.checked)} /> Show archived documents
          </label>
        </div>
        {creating && <NewDocumentDialog onClose={() => setCreating(false)} />}
        {state.status === 'loading' && (
          <output className="placeholder">
            Loading documents…
          </output>
        )}
        {state.status === 'error' && (
          <div className="notice notice--error" role="alert">
            <p>{state.message}</p>
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
        {state.status === 'ready' && state.documents.length === 0 && (
          <output className="placeholder">
            No documents yet
          </output>
        )}
        {state.status === 'ready' && state.documents.length > 0 && <DocumentTable documents={state.documents} />}
      </main>
    </>
  );
}

function DocumentTable({ documents }: { documents: DocumentListEntry[] }) {
  return (
    <table className="document-table" data-testid="document-list">
      <caption className="visually-hidden">Documents, with their phase and deadline</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Phase</th>
          <th scope="col">Deadline</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => {
          const deadline = formatDeadline(document.deadline);
          return (
            <tr key={document.id}>
              <th scope="row" className="document-table__title">
                <Link href={documentPath(document.id)}>{document.title}</Link>
                <DocumentLinks documentId={document.id} documentTitle={document.title} phase={document.phase} role={document.role} landmark={false} className="document-links--list" />
              </th>
              <td>
                <PhaseBadge phase={document.phase} />
              </td>
              <td className="document-table__deadline">
                {deadline ? (
                  <time dateTime={deadline.iso}>
                    {deadline.text}
                    {deadline.passed && <span className="muted"> (passed)</span>}
                  </time>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
