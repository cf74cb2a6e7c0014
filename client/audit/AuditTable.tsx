/**
 * The audit events as a table: when, who, what, to what, and the details in words. On a phone each
 * event is a block of lines, each led by its column's name (stackedTable.css).
 */
import { FormattedMessage } from 'react-intl';
import { formatDate, formatTime } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import type { AuditEvent } from './auditApi.ts';
import '../styles/stackedTable.css';

export interface AuditRow {
  key: string;
  event: AuditEvent;
  who: string;
  what: string;
  target: string;
  details: string;
}

export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const t = useT();
  const label = { when: t('audit.colWhen'), who: t('audit.colWho'), what: t('audit.colWhat'), target: t('audit.colTarget'), details: t('audit.colDetails') };
  return (
    <div className="table-scroll">
      <table className="data-table stacked-table audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{label.when}</th>
            <th scope="col">{label.who}</th>
            <th scope="col">{label.what}</th>
            <th scope="col">{label.target}</th>
            <th scope="col">{label.details}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td data-label={label.when}>
                <time dateTime={row.event.at}>
                  <FormattedMessage
                    id="audit.dateTime"
                    values={{ date: <span className="nowrap">{formatDate(row.event.at)}</span>, time: <span className="nowrap">{formatTime(row.event.at)}</span> }}
                  />
                </time>
              </td>
              <td data-label={label.who}>{row.who}</td>
              <th scope="row">{row.what}</th>
              <td data-label={label.target}>{row.target || <span className="muted">—</span>}</td>
              <td data-label={label.details}>{row.details || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
