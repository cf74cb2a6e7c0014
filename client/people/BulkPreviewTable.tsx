/** The server's verdict on each row of a list: the person as they would be created, or why they cannot be. */
import type { BulkRowVerdict } from '../../shared/bulkInvite.ts';
import { STAKEHOLDERS, type Stakeholder } from '../../shared/domain.ts';
import { isLanguage, LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { countryName } from './countries.ts';
import '../styles/stackedTable.css';

const languageLabel = (value: string) => (isLanguage(value) ? LANGUAGE_NAMES[value] : value);

export function BulkPreviewTable({ rows }: { rows: readonly BulkRowVerdict[] }) {
  const t = useT();
  // A cell the server could not read keeps the words of the list, as they were written.
  const stakeholderLabel = (value: string) => ((STAKEHOLDERS as readonly string[]).includes(value) ? t(`stakeholder.${value as Stakeholder}`) : value);
  const label = {
    row: t('bulk.colRow'),
    person: t('bulk.colPerson'),
    role: t('bulk.colRole'),
    country: t('bulk.colCountry'),
    organisation: t('bulk.colOrganisation'),
    language: t('bulk.colLanguage'),
    verdict: t('bulk.colVerdict'),
  };
  return (
    <div className="table-scroll bulk-preview">
      <table className="data-table stacked-table" data-testid="bulk-preview">
        <caption className="visually-hidden">{t('bulk.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {label.row}
            </th>
            <th scope="col">{label.person}</th>
            <th scope="col">{label.role}</th>
            <th scope="col">{label.country}</th>
            <th scope="col">{label.organisation}</th>
            <th scope="col">{label.language}</th>
            <th scope="col">{label.verdict}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, person, problems }) => (
            <tr key={row} data-testid="bulk-row" className={problems.length ? 'bulk-row--bad' : undefined}>
              <td className="num" data-label={label.row}>
                {row}
              </td>
              <th scope="row" data-label={label.person}>
                {person.name || <span className="muted">{t('bulk.noName')}</span>}
                <span className="data-table__sub">{person.email || t('bulk.noEmail')}</span>
              </th>
              <td data-label={label.role}>{person.role ? t(`role.${person.role}`) : '—'}</td>
              <td data-label={label.country}>{person.country ? countryName(person.country) : '—'}</td>
              <td data-label={label.organisation}>
                {person.organisation || <span className="muted">{t('people.notGiven')}</span>}
                <span className="data-table__sub">{stakeholderLabel(person.stakeholder)}</span>
              </td>
              <td data-label={label.language}>{languageLabel(person.language)}</td>
              <td data-label={label.verdict}>
                {problems.length === 0 ? (
                  <span className="tag tag--good">{t('bulk.ready')}</span>
                ) : (
                  <>
                    <span className="tag tag--bad">{t('bulk.notInvited')}</span>
                    <ul className="bulk-row__problems">
                      {problems.map((p) => (
                        <li key={p.field}>{t(`bulkProblem.${p.code}`, p.values)}</li>
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
