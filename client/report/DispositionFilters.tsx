/** The menus and search box over the disposition table. */
import { STAKEHOLDERS, THREAD_KINDS, THREAD_STATUSES } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { Field } from '../components/Field.tsx';
import { countryName } from '../people/countries.ts';
import { NO_DISPOSITION_FILTER, type DispositionFilter } from './dispositionFilter.ts';
import type { ReportSection } from './reportApi.ts';

interface DispositionFiltersProps {
  filter: DispositionFilter;
  sections: readonly ReportSection[];
  authors: ReadonlyArray<{ id: string; name: string }>;
  countries: readonly string[];
  onChange: (filter: DispositionFilter) => void;
}

interface Choice {
  value: string;
  label: string;
}

function Menu({ label, all, value, choices, onChange }: { label: string; all: string; value: string; choices: readonly Choice[]; onChange: (value: string) => void }) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{all}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function DispositionFilters({ filter, sections, authors, countries, onChange }: DispositionFiltersProps) {
  const t = useT();
  const set = (key: keyof DispositionFilter) => (value: string) => onChange({ ...filter, [key]: value });
  const active = JSON.stringify(filter) !== JSON.stringify(NO_DISPOSITION_FILTER);
  return (
    <search className="filters" aria-label={t('filters.label')}>
      <Field label={t('documents.search')} className="filters__search">
        {(control) => <input {...control} type="search" className="input" placeholder={t('filters.placeholder')} value={filter.text} onChange={(e) => set('text')(e.target.value)} />}
      </Field>
      <Menu label={t('filters.section')} all={t('filters.allSections')} value={filter.section} onChange={set('section')} choices={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}`.trim() }))} />
      <Menu label={t('filters.kind')} all={t('filters.allKinds')} value={filter.kind} onChange={set('kind')} choices={THREAD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      <Menu label={t('filters.status')} all={t('filters.allStatuses')} value={filter.status} onChange={set('status')} choices={THREAD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <Menu label={t('filters.stakeholder')} all={t('filters.allGroups')} value={filter.stakeholder} onChange={set('stakeholder')} choices={STAKEHOLDERS.map((s) => ({ value: s, label: t(`stakeholder.${s}`) }))} />
      <Menu label={t('tally.country')} all={t('filters.allCountries')} value={filter.country} onChange={set('country')} choices={countries.map((c) => ({ value: c, label: countryName(c) }))} />
      <Menu label={t('filters.author')} all={t('filters.allAuthors')} value={filter.author} onChange={set('author')} choices={authors.map((a) => ({ value: a.id, label: a.name }))} />
      {active && (
        <div>
          <button type="button" className="button button--small" onClick={() => onChange(NO_DISPOSITION_FILTER)}>
            {t('filters.clear')}
          </button>
        </div>
      )}
    </search>
  );
}
