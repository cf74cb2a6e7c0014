/** The versions of a document, newest first, with what one can do with each. */
import { PHASE_LABELS } from '../../shared/domain.ts';
import { formatDate, formatTime } from '../components/dates.ts';
import { Link, versionPath } from '../router.tsx';
import { versionFileUrl, versionMarkdownUrl, type VersionSummary } from './versionsApi.ts';

interface VersionTableProps {
  documentId: string;
  versions: readonly VersionSummary[];
  canRestore: boolean;
  onCompare: (version: VersionSummary) => void;
  onRestore: (version: VersionSummary) => void;
  /** What screen readers hear the table called. */
  caption?: string;
}

export function VersionTable({ documentId, versions, canRestore, onCompare, onRestore, caption = 'Versions of the text, newest first' }: VersionTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="version-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Taken</th>
            <th scope="col">By</th>
            <th scope="col">Phase</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-testid="version-row">
              <th scope="row">
                <Link href={versionPath(documentId, v.id)}>{v.name}</Link>
              </th>
              <td>
                <time dateTime={v.createdAt}>
                  <span className="nowrap">{formatDate(v.createdAt)}</span>, <span className="nowrap">{formatTime(v.createdAt)}</span>
                </time>
              </td>
              <td>{v.automatic ? <span className="muted">Taken automatically</span> : (v.createdBy ?? <span className="muted">Former member</span>)}</td>
              <td>{PHASE_LABELS[v.phase]}</td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button--small" aria-label={`Compare “${v.name}” with the current text`} onClick={() => onCompare(v)}>
                    Compare
                  </button>
                  <a className="button button--small" href={versionFileUrl(documentId, v.id, 'docx')} download aria-label={`Download “${v.name}” as a Word file`}>
                    Word
                  </a>
                  <a className="button button--small" href={versionFileUrl(documentId, v.id, 'pdf')} download aria-label={`Download “${v.name}” as PDF`}>
                    PDF
                  </a>
                  <a className="button button--small" href={versionMarkdownUrl(documentId, v.id)} download aria-label={`Download “${v.name}” as Markdown`}>
                    Markdown
                  </a>
                  {canRestore && (
                    <button type="button" className="button button--small" aria-label={`Restore “${v.name}”`} onClick={() => onRestore(v)}>
                      Restore
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
