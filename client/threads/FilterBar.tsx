/**
 * Finding comments: the search box, quick toggles and the other filters, all folded behind one
 * "Filters" button in the panel's title row (which counts the filters in use), so that the comments
 * and the forms get the height of the panel. Filters only change what the list shows, never the
 * highlights in the text.
 */
import { useEffect, useMemo, useRef } from 'react';
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

/** The button that shows or hides the filters, with the number of filters in use. */
export function FiltersButton({ open, onToggle, controls }: { open: boolean; onToggle: () => void; controls: string }) {
  const { filters } = useReview();
  const active = activeFilterCount(filters);
  return (
    <button type="button" className="chip chip--filters" aria-expanded={open} aria-controls={controls} onClick={onToggle} data-testid="filters-button">
      Filters
      {active > 0 && (
        <span className="chip__count">
          {active}
          <span className="visually-hidden"> in use</span>
        </span>
      )}
    </button>
  );
}

export function FilterBar({ id, open }: { id: string; open: boolean }) {
  const { filters, setFilters, placed, sections, rights } = useReview();
  const searchRef = useRef<HTMLInputElement>(null);
  const set = <K extends keyof ThreadFilters>(key: K, value: ThreadFilters[K]) => setFilters({ ...filters, [key]: value });
  const { countries, authors } = useMemo(() => filterChoices(placed.map((p) => p.thread)), [placed]);

  // Opening the filters is for searching, most often: start there.
  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

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
    <div id={id} className="filter-bar" hidden={!open} data-testid="filter-bar">
      <div className="filter-bar__search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search comments
        </label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          className="input input--search"
          placeholder="Search comments"
          value={filters.search}
          onChange={(event) => set('search', event.target.value)}
        />
      </div>
      <fieldset className="filter-bar__toggles">
        <legend className="visually-hidden">Show only</legend>
        {TOGGLES.filter((t) => t.for === 'all' || (t.for === 'answerers') === rights.dispose).map((toggle) => (
          <button key={toggle.key} type="button" className="chip" aria-pressed={filters[toggle.key]} onClick={() => set(toggle.key, !filters[toggle.key])}>
            {toggle.label}
          </button>
        ))}
      </fieldset>
      <div className="filter-bar__more">
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
