/**
 * The list of people with their access, whether they have signed in, and what the Secretariat can do
 * to each; each button's name includes the person's, for screen readers. On a phone each person is a
 * block of lines instead of a row of a wide table (stacked-table, people.css), each value led by its
 * column's name.
 */
import { useT } from '../i18n/LanguageProvider.tsx';
import { countryName } from './countries.ts';
import type { ManagedPerson } from './peopleApi.ts';
import { signInStatus } from './peopleFilter.ts';
import '../styles/stackedTable.css';

export type PersonAction = 'details' | 'role' | 'activation' | 'link';

interface PeopleTableProps {
  people: readonly ManagedPerson[];
  selfId: string;
  onAction: (action: PersonAction, person: ManagedPerson) => void;
}

export function PeopleTable({ people, selfId, onAction }: PeopleTableProps) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data-table people-table stacked-table" data-testid="people-table">
        <caption className="visually-hidden">{t('people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.colName')}</th>
            <th scope="col">{t('people.colRole')}</th>
            <th scope="col" className="people-table__country">
              {t('people.colCountry')}
            </th>
            <th scope="col">{t('people.colOrganisation')}</th>
            <th scope="col">{t('people.colAccess')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('people.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const self = person.id === selfId;
            return (
              <tr key={person.id} data-testid="person-row" data-person-id={person.id}>
                <th scope="row">
                  {person.name}
                  {self && <span className="muted">{t('people.you')}</span>}
                  <span className="data-table__sub">{person.email}</span>
                </th>
                <td data-label={t('people.colRole')}>
                  {t(`role.${person.role}`)}
                  {/* On a tablet the country column gives way to this line, so the actions stay in view. */}
                  <span className="data-table__sub people-table__country-inline">{countryName(person.country)}</span>
                </td>
                <td className="people-table__country">{countryName(person.country)}</td>
                <td data-label={t('people.colOrganisation')}>
                  {person.organisation || <span className="muted">{t('people.notGiven')}</span>}
                  <span className="data-table__sub">{t(`stakeholder.${person.stakeholder}`)}</span>
                </td>
                <td data-label={t('people.colAccess')}>
                  {person.active ? <span className="tag tag--good">{t('people.active')}</span> : <span className="tag tag--bad">{t('people.deactivatedTag')}</span>}
                  <span className={`data-table__sub people-table__seen${person.lastSeenAt ? '' : ' people-table__seen--never'}`} data-testid="sign-in-status">
                    {signInStatus(person)}
                  </span>
                </td>
                <td>
                  <div className="people-table__actions">
                    <button type="button" className="button button--small" aria-label={t('people.editDetailsOf', { name: person.name })} onClick={() => onAction('details', person)}>
                      {t('people.editDetails')}
                    </button>
                    {self ? (
                      <span className="muted">{t('people.selfNote')}</span>
                    ) : (
                      <>
                        <button type="button" className="button button--small" aria-label={t('people.changeRoleOf', { name: person.name })} onClick={() => onAction('role', person)}>
                          {t('people.changeRole')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t(person.active ? 'people.deactivateName' : 'people.reactivateName', { name: person.name })}
                          onClick={() => onAction('activation', person)}
                        >
                          {t(person.active ? 'people.deactivate' : 'people.reactivate')}
                        </button>
                      </>
                    )}
                    {person.active && (
                      <button type="button" className="button button--small" aria-label={t('people.newLinkFor', { name: person.name })} onClick={() => onAction('link', person)}>
                        {t('people.newLink')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
