/** The Secretariat's (and working group's) view of the sign-offs: counts, who decided what, and which countries have not signed. */
import { STAKEHOLDER_LABELS } from '../../shared/domain.ts';
import { formatDateTime } from '../components/dates.ts';
import { countryName } from '../people/countries.ts';
import { DECISION_LABELS, DECISIONS, type Decision } from './decisions.ts';
import type { Tally } from './signoffApi.ts';

export const DECISION_TONES: Record<Decision, string> = {
  approve: 'tag--good',
  'approve-with-reservations': 'tag--warn',
  object: 'tag--bad',
};

export function TallyView({ tally }: { tally: Tally }) {
  const waiting = tally.reviewers.filter((r) => !r.signoff).length;
  const rows = tally.reviewers.toSorted((a, b) => countryName(a.reviewer.country).localeCompare(countryName(b.reviewer.country), 'en') || a.reviewer.name.localeCompare(b.reviewer.name));
  return (
    <div data-testid="tally">
      <ul className="stats">
        {DECISIONS.map((d) => (
          <li key={d} className="stat" data-testid={`tally-${d}`}>
            <span className="stat__value">{tally.byDecision[d]}</span>
            <span className="stat__label">{DECISION_LABELS[d].toLowerCase()}</span>
          </li>
        ))}
        <li className="stat" data-testid="tally-waiting">
          <span className="stat__value">{waiting}</span>
          <span className="stat__label">not yet signed</span>
        </li>
      </ul>
      <h3>Countries that have not signed</h3>
      {tally.countriesNotSigned.length === 0 ? (
        <p data-testid="countries-not-signed">{tally.reviewers.length ? 'Every country with a Permanent Correspondent has signed.' : 'No Permanent Correspondents have been invited yet.'}</p>
      ) : (
        <p data-testid="countries-not-signed">
          {tally.countriesNotSigned.length} {tally.countriesNotSigned.length === 1 ? 'country' : 'countries'}: {tally.countriesNotSigned.map(countryName).join(', ')}.
        </p>
      )}
      <h3>Permanent Correspondents</h3>
      {rows.length === 0 ? (
        <p className="placeholder">No Permanent Correspondents yet. Invite them from the People page with the role “Permanent Correspondent”.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="tally-table">
            <caption className="visually-hidden">Each Permanent Correspondent’s decision</caption>
            <thead>
              <tr>
                <th scope="col">Permanent Correspondent</th>
                <th scope="col">Country</th>
                <th scope="col">Decision</th>
                <th scope="col">Statement</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ reviewer, signoff }) => (
                <tr key={reviewer.id} data-testid="tally-row">
                  <th scope="row">
                    {reviewer.name}
                    <span className="data-table__sub">{[reviewer.organisation, STAKEHOLDER_LABELS[reviewer.stakeholder]].filter(Boolean).join(' · ')}</span>
                  </th>
                  <td>{countryName(reviewer.country)}</td>
                  <td>
                    {signoff ? (
                      <>
                        <span className={`tag ${DECISION_TONES[signoff.decision]}`}>{DECISION_LABELS[signoff.decision]}</span>
                        <span className="data-table__sub">{formatDateTime(signoff.updatedAt)}</span>
                      </>
                    ) : (
                      <span className="muted">Not yet signed</span>
                    )}
                  </td>
                  <td className="tally__statement">{signoff?.statement ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
