/**
 * The disposition of comments, in document order: where, what was said and proposed, by whom, how
 * many endorsed it, and the working group's answer. All user text is rendered as text.
 */
import type { Thread } from '../../shared/api.ts';
import { STAKEHOLDER_LABELS, THREAD_KIND_LABELS, THREAD_STATUS_LABELS } from '../../shared/domain.ts';
import { formatDate } from '../components/dates.ts';
import { countryName } from '../people/countries.ts';
import type { DispositionRow } from './dispositionFilter.ts';
import { STATUS_TONES } from './ReportCharts.tsx';
import './disposition.css';

function CommentCell({ thread: t }: { thread: Thread }) {
  return (
    <>
      <p className="disposition__meta">
        <a href={t.link} className="disposition__ref" data-testid="disposition-ref">
          {t.ref}
        </a>{' '}
        <span className="tag">{THREAD_KIND_LABELS[t.kind]}</span>{' '}
        {t.anchor ? (
          t.orphaned ? (
            <span className="muted">On text since deleted: “{t.originalQuote}”</span>
          ) : (
            <span className="disposition__quote">On “{t.quote}”</span>
          )
        ) : (
          <span className="muted">On the whole section</span>
        )}
      </p>
      <p className="disposition__text">{t.body}</p>
      {t.proposedText && (
        <div className="disposition__proposal">
          <span className="disposition__label">Proposed wording</span>
          <p className="disposition__text">{t.proposedText}</p>
        </div>
      )}
      {t.replies.length > 0 && (
        <details className="disposition__replies">
          <summary>
            {t.replies.length} {t.replies.length === 1 ? 'reply' : 'replies'}
          </summary>
          <ul>
            {t.replies.map((r) => (
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

function AnswerCell({ thread: t }: { thread: Thread }) {
  return (
    <>
      <span className={`tag status-tag ${STATUS_TONES[t.status]}`}>{THREAD_STATUS_LABELS[t.status]}</span>
      {t.applied && <p className="disposition__applied">Wording put into the text on {formatDate(t.applied.at)}</p>}
      {t.response ? <p className="disposition__text">{t.response}</p> : t.status === 'open' && <p className="muted">No answer yet.</p>}
    </>
  );
}

export function DispositionTable({ rows }: { rows: readonly DispositionRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table disposition-table" data-testid="disposition-table">
        <caption className="visually-hidden">Disposition of comments, in the order of the text</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Section</th>
            <th scope="col">Comment</th>
            <th scope="col">From</th>
            <th scope="col" className="num">
              Endorsed
            </th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ number, section, thread }) => (
            <tr key={thread.id} data-testid="disposition-row">
              <td className="num">{number}</td>
              <th scope="row" className="disposition__section">
                {section.number} {section.title}
              </th>
              <td className="disposition__comment">
                <CommentCell thread={thread} />
              </td>
              <td>
                {thread.author.name}
                {thread.author.organisation && <span className="data-table__sub">{thread.author.organisation}</span>}
                <span className="data-table__sub">
                  {countryName(thread.author.country)} · {STAKEHOLDER_LABELS[thread.author.stakeholder]}
                </span>
              </td>
              <td className="num">{thread.endorsements.length}</td>
              <td className="disposition__answer">
                <AnswerCell thread={thread} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
