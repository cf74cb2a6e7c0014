/** The server's verdict on each row of a list: the person as they would be created, or why they cannot be. */
import type { BulkRowVerdict } from '../../shared/bulkInvite.ts';
import { ROLE_LABELS, STAKEHOLDER_LABELS, type Stakeholder } from '../../shared/domain.ts';
import { countryName } from './countries.ts';

const stakeholderLabel = (value: string) => STAKEHOLDER_LABELS[value as Stakeholder] ?? value;
const languageLabel = (value: string) => (value === 'fr' ? 'Français' : value === 'en' ? 'English' : value);

export function BulkPreviewTable({ rows }: { rows: readonly BulkRowVerdict[] }) {
  return (
    <div className="table-scroll bulk-preview">
      <table className="data-table stacked-table" data-testid="bulk-preview">
        <caption className="visually-hidden">Each row of the list as it will be created, with the problems that stop a row</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Country</th>
            <th scope="col">Organisation</th>
            <th scope="col">Language</th>
            <th scope="col">Can be invited?</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, person, problems }) => (
            <tr key={row} data-testid="bulk-row" className={problems.length ? 'bulk-row--bad' : undefined}>
              <td className="num" data-label="Row">
                {row}
              </td>
              <th scope="row" data-label="Person">
                {person.name || <span className="muted">No name</span>}
                <span className="data-table__sub">{person.email || 'No e-mail address'}</span>
              </th>
              <td data-label="Role">{person.role ? ROLE_LABELS[person.role] : '—'}</td>
              <td data-label="Country">{person.country ? countryName(person.country) : '—'}</td>
              <td data-label="Organisation">
                {person.organisation || <span className="muted">Not given</span>}
                <span className="data-table__sub">{stakeholderLabel(person.stakeholder)}</span>
              </td>
              <td data-label="Language">{languageLabel(person.language)}</td>
              <td data-label="Can be invited?">
                {problems.length === 0 ? (
                  <span className="tag tag--good">Ready</span>
                ) : (
                  <>
                    <span className="tag tag--bad">Not invited</span>
                    <ul className="bulk-row__problems">
                      {problems.map((p) => (
                        <li key={p.field}>{p.message}</li>
                      ))}
                    </ul>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
