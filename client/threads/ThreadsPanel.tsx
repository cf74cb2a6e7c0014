/**
 * The comments beside the text: what the reader may do here, the composer, filters, the bulk bar and
 * the list grouped by section. A column on a laptop; on a tablet a drawer opened from the bar.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { BulkBar } from './BulkBar.tsx';
import { Composer } from './Composer.tsx';
import { activeFilterCount, NO_FILTERS } from './filters.ts';
import { FilterBar, FiltersButton } from './FilterBar.tsx';
import { count } from './format.ts';
import { buildRows } from './listRows.ts';
import { useReview } from './ReviewContext.tsx';
import { SectionBar } from './SectionBar.tsx';
import { ThreadList } from './ThreadList.tsx';
import { COMMENT_SHORTCUT } from './useEditorBindings.ts';
// The comment styles travel with the panel, which is on every document page that has comments.
// oxlint-disable-next-line import/no-unassigned-import
import './review-layout.css';
// oxlint-disable-next-line import/no-unassigned-import
import './text-marks.css';
// oxlint-disable-next-line import/no-unassigned-import
import './threads.css';
// oxlint-disable-next-line import/no-unassigned-import
import './cards.css';
// oxlint-disable-next-line import/no-unassigned-import
import './forms.css';
// oxlint-disable-next-line import/no-unassigned-import
import './composer.css';
// oxlint-disable-next-line import/no-unassigned-import
import './details.css';
import './apply.css';

export const THREADS_PANEL_ID = 'threads-panel';

interface ThreadsPanelProps {
  headingRef?: Ref<HTMLHeadingElement>;
  onClose: () => void;
}

export function ThreadsPanel({ headingRef, onClose }: ThreadsPanelProps) {
  const review = useReview();
  const { placed, filters, setFilters, rights, sections, loadStatus, loadError, panelOpen } = review;
  const scroller = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { rows, threads } = useMemo(() => buildRows(placed, filters, rights.person.id, sections), [placed, filters, rights.person.id, sections]);
  const shownIds = useMemo(() => threads.map((p) => p.thread.id), [threads]);
  const filtered = activeFilterCount(filters) > 0;

  // Bring the composer into view when it opens (the list may have been scrolled far down).
  useEffect(() => {
    if (review.composerFocus) scroller.current?.scrollTo({ top: 0 });
  }, [review.composerFocus]);

  const section = sections.find((s) => s.id === filters.sectionId);
  let empty: ReactNode = null;
  if (loadStatus === 'loading') empty = <p className="threads-empty">Loading comments…</p>;
  else if (loadStatus === 'error') empty = <p className="threads-empty field__error">{loadError}</p>;
  else if (placed.length === 0) empty = <p className="threads-empty">No comments yet{rights.comment.allowed ? ' — select text to comment.' : '.'}</p>;
  else if (threads.length === 0 && section && activeFilterCount({ ...filters, sectionId: '' }) === 0) {
    empty = <p className="threads-empty">No comments on this section yet{rights.comment.allowed ? ' — select text to comment.' : '.'}</p>;
  } else if (threads.length === 0) {
    empty = (
      <div className="threads-empty">
        <p>No comments match these filters.</p>
        <button type="button" className="button button--small" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      </div>
    );
  }

  return (
    <aside id={THREADS_PANEL_ID} className={`threads-panel${panelOpen ? ' threads-panel--open' : ''}`} aria-labelledby={headingId} data-testid="threads-panel">
      <div className="threads-panel__head">
        <div className="threads-panel__title-row">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="threads-panel__title">
            Comments{' '}
            {/* No count until the comments are in: "0" while loading would be a false zero. */}
            {loadStatus === 'ready' && <span className="threads-panel__count">{placed.length.toLocaleString('en-GB')}</span>}
          </h2>
          <FiltersButton open={filtersOpen} onToggle={() => setFiltersOpen(!filtersOpen)} controls={filtersId} />
          <button type="button" className="button button--small threads-panel__close" onClick={onClose}>
            Close<span className="visually-hidden"> comments</span>
          </button>
        </div>
        <p className={`threads-panel__rights${rights.comment.allowed ? '' : ' threads-panel__rights--closed'}`} data-testid="comment-rights">
          {rights.comment.allowed ? `Select words, then press Comment (${COMMENT_SHORTCUT}).` : rights.comment.reason}
        </p>
        <FilterBar id={filtersId} open={filtersOpen} />
        <SectionBar />
      </div>
      <div className="threads-panel__body" ref={scroller}>
        <Composer />
        <BulkBar shownIds={shownIds} />
        <p className="threads-panel__results" aria-live="polite">
          {filtered && loadStatus === 'ready' ? `Showing ${count(threads.length, 'comment', 'comments')} of ${placed.length.toLocaleString('en-GB')}` : ''}
          {filtered && loadStatus === 'ready' && (
            <>
              {' '}
              <button type="button" className="threads-panel__clear" onClick={() => setFilters(NO_FILTERS)}>
                Show all
              </button>
            </>
          )}
        </p>
        {rights.dispose && threads.length > 0 && (
          <p className="threads-panel__keys muted">
            Keys in the list: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> answer, <kbd>Ctrl+Enter</kbd> save and next, <kbd>x</kbd> select, <kbd>Esc</kbd> close
          </p>
        )}
        {empty}
        <ThreadList rows={rows} setSize={threads.length} scroller={scroller} />
      </div>
    </aside>
  );
}
