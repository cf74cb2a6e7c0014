/** The filters over the list of people. Countries offered are only those someone on the list is from. */
import { ROLES, STAKEHOLDERS, type Role, type Stakeholder } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { Field } from '../components/Field.tsx';
import { countryName } from './countries.ts';
import { isFiltered, NO_FILTER, type PeopleFilter, type PeopleOrder } from './peopleFilter.ts';

interface PeopleFiltersProps {
  filter: PeopleFilter;
  countries: readonly string[];
  onChange: (filter: PeopleFilter) => void;
}

export function PeopleFilters({ filter, countries, onChange }: PeopleFiltersProps) {
  const t = useT();
  const set = <K extends keyof PeopleFilter>(key: K, value: PeopleFilter[K]) => onChange({ ...filter, [key]: value });
  const active = isFiltered(filter);
  return (
    <search className="filters" aria-label={t('peopleFilter.label')}>
      <Field label={t('peopleFilter.search')} className="filters__search">
        {(control) => <input {...control} type="search" className="input" placeholder={t('peopleFilter.searchPlaceholder')} value={filter.text} onChange={(e) => set('text', e.target.value)} />}
      </Field>
      <Field label={t('peopleFilter.role')}>
        {(control) => (
          <select {...control} className="select" value={filter.role} onChange={(e) => set('role', e.target.value as Role | '')}>
            <option value="">{t('peopleFilter.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('peopleFilter.stakeholder')}>
        {(control) => (
          <select {...control} className="select" value={filter.stakeholder} onChange={(e) => set('stakeholder', e.target.value as Stakeholder | '')}>
            <option value="">{t('peopleFilter.allGroups')}</option>
            {STAKEHOLDERS.map((s) => (
              <option key={s} value={s}>
                {t(`stakeholder.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('peopleFilter.country')}>
        {(control) => (
          <select {...control} className="select" value={filter.country} onChange={(e) => set('country', e.target.value)}>
            <option value="">{t('peopleFilter.allCountries')}</option>
            {countries.map((code) => (
              <option key={code} value={code}>
                {countryName(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('peopleFilter.access')}>
        {(control) => (
          <select {...control} className="select" value={filter.status} onChange={(e) => set('status', e.target.value as PeopleFilter['status'])}>
            <option value="all">{t('peopleFilter.everyone')}</option>
            <option value="active">{t('peopleFilter.active')}</option>
            <option value="inactive">{t('peopleFilter.inactive')}</option>
            <option value="never-signed-in">{t('peopleFilter.neverSignedIn')}</option>
          </select>
        )}
      </Field>
      <Field label={t('peopleFilter.order')}>
        {(control) => (
          <select {...control} className="select" value={filter.order} onChange={(e) => set('order', e.target.value as PeopleOrder)}>
            <option value="name">{t('peopleFilter.byName')}</option>
            <option value="last-seen">{t('peopleFilter.lastSeen')}</option>
          </select>
        )}
      </Field>
      {active && (
        <div>
          <button type="button" className="button button--small" onClick={() => onChange({ ...NO_FILTER, order: filter.order })}>
            {t('peopleFilter.clear')}
          </button>
        </div>
      )}
    </search>
  );
}
