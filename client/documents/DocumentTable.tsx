/**
 * The documents list as a table: title (with the document's pages), phase, deadline, the reader's
 * role on it and its comments, with how many still await an answer. Several consultations run at
 * once and the years pile up, so the list can be searched by title or reference and narrowed to
 * one phase; the filtering happens here, on the list the server already limited to the reader's.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { PHASES, type Phase } from '../../shared/domain.ts';
import { DocumentLinks } from '../components/DocumentLinks.tsx';
import { PhaseBadge } from '../components/PhaseBadge.tsx';
import { formatDeadline } from '../format.ts';
import { FormattedMessage } from 'react-intl';
import { documentPath, Link } from '../router.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

type Entry = DocumentListEntry;

/** The part of the comment count that says how many wait for an answer, in a quieter colour. */
const muted = (words: ReactNode[]) => <span className="muted">{words}</span>;

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function matchesSearch(document: Entry, search: string): boolean {
  const words = fold(search).split(/\s+/).filter(Boolean);
  const haystack = fold(`${document.title} ${document.reference ?? ''}`);
  return words.every((word) => haystack.includes(word));
}

export function DocumentTable({ documents }: { documents: Entry[] }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [phase, setPhase] = useState<Phase | ''>('');
  const id = useId();
  const shown = useMemo(() => documents.filter((d) => (!phase || d.phase === phase) && matchesSearch(d, search)), [documents, phase, search]);

  return (
    <>
      <search className="documents-filters" aria-label={t('documents.find')}>
        <label htmlFor={`${id}-search`}>{t('documents.search')}</label>
        <input id={`${id}-search`} type="search" className="input" value={search} placeholder={t('documents.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
        <label htmlFor={`${id}-phase`}>{t('documents.phase')}</label>
        <select id={`${id}-phase`} className="select" value={phase} onChange={(e) => setPhase(e.target.value as Phase | '')}>
          <option value="">{t('documents.everyPhase')}</option>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`phase.${p}`)}
            </option>
          ))}
        </select>
        <output className="muted" data-testid="documents-shown">
          {shown.length === documents.length ? t('documents.count', { count: documents.length }) : t('documents.countShown', { shown: shown.length, count: documents.length })}
        </output>
      </search>
      {shown.length === 0 ? (
        <p className="placeholder">{t('documents.noMatch')}</p>
      ) : (
        <div className="table-scroll">
          <table className="document-table" data-testid="document-list">
            <caption className="visually-hidden">{t('documents.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.colTitle')}</th>
                <th scope="col">{t('documents.phase')}</th>
                <th scope="col">{t('documents.colDeadline')}</th>
                <th scope="col">{t('documents.colRole')}</th>
                <th scope="col">{t('documents.colComments')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((document) => (
                <DocumentRow key={document.id} document={document} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function DocumentRow({ document }: { document: Entry }) {
  const t = useT();
  const deadline = formatDeadline(document.deadline);
  return (
    <tr data-testid="document-row">
      <th scope="row" className="document-table__title">
        <Link href={documentPath(document.id)}>{document.title}</Link>
        {document.reference && <span className="document-table__reference muted">{document.reference}</span>}
        <DocumentLinks documentId={document.id} documentTitle={document.title} phase={document.phase} role={document.role} landmark={false} className="document-links--list" />
      </th>
      <td>
        <PhaseBadge phase={document.phase} />
      </td>
      <td className="document-table__deadline" data-label={t('documents.colDeadline')}>
        {deadline ? (
          <time dateTime={deadline.iso}>
            {deadline.text}
            {deadline.passed && <span className="muted"> {t('documents.passed')}</span>}
          </time>
        ) : (
          <span className="muted">{t('documents.noDeadline')}</span>
        )}
      </td>
      <td data-label={t('documents.colRole')}>{t(`role.${document.role}`)}</td>
      <td data-testid="document-comments" data-label={t('documents.colComments')}>
        {document.comments === 0 ? (
          <span className="muted">{t('documents.noComments')}</span>
        ) : (
          <FormattedMessage id="documents.comments" values={{ count: document.comments, unanswered: document.unanswered, muted }} />
        )}
      </td>
    </tr>
  );
}
