/** The versions of a document, newest first, with what one can do with each. */
import { formatDate, formatTime } from '../components/dates.ts';
import { Link, versionPath } from '../router.tsx';
import { versionFileUrl, versionMarkdownUrl, type VersionSummary } from './versionsApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useVersionName } from './useVersionName.ts';
import '../styles/stackedTable.css';

interface VersionTableProps {
  documentId: string;
  versions: readonly VersionSummary[];
  canRestore: boolean;
  onCompare: (version: VersionSummary) => void;
  onRestore: (version: VersionSummary) => void;
  /** What screen readers hear the table called. */
  caption?: string;
}

export function VersionTable({ documentId, versions, canRestore, onCompare, onRestore, caption }: VersionTableProps) {
  const t = useT();
  const nameOf = useVersionName();
  return (
    <div className="table-scroll">
      <table className="data-table stacked-table" data-testid="version-table">
        <caption className="visually-hidden">{caption ?? t('versions.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.colVersion')}</th>
            <th scope="col">{t('versions.colTaken')}</th>
            <th scope="col">{t('versions.colBy')}</th>
            <th scope="col">{t('documents.phase')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('versions.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid="version-row">
              <th scope="row">
                <Link href={versionPath(documentId, v.id)}>{nameOf(v)}</Link>
              </th>
              <td data-label={t('versions.colTaken')}>
                <time dateTime={v.createdAt}>
                  <span className="nowrap">{formatDate(v.createdAt)}</span>, <span className="nowrap">{formatTime(v.createdAt)}</span>
                </time>
              </td>
              <td data-label={t('versions.colBy')}>{v.automatic ? <span className="muted">{t('versions.automatic')}</span> : (v.createdBy ?? <span className="muted">{t('versions.formerMember')}</span>)}</td>
              <td data-label={t('documents.phase')}>{t(`phase.${v.phase}`)}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button--small" aria-label={t('versions.compareLabel', { name: nameOf(v) })} onClick={() => onCompare(v)}>
                    {t('versions.compareButton')}
                  </button>
                  <a className="button button--small" href={versionFileUrl(documentId, v.id, 'docx')} download aria-label={t('versions.downloadWord', { name: nameOf(v) })}>
                    {t('versionTable.word')}
                  </a>
                  <a className="button button--small" href={versionFileUrl(documentId, v.id, 'pdf')} download aria-label={t('versions.downloadPdf', { name: nameOf(v) })}>
                    {t('versionTable.pdf')}
                  </a>
                  <a className="button button--small" href={versionMarkdownUrl(documentId, v.id)} download aria-label={t('versions.downloadMarkdown', { name: nameOf(v) })}>
                    {t('versionTable.markdown')}
                  </a>
                  {canRestore && (
                    <button type="button" className="button button--small" aria-label={t('versions.restoreLabel', { name: nameOf(v) })} onClick={() => onRestore(v)}>
                      {t('versions.restoreButton')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
