/** /documents/:id/versions/:versionId: one version's text, read-only, with download, compare and restore. */
import { useCallback, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { allowed } from '../../shared/access.ts';
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
import { useT } from '../i18n/LanguageProvider.tsx';
import { useVersionName } from './useVersionName.ts';

export function VersionPage({ documentId, versionId }: { documentId: string; versionId: string }) {
  const t = useT();
  return (
    <DocumentFrame documentId={documentId} view="versions" title={t('version.pageTitle')}>
      {(detail) => <Version detail={detail} versionId={versionId} />}
    </DocumentFrame>
  );
}

function Version({ detail, versionId }: { detail: DocumentDetail; versionId: string }) {
  const t = useT();
  const nameOf = useVersionName();
  const person = usePerson();
  const load = useCallback(() => versionsApi.read(detail.id, versionId), [detail.id, versionId]);
  const { state, retry } = useResource(load);
  const [restoring, setRestoring] = useState(false);
  const [status, setStatus] = useState('');
  const versionsPath = documentViewPath(detail.id, 'versions');

  if (state.status === 'loading') return <output className="placeholder">{t('version.loading')}</output>;
  if (state.status === 'error') {
    if (state.notFound) {
      return (
        <p className="notice notice--error" role="alert">
          {t('version.notFound')} <Link href={versionsPath}>{t('version.seeAll')}</Link>
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
          {t('version.all')}
        </Link>
      </p>
      <h2 className="section-title" data-testid="version-name">
        {nameOf(version)}
      </h2>
      <p className="muted">
        {t(version.automatic ? 'version.takenAutomatically' : version.createdBy ? 'version.takenBy' : 'version.taken', {
          date: formatDateTime(version.createdAt),
          by: version.createdBy,
          phase: t(`phase.${version.phase}`),
        })}
      </p>
      <div className="actions-row version-actions">
        <a className="button" href={versionFileUrl(detail.id, version.id, 'docx')} download>
          {t('version.downloadWord')}
        </a>
        <a className="button" href={versionFileUrl(detail.id, version.id, 'pdf')} download>
          {t('version.downloadPdf')}
        </a>
        <a className="button" href={versionMarkdownUrl(detail.id, version.id)} download>
          {t('version.downloadMarkdown')}
        </a>
        <Link className="button" href={`${versionsPath}?${new URLSearchParams({ from: version.id, to: CURRENT }).toString()}`}>
          {t('version.compareCurrent')}
        </Link>
        {allowed(person.role, 'text.edit', detail.phase) && (
          <button type="button" className="button" onClick={() => setRestoring(true)}>
            {t('restore.confirm')}
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
          onRestored={() => setStatus(t('version.restored', { name: nameOf(version) }))}
          onClose={() => setRestoring(false)}
        />
      )}
    </>
  );
}
