/** The Secretariat's (and working group's) view of the sign-offs: counts, who decided what, and which countries have not signed. */
import { formatDateTime } from '../components/dates.ts';
import { countryName } from '../../shared/countryNames.ts';
import { currentLanguage } from '../i18n/intl.ts';
import { DECISIONS, type Decision } from './decisions.ts';
import type { Tally } from './signoffApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export const DECISION_TONES: Record<Decision, string> = {
  approve: 'tag--good',
  'approve-with-reservations': 'tag--warn',
  object: 'tag--bad',
};

export function TallyView({ tally }: { tally: Tally }) {
  const t = useT();
  const language = currentLanguage();
  const country = (code: string) => countryName(code, language);
  const waiting = tally.reviewers.filter((r) => !r.signoff).length;
  const rows = tally.reviewers.toSorted((a, b) => country(a.reviewer.country).localeCompare(country(b.reviewer.country), language) || a.reviewer.name.localeCompare(b.reviewer.name, language));
  return (
    <div data-testid="tally">
      <ul className="stats">
        {DECISIONS.map((d) => (
          <li key={d} className="stat" data-testid={`tally-${d}`}>
            <span className="stat__value">{tally.byDecision[d]}</span>
            <span className="stat__label">{t(`tally.${d}`)}</span>
          </li>
        ))}
        <li className="stat" data-testid="tally-waiting">
          <span className="stat__value">{waiting}</span>
          <span className="stat__label">{t('tally.waiting')}</span>
        </li>
      </ul>
      <h3>{t('tally.countriesNotSigned')}</h3>
      {tally.countriesNotSigned.length === 0 ? (
        <p data-testid="countries-not-signed">{tally.reviewers.length ? t('tally.everyCountrySigned') : t('tally.noReviewersYet')}</p>
      ) : (
        <p data-testid="countries-not-signed">
          {t('tally.countriesList', { count: tally.countriesNotSigned.length, countries: new Intl.ListFormat(language, { type: 'conjunction' }).format(tally.countriesNotSigned.map(country)) })}
        </p>
      )}
      <h3>{t('tally.reviewers')}</h3>
      {rows.length === 0 ? (
        <p className="placeholder">{t('tally.noReviewers')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="tally-table">
            <caption className="visually-hidden">{t('tally.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('role.reviewer')}</th>
                <th scope="col">{t('tally.country')}</th>
                <th scope="col">{t('tally.decision')}</th>
                <th scope="col">{t('tally.statement')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ reviewer, signoff }) => (
                <tr key={reviewer.id} data-testid="tally-row">
                  <th scope="row">
                    {reviewer.name}
                    <span className="data-table__sub">{[reviewer.organisation, t(`stakeholder.${reviewer.stakeholder}`)].filter(Boolean).join(' · ')}</span>
                  </th>
                  <td>{country(reviewer.country)}</td>
                  <td>
                    {signoff ? (
                      <>
                        <span className={`tag ${DECISION_TONES[signoff.decision]}`}>{t(`decision.${signoff.decision}`)}</span>
                        <span className="data-table__sub">{formatDateTime(signoff.updatedAt)}</span>
                      </>
                    ) : (
                      <span className="muted">{t('tally.notSigned')}</span>
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
