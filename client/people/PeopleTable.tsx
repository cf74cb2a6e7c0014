/**
 * The list of people with their access, whether they have signed in, and what the Secretariat can do
 * to each; each button's name includes the person's, for screen readers. On a phone each person is a
 * block of lines instead of a row of a wide table.
 */
import { ROLE_LABELS, STAKEHOLDER_LABELS } from '../../shared/domain.ts';
import { countryName } from './countries.ts';
import type { ManagedPerson } from './peopleApi.ts';
import { signInStatus } from './peopleFilter.ts';

export type PersonAction = 'details' | 'role' | 'activation' | 'link';

interface PeopleTableProps {
  people: readonly ManagedPerson[];
  selfId: string;
  onAction: (action: PersonAction, person: ManagedPerson) => void;
}

export function PeopleTable({ people, selfId, onAction }: PeopleTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table people-table stacked-table" data-testid="people-table">
        <caption className="visually-hidden">People invited to Accord, with their role, country, organisation, access and when they were last seen</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col" className="people-table__country">
              Country
            </th>
            <th scope="col">Organisation</th>
            <th scope="col">Access</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
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
                  {self && <span className="muted"> (you)</span>}
                  <span className="data-table__sub">{person.email}</span>
                </th>
                <td>
                  {ROLE_LABELS[person.role]}
                  {/* On a tablet the country column gives way to this line, so the actions stay in view. */}
                  <span className="data-table__sub people-table__country-inline">{countryName(person.country)}</span>
                </td>
                <td className="people-table__country">{countryName(person.country)}</td>
                <td>
                  {person.organisation || <span className="muted">Not given</span>}
                  <span className="data-table__sub">{STAKEHOLDER_LABELS[person.stakeholder]}</span>
                </td>
                <td>
                  {person.active ? <span className="tag tag--good">Active</span> : <span className="tag tag--bad">Deactivated</span>}
                  <span className={`data-table__sub people-table__seen${person.lastSeenAt ? '' : ' people-table__seen--never'}`} data-testid="sign-in-status">
                    {signInStatus(person)}
                  </span>
                </td>
                <td>
                  <div className="people-table__actions">
                    <button type="button" className="button button--small" aria-label={`Edit the details of ${person.name}`} onClick={() => onAction('details', person)}>
                      Edit details
                    </button>
                    {self ? (
                      <span className="muted">Another Secretariat member can change your role or access.</span>
                    ) : (
                      <>
                        <button type="button" className="button button--small" aria-label={`Change role of ${person.name}`} onClick={() => onAction('role', person)}>
                          Change role
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`${person.active ? 'Deactivate' : 'Reactivate'} ${person.name}`}
                          onClick={() => onAction('activation', person)}
                        >
                          {person.active ? 'Deactivate' : 'Reactivate'}
                        </button>
                      </>
                    )}
                    {person.active && (
                      <button type="button" className="button button--small" aria-label={`New sign-in link for ${person.name}`} onClick={() => onAction('link', person)}>
                        New sign-in link
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
