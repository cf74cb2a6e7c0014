/** The audit events as a table: when, who, what, to what, and the details in words. */
import { formatDate, formatTime } from '../components/dates.ts';
import type { AuditEvent } from './auditApi.ts';

export interface AuditRow {
  key: string;
  event: AuditEvent;
  who: string;
  what: string;
  target: string;
  details: string;
}

export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="audit-table">
        <caption className="visually-hidden">Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">To what</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <time dateTime={row.event.at}>
                  <span className="nowrap">{formatDate(row.event.at)}</span>, <span className="nowrap">{formatTime(row.event.at)}</span>
                </time>
              </td>
              <td>{row.who}</td>
              <th scope="row">{row.what}</th>
              <td>{row.target || <span className="muted">—</span>}</td>
              <td>{row.details || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
