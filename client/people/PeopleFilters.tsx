/** The filters over the list of people. Countries offered are only those someone on the list is from. */
import { ROLE_LABELS, ROLES, STAKEHOLDER_LABELS, STAKEHOLDERS, type Role, type Stakeholder } from '../../shared/domain.ts';
import { Field } from '../components/Field.tsx';
import { countryName } from './countries.ts';
import { isFiltered, NO_FILTER, type PeopleFilter, type PeopleOrder } from './peopleFilter.ts';

interface PeopleFiltersProps {
  filter: PeopleFilter;
  countries: readonly string[];
  onChange: (filter: PeopleFilter) => void;
}

export function PeopleFilters({ filter, countries, onChange }: PeopleFiltersProps) {
  const set = <K extends keyof PeopleFilter>(key: K, value: PeopleFilter[K]) => onChange({ ...filter, [key]: value });
  const active = isFiltered(filter);
  return (
    <search className="filters" aria-label="Filter the people">
      <Field label="Search" className="filters__search">
        {(control) => <input {...control} type="search" className="input" placeholder="Name, email or organisation" value={filter.text} onChange={(e) => set('text', e.target.value)} />}
      </Field>
      <Field label="Role">
        {(control) => (
          <select {...control} className="select" value={filter.role} onChange={(e) => set('role', e.target.value as Role | '')}>
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Stakeholder group">
        {(control) => (
          <select {...control} className="select" value={filter.stakeholder} onChange={(e) => set('stakeholder', e.target.value as Stakeholder | '')}>
            <option value="">All groups</option>
            {STAKEHOLDERS.map((s) => (
              <option key={s} value={s}>
                {STAKEHOLDER_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Country">
        {(control) => (
          <select {...control} className="select" value={filter.country} onChange={(e) => set('country', e.target.value)}>
            <option value="">All countries</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Access">
        {(control) => (
          <select {...control} className="select" value={filter.status} onChange={(e) => set('status', e.target.value as PeopleFilter['status'])}>
            <option value="all">Everyone</option>
            <option value="active">Active</option>
            <option value="inactive">Deactivated</option>
            <option value="never-signed-in">Never signed in</option>
          </select>
        )}
      </Field>
      <Field label="Order">
        {(control) => (
          <select {...control} className="select" value={filter.order} onChange={(e) => set('order', e.target.value as PeopleOrder)}>
            <option value="name">By name</option>
            <option value="last-seen">Last seen first</option>
          </select>
        )}
      </Field>
      {active && (
        <div>
          <button type="button" className="button button--small" onClick={() => onChange({ ...NO_FILTER, order: filter.order })}>
            Clear filters
          </button>
        </div>
      )}
    </search>
  );
}
