/**
 * The comments, grouped by section, with one roving tab stop: Tab enters the list
 * at the current comment, j/k or the arrow keys move, Enter opens (and puts a working-group member
 * in its disposition form), x selects for a bulk answer, Escape closes. Only visible rows are
 * rendered (useVirtualRows). Not an ARIA feed: a feed may hold nothing but articles, and this list
 * has the sections' headings between them (and is empty at first); each comment is still an article
 * that says its place in the list (aria-posinset/aria-setsize), since only some are in the page.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ListRow } from './listRows.ts';
import { useReview } from './ReviewContext.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { useVirtualRows } from './useVirtualRows.ts';

const estimateFor = (active: string | null) => (key: string) => (key.startsWith('s:') ? 52 : key === `t:${active}` ? 560 : 168);

const NEXT: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

interface ThreadListProps {
  rows: ListRow[];
  setSize: number;
  scroller: RefObject<HTMLDivElement | null>;
}

export function ThreadList({ rows, setSize, scroller }: ThreadListProps) {
  const review = useReview();
  const t = useT();
  const { activeId, openThread, closeThread, focusRequest, rights, selected, setSelected, hover } = review;
  const listRef = useRef<HTMLElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [formFocus, setFormFocus] = useState<{ id: string; serial: number } | null>(null);
  const pendingFocus = useRef<{ id: string; focus: boolean } | null>(null);

  const keys = rows.map((row) => row.key);
  const threadIds = rows.flatMap((row) => (row.type === 'thread' ? [row.placed.thread.id] : []));
  const current = focusId && threadIds.includes(focusId) ? focusId : (threadIds[0] ?? null);
  const currentIndex = current ? keys.indexOf(`t:${current}`) : -1;
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- a new estimate only when the open card changes
  const estimate = useCallback(estimateFor(activeId), [activeId]);
  const virtual = useVirtualRows({ keys, estimate, scroller, list: listRef }, currentIndex);

  /** Moves the roving tab stop to a thread, scrolls it into view and (unless asked not to) focuses it. */
  const goTo = useCallback(
    (id: string, focus = true) => {
      setFocusId(id);
      pendingFocus.current = { id, focus };
      const index = keys.indexOf(`t:${id}`);
      if (index >= 0) virtual.scrollTo(index);
    },
    [keys, virtual],
  );

  useEffect(() => {
    if (focusRequest) goTo(focusRequest.id, !focusRequest.scrollOnly);
    // Only a new request moves the focus; goTo changes with every render.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  // After the row is rendered (it may not have been), put the focus on it.
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const card = listRef.current?.querySelector<HTMLElement>(`[data-card="${CSS.escape(pending.id)}"]`);
    if (!card) return;
    pendingFocus.current = null;
    const index = keys.indexOf(`t:${pending.id}`);
    if (index >= 0) virtual.scrollTo(index);
    if (pending.focus) card.focus({ preventScroll: true });
  });

  const saveAndNext = useCallback(
    (id: string) => {
      const index = threadIds.indexOf(id);
      const next = threadIds[index + 1] ?? null;
      if (!next) {
        closeThread();
        goTo(id);
        review.announce(t('threads.lastInList'));
        return;
      }
      openThread(next, { revealText: true });
      goTo(next);
      setFormFocus((f) => ({ id: next, serial: (f?.serial ?? 0) + 1 }));
    },
    [threadIds, openThread, closeThread, goTo, review, t],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const card = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-card]') : null;
    const id = card?.dataset.card;
    if (!card || !id) return;
    if (event.key === 'Escape' && activeId === id) {
      event.preventDefault();
      closeThread();
      card.focus();
      return;
    }
    // Everything else only from the card itself, never from a field inside it.
    if (event.target !== card || event.ctrlKey || event.altKey || event.metaKey) return;
    const step = NEXT[event.key];
    const index = threadIds.indexOf(id);
    let target: string | undefined;
    if (step) target = threadIds[index + step];
    else if (event.key === 'Home') target = threadIds[0];
    else if (event.key === 'End') target = threadIds[threadIds.length - 1];
    if (target) {
      event.preventDefault();
      goTo(target);
      hover.set(target);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (activeId === id && !rights.dispose) closeThread();
      else {
        openThread(id, { revealText: true });
        setFormFocus((f) => ({ id, serial: (f?.serial ?? 0) + 1 }));
      }
    } else if (event.key === 'x' && rights.dispose) {
      event.preventDefault();
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setSelected(next);
    }
  };

  return (
    // The list's keys are handled here for all its cards (roving focus); the cards are the tab stops.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      ref={listRef}
      className="thread-list"
      aria-label={t('threads.title')}
      aria-busy={review.loadStatus === 'loading'}
      style={{ height: virtual.total }}
      onKeyDown={onKeyDown}
      data-testid="thread-list"
    >
      {virtual.indexes.map((index) => {
        const row = rows[index]!;
        return (
          <div key={row.key} ref={virtual.measure} data-key={row.key} data-index={index} className="thread-list__row" style={{ top: virtual.offsets[index] }}>
            {row.type === 'section' ? (
              <h3 className="thread-list__section">
                <span className="thread-list__section-number">{row.section?.number ?? ''}</span>
                <span className="thread-list__section-title">{row.section?.title || t('threads.untitledSection')}</span>
                <span className="thread-list__section-count">
                  <span aria-hidden="true">{t('threads.count', { count: row.count })}</span>
                  <span className="visually-hidden">{t('threads.sectionCount', { count: row.count })}</span>
                </span>
              </h3>
            ) : (
              <ThreadCard
                placed={row.placed}
                position={row.position}
                setSize={setSize}
                tabbable={row.placed.thread.id === current}
                formFocus={formFocus?.id === row.placed.thread.id ? formFocus.serial : 0}
                onFocusCard={() => setFocusId(row.placed.thread.id)}
                onSaveAndNext={saveAndNext}
              />
            )}
          </div>
        );
      })}
    </section>
  );
}
