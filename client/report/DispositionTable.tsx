/**
 * The disposition of comments, in document order: where, what was said and proposed, by whom, how
 * many endorsed it, and the working group's answer. All user text is rendered as text.
 */
import type { Thread } from '../../shared/api.ts';
import { formatDate, formatNumber } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { countryName } from '../people/countries.ts';
import type { DispositionRow } from './dispositionFilter.ts';
import { STATUS_TONES } from './ReportCharts.tsx';
import './disposition.css';

function CommentCell({ thread: th }: { thread: Thread }) {
  const t = useT();
  return (
    <>
      <p className="disposition__meta">
        <a href={th.link} className="disposition__ref" data-testid="disposition-ref">
          {th.ref}
        </a>{' '}
        <span className="tag">{t(`kind.${th.kind}`)}</span>{' '}
        {th.anchor ? (
          th.orphaned ? (
            <span className="muted">{t('disposition.onDeleted', { quote: th.originalQuote })}</span>
          ) : (
            <span className="disposition__quote">{t('disposition.onQuote', { quote: th.quote })}</span>
          )
        ) : (
          <span className="muted">{t('disposition.wholeSection')}</span>
        )}
      </p>
      <p className="disposition__text">{th.body}</p>
      {th.proposedText && (
        <div className="disposition__proposal">
          <span className="disposition__label">{t('disposition.proposed')}</span>
          <p className="disposition__text">{th.proposedText}</p>
        </div>
      )}
      {th.replies.length > 0 && (
        <details className="disposition__replies">
          <summary>{t('disposition.replies', { count: th.replies.length })}</summary>
          <ul>
            {th.replies.map((r) => (
              <li key={r.id}>
                <strong>{r.author.name}</strong> <span className="muted">({countryName(r.author.country)})</span>
                <p className="disposition__text">{r.body}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function AnswerCell({ thread: th }: { thread: Thread }) {
  const t = useT();
  return (
    <>
      <span className={`tag status-tag ${STATUS_TONES[th.status]}`}>{t(`status.${th.status}`)}</span>
      {th.applied && <p className="disposition__applied">{t('disposition.applied', { date: formatDate(th.applied.at) })}</p>}
      {th.response ? <p className="disposition__text">{th.response}</p> : th.status === 'open' && <p className="muted">{t('disposition.noAnswer')}</p>}
    </>
  );
}

export function DispositionTable({ rows }: { rows: readonly DispositionRow[] }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data-table disposition-table" data-testid="disposition-table">
        <caption className="visually-hidden">{t('disposition.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disposition.colNumber')}</th>
            <th scope="col">{t('filters.section')}</th>
            <th scope="col">{t('disposition.colComment')}</th>
            <th scope="col">{t('disposition.colFrom')}</th>
            <th scope="col" className="num">
              {t('disposition.colEndorsed')}
            </th>
            <th scope="col">{t('disposition.colAnswer')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ number, section, thread }) => (
            <tr key={thread.id} data-testid="disposition-row">
              <td className="num disposition__number">{formatNumber(number)}</td>
              <th scope="row" className="disposition__section">
                {section.number} {section.title}
              </th>
              <td className="disposition__comment">
                <CommentCell thread={thread} />
              </td>
              <td data-label={t('disposition.colFrom')}>
                {thread.author.name}
                {thread.author.organisation && <span className="data-table__sub">{thread.author.organisation}</span>}
                <span className="data-table__sub">
                  {countryName(thread.author.country)} · {t(`stakeholder.${thread.author.stakeholder}`)}
                </span>
              </td>
              <td className="num disposition__endorsed" data-label={t('disposition.colEndorsed')}>
                {formatNumber(thread.endorsements.length)}
              </td>
              <td className="disposition__answer" data-label={t('disposition.colAnswer')}>
                <AnswerCell thread={thread} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
