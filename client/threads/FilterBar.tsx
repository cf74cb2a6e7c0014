/**
 * Finding comments: the search box, quick toggles and the other filters, all folded behind one
 * "Filters" button in the panel's title row (which counts the filters in use), so that the comments
 * and the forms get the height of the panel. Filters only change what the list shows, never the
 * highlights in the text.
 */
import { useEffect, useMemo, useRef } from 'react';
import { STAKEHOLDERS, THREAD_KINDS, THREAD_STATUSES } from '../../shared/domain.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { useLanguage, useT } from '../i18n/LanguageProvider.tsx';
import { activeFilterCount, filterChoices, NO_FILTERS, type ThreadFilters } from './filters.ts';
import { useReview } from './ReviewContext.tsx';

type Toggle = 'mine' | 'unanswered' | 'unassigned' | 'assignedToMe';

/** The quick toggles: what an author and what an answerer most often look for. */
const TOGGLES: Array<{ key: Toggle; label: MessageKey; for: 'authors' | 'answerers' | 'all' }> = [
  { key: 'mine', label: 'threads.filter.mine', for: 'authors' },
  { key: 'unanswered', label: 'threads.filter.unanswered', for: 'all' },
  { key: 'unassigned', label: 'threads.filter.unassigned', for: 'answerers' },
  { key: 'assignedToMe', label: 'threads.filter.assignedToMe', for: 'answerers' },
];

/** The button that shows or hides the filters, with the number of filters in use. */
export function FiltersButton({ open, onToggle, controls }: { open: boolean; onToggle: () => void; controls: string }) {
  const { filters } = useReview();
  const active = activeFilterCount(filters);
  const t = useT();
  return (
    <button type="button" className="chip chip--filters" aria-expanded={open} aria-controls={controls} onClick={onToggle} data-testid="filters-button">
      {t('threads.filters')}
      {active > 0 && (
        <span className="chip__count">
          {active}
          <span className="visually-hidden">{t('threads.filtersInUse')}</span>
        </span>
      )}
    </button>
  );
}

export function FilterBar({ id, open }: { id: string; open: boolean }) {
  const { filters, setFilters, placed, sections, rights } = useReview();
  const searchRef = useRef<HTMLInputElement>(null);
  const t = useT();
  const { language } = useLanguage();
  const set = <K extends keyof ThreadFilters>(key: K, value: ThreadFilters[K]) => setFilters({ ...filters, [key]: value });
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- the country names change with the language
  const { countries, authors } = useMemo(() => filterChoices(placed.map((p) => p.thread)), [placed, language]);

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
          {t('threads.filter.search')}
        </label>
        <input
          ref={searchRef}
          id={`${id}-search`}
          type="search"
          className="input input--search"
          placeholder={t('threads.filter.search')}
          value={filters.search}
          onChange={(event) => set('search', event.target.value)}
        />
      </div>
      <fieldset className="filter-bar__toggles">
        <legend className="visually-hidden">{t('threads.filter.showOnly')}</legend>
        {TOGGLES.filter((toggle) => toggle.for === 'all' || (toggle.for === 'answerers') === rights.dispose).map((toggle) => (
          <button key={toggle.key} type="button" className="chip" aria-pressed={filters[toggle.key]} onClick={() => set(toggle.key, !filters[toggle.key])}>
            {t(toggle.label)}
          </button>
        ))}
      </fieldset>
      <div className="filter-bar__more">
        {select('sectionId', t('threads.filter.section'), sections.map((s) => [s.id, `${s.number} ${s.title}`]), t('threads.filter.allSections'))}
        {select('kind', t('threads.filter.kind'), THREAD_KINDS.map((k) => [k, t(`kind.${k}`)]), t('threads.filter.allKinds'))}
        {select('status', t('threads.filter.status'), [['answered', t('threads.filter.answeredAny')], ...THREAD_STATUSES.map((s): [string, string] => [s, t(`status.${s}`)])], t('threads.filter.anyStatus'))}
        {select('stakeholder', t('threads.filter.stakeholder'), STAKEHOLDERS.map((s) => [s, t(`stakeholder.${s}`)]), t('threads.filter.allGroups'))}
        {select('country', t('threads.filter.country'), countries, t('threads.filter.allCountries'))}
        {select('authorId', t('threads.filter.author'), authors, t('threads.filter.everyone'))}
        {rights.dispose && (
          <label className="filter-field filter-field--check">
            <input type="checkbox" checked={filters.mine} onChange={(event) => set('mine', event.target.checked)} /> {t('threads.filter.onlyMine')}
          </label>
        )}
        {activeFilterCount(filters) > 0 && (
          <button type="button" className="button button--small" onClick={() => setFilters(NO_FILTERS)}>
            {t('threads.filter.clearAll')}
          </button>
        )}
      </div>
    </div>
  );
}
