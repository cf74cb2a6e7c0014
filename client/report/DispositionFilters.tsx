/** The menus and search box over the disposition table. */
import { STAKEHOLDER_LABELS, STAKEHOLDERS, THREAD_KIND_LABELS, THREAD_KINDS, THREAD_STATUS_LABELS, THREAD_STATUSES } from '../../shared/domain.ts';
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
  const set = (key: keyof DispositionFilter) => (value: string) => onChange({ ...filter, [key]: value });
  const active = JSON.stringify(filter) !== JSON.stringify(NO_DISPOSITION_FILTER);
  return (
    <search className="filters" aria-label="Filter the comments">
      <Field label="Search" className="filters__search">
        {(control) => <input {...control} type="search" className="input" placeholder="Words in a comment, answer or name" value={filter.text} onChange={(e) => set('text')(e.target.value)} />}
      </Field>
      <Menu label="Section" all="All sections" value={filter.section} onChange={set('section')} choices={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}`.trim() }))} />
      <Menu label="Kind" all="All kinds" value={filter.kind} onChange={set('kind')} choices={THREAD_KINDS.map((k) => ({ value: k, label: THREAD_KIND_LABELS[k] }))} />
      <Menu label="Status" all="All statuses" value={filter.status} onChange={set('status')} choices={THREAD_STATUSES.map((s) => ({ value: s, label: THREAD_STATUS_LABELS[s] }))} />
      <Menu label="Stakeholder group" all="All groups" value={filter.stakeholder} onChange={set('stakeholder')} choices={STAKEHOLDERS.map((s) => ({ value: s, label: STAKEHOLDER_LABELS[s] }))} />
      <Menu label="Country" all="All countries" value={filter.country} onChange={set('country')} choices={countries.map((c) => ({ value: c, label: countryName(c) }))} />
      <Menu label="Author" all="All authors" value={filter.author} onChange={set('author')} choices={authors.map((a) => ({ value: a.id, label: a.name }))} />
      {active && (
        <div>
          <button type="button" className="button button--small" onClick={() => onChange(NO_DISPOSITION_FILTER)}>
            Clear filters
          </button>
        </div>
      )}
    </search>
  );
}
