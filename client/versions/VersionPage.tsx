/** /documents/:id/versions/:versionId: one version's text, read-only, with download, compare and restore. */
import { useCallback, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { allowed } from '../../shared/access.ts';
import { PHASE_LABELS } from '../../shared/domain.ts';
import { DocumentFrame } from '../components/DocumentFrame.tsx';
import { formatDateTime } from '../components/dates.ts';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { documentViewPath, Link } from '../router.tsx';
import { usePerson } from '../session.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { VersionText } from './VersionText.tsx';
import { CURRENT, versionFileUrl, versionMarkdownUrl, versionsApi } from './versionsApi.ts';
import './versions.css';

export function VersionPage({ documentId, versionId }: { documentId: string; versionId: string }) {
  return (
    <DocumentFrame documentId={documentId} view="versions" title="A version of the text">
      {(detail) => <Version detail={detail} versionId={versionId} />}
    </DocumentFrame>
  );
}

function Version({ detail, versionId }: { detail: DocumentDetail; versionId: string }) {
  const person = usePerson();
  const load = useCallback(() => versionsApi.read(detail.id, versionId), [detail.id, versionId]);
  const { state, retry } = useResource(load);
  const [restoring, setRestoring] = useState(false);
  const [status, setStatus] = useState('');
  const versionsPath = documentViewPath(detail.id, 'versions');

  if (state.status === 'loading') return <output className="placeholder">Loading the version…</output>;
  if (state.status === 'error') {
    if (state.notFound) {
      return (
        <p className="notice notice--error" role="alert">
          There is no such version of this document. <Link href={versionsPath}>See all versions</Link>
        </p>
      );
    }
    return <LoadError failure={state} onRetry={retry} />;
  }
  const version = state.data;
  return (
    <>
      <p>
        <Link href={versionsPath} className="back-link">
          All versions
        </Link>
      </p>
      <h2 className="section-title" data-testid="version-name">
        {version.name}
      </h2>
      <p className="muted">
        Taken on {formatDateTime(version.createdAt)}
        {version.automatic ? ' automatically' : version.createdBy ? ` by ${version.createdBy}` : ''}, during {PHASE_LABELS[version.phase].toLowerCase()}. This is a copy: it cannot be edited.
      </p>
      <div className="actions-row version-actions">
        <a className="button" href={versionFileUrl(detail.id, version.id, 'docx')} download>
          Download Word (.docx)
        </a>
        <a className="button" href={versionFileUrl(detail.id, version.id, 'pdf')} download>
          Download PDF
        </a>
        <a className="button" href={versionMarkdownUrl(detail.id, version.id)} download>
          Download (.md)
        </a>
        <Link className="button" href={`${versionsPath}?${new URLSearchParams({ from: version.id, to: CURRENT }).toString()}`}>
          Compare with the current text
        </Link>
        {allowed(person.role, 'text.edit', detail.phase) && (
          <button type="button" className="button" onClick={() => setRestoring(true)}>
            Restore this version
          </button>
        )}
      </div>
      <output className="page-status">
        {status}
      </output>
      <VersionText version={version} />
      {restoring && (
        <RestoreDialog
          documentId={detail.id}
          version={version}
          onRestored={() => setStatus(`“${version.name}” has been restored as the current text. The text as it was before is kept as a version.`)}
          onClose={() => setRestoring(false)}
        />
      )}
    </>
  );
}
