/**
 * The comments beside the text: what the reader may do here, the composer, filters, the bulk bar and
 * the list grouped by section. A column on a laptop; on a tablet a drawer opened from the bar.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/LanguageProvider.tsx';
import { BulkBar } from './BulkBar.tsx';
import { Composer } from './Composer.tsx';
import { activeFilterCount, NO_FILTERS } from './filters.ts';
import { FilterBar, FiltersButton } from './FilterBar.tsx';
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

/** The <kbd> tags of the keys' message: the key names are the catalogue's, in each language. */
const keyName = (keys: ReactNode[]) => <kbd>{keys}</kbd>;

interface ThreadsPanelProps {
  headingRef?: Ref<HTMLHeadingElement>;
  onClose: () => void;
}

export function ThreadsPanel({ headingRef, onClose }: ThreadsPanelProps) {
  const review = useReview();
  const t = useT();
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
  if (loadStatus === 'loading') empty = <p className="threads-empty">{t('threads.loading')}</p>;
  else if (loadStatus === 'error') empty = <p className="threads-empty field__error">{loadError}</p>;
  else if (placed.length === 0) empty = <p className="threads-empty">{t(rights.comment.allowed ? 'threads.noneCanComment' : 'threads.none')}</p>;
  else if (threads.length === 0 && section && activeFilterCount({ ...filters, sectionId: '' }) === 0) {
    empty = <p className="threads-empty">{t(rights.comment.allowed ? 'threads.noneInSectionCanComment' : 'threads.noneInSection')}</p>;
  } else if (threads.length === 0) {
    empty = (
      <div className="threads-empty">
        <p>{t('threads.noMatch')}</p>
        <button type="button" className="button button--small" onClick={() => setFilters(NO_FILTERS)}>
          {t('threads.clearFilters')}
        </button>
      </div>
    );
  }

  return (
    <aside id={THREADS_PANEL_ID} className={`threads-panel${panelOpen ? ' threads-panel--open' : ''}`} aria-labelledby={headingId} data-testid="threads-panel">
      <div className="threads-panel__head">
        <div className="threads-panel__title-row">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="threads-panel__title">
            {t('threads.title')}{' '}
            {/* No count until the comments are in: "0" while loading would be a false zero. */}
            {loadStatus === 'ready' && <span className="threads-panel__count">{t('threads.count', { count: placed.length })}</span>}
          </h2>
          <FiltersButton open={filtersOpen} onToggle={() => setFiltersOpen(!filtersOpen)} controls={filtersId} />
          <button type="button" className="button button--small threads-panel__close" onClick={onClose}>
            {t('threads.close')}
            <span className="visually-hidden">{t('threads.closeHidden')}</span>
          </button>
        </div>
        <p className={`threads-panel__rights${rights.comment.allowed ? '' : ' threads-panel__rights--closed'}`} data-testid="comment-rights">
          {rights.comment.allowed ? t('threads.howToComment', { shortcut: COMMENT_SHORTCUT }) : rights.comment.reason}
        </p>
        <FilterBar id={filtersId} open={filtersOpen} />
        <SectionBar />
      </div>
      <div className="threads-panel__body" ref={scroller}>
        <Composer />
        <BulkBar shownIds={shownIds} />
        <p className="threads-panel__results" aria-live="polite">
          {filtered && loadStatus === 'ready' ? t('threads.showing', { shown: threads.length, total: placed.length }) : ''}
          {filtered && loadStatus === 'ready' && (
            <>
              {' '}
              <button type="button" className="threads-panel__clear" onClick={() => setFilters(NO_FILTERS)}>
                {t('threads.showAll')}
              </button>
            </>
          )}
        </p>
        {rights.dispose && threads.length > 0 && (
          <p className="threads-panel__keys muted">
            <FormattedMessage id="threads.keys" values={{ kbd: keyName }} />
          </p>
        )}
        {empty}
        <ThreadList rows={rows} setSize={threads.length} scroller={scroller} />
      </div>
    </aside>
  );
}
