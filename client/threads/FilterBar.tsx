/**
 * Finding comments: a search box and quick toggles always in view, the other filters behind a
 * "More filters" button. Filters only change what the list shows, never the highlights in the text.
 */
import { useId, useMemo, useState } from 'react';
import { STAKEHOLDER_LABELS, STAKEHOLDERS, THREAD_KIND_LABELS, THREAD_KINDS, THREAD_STATUS_LABELS, THREAD_STATUSES } from '../../shared/domain.ts';
import { activeFilterCount, filterChoices, NO_FILTERS, type ThreadFilters } from './filters.ts';
import { useReview } from './ReviewContext.tsx';

type Toggle = 'mine' | 'unanswered' | 'unassigned' | 'assignedToMe';

/** The quick toggles: what an author and what an answerer most often look for. */
const TOGGLES: Array<{ key: Toggle; label: string; for: 'authors' | 'answerers' | 'all' }> = [
  { key: 'mine', label: 'My comments', for: 'authors' },
  { key: 'unanswered', label: 'Not yet answered', for: 'all' },
  { key: 'unassigned', label: 'Unassigned', for: 'answerers' },
  { key: 'assignedToMe', label: 'Assigned to me', for: 'answerers' },
];

export function FilterBar() {
  const { filters, setFilters, placed, sections, rights } = useReview();
  const [open, setOpen] = useState(false);
  const id = useId();
  const set = <K extends keyof ThreadFilters>(key: K, value: ThreadFilters[K]) => setFilters({ ...filters, [key]: value });
  const { countries, authors } = useMemo(() => filterChoices(placed.map((p) => p.thread)), [placed]);
  const quick = rights.dispose ? { unanswered: false, unassigned: false, assignedToMe: false } : { mine: false, unanswered: false };
  const more = activeFilterCount({ ...filters, ...quick, search: '' });

  const select = (key: 'sectionId' | 'kind' | 'status' | 'stakeholder' | 'country' | 'authorId', label: string, options: Array<[string, string]>, all: string) => (
    <div className="filter-field">
      <label htmlFor={`${id}-${key}`} className="filter-field__label">
        {label}
      </label>
      <select id={`${id}-${key}`} className="select" value={filters[key]} onChange={(event) => set(key, event.target.value as never)}>
        <option value="">{all}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="filter-bar">
      <div className="filter-bar__search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search comments
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input input--search"
          placeholder="Search comments"
          value={filters.search}
          onChange={(event) => set('search', event.target.value)}
        />
        <button type="button" className="chip chip--more" aria-expanded={open} aria-controls={`${id}-more`} onClick={() => setOpen(!open)}>
          More filters{more > 0 ? ` (${more})` : ''}
        </button>
      </div>
      <fieldset className="filter-bar__toggles">
        <legend className="visually-hidden">Show only</legend>
        {TOGGLES.filter((t) => t.for === 'all' || (t.for === 'answerers') === rights.dispose).map((toggle) => (
          <button key={toggle.key} type="button" className="chip" aria-pressed={filters[toggle.key]} onClick={() => set(toggle.key, !filters[toggle.key])}>
            {toggle.label}
          </button>
        ))}
      </fieldset>
      <div id={`${id}-more`} className="filter-bar__more" hidden={!open}>
        {select('sectionId', 'Section', sections.map((s) => [s.id, `${s.number} ${s.title}`]), 'All sections')}
        {select('kind', 'Kind', THREAD_KINDS.map((k) => [k, THREAD_KIND_LABELS[k]]), 'All kinds')}
        {select('status', 'Status', [['answered', 'Answered (any)'], ...THREAD_STATUSES.map((s): [string, string] => [s, THREAD_STATUS_LABELS[s]])], 'Any status')}
        {select('stakeholder', 'Stakeholder group', STAKEHOLDERS.map((s) => [s, STAKEHOLDER_LABELS[s]]), 'All groups')}
        {select('country', 'Country', countries, 'All countries')}
        {select('authorId', 'Author', authors, 'Everyone')}
        {rights.dispose && (
          <label className="filter-field filter-field--check">
            <input type="checkbox" checked={filters.mine} onChange={(event) => set('mine', event.target.checked)} /> Only my own comments
          </label>
        )}
        {activeFilterCount(filters) > 0 && (
          <button type="button" className="button button--small" onClick={() => setFilters(NO_FILTERS)}>
            Clear all filters
          </button>
        )}
      </div>
    </div>
  );
}
