/**
 * One comment in the list. Closed, it shows what is needed to scan: the words, who, the comment
 * (cut short), its status and counts. Open (the active thread), it shows everything and the
 * actions the person may take. The card is the list's tab stop; see ThreadList for its keys.
 */
import { memo, useId, type MouseEvent } from 'react';
import { useT } from '../i18n/LanguageProvider.tsx';
import { KindBadge, StatusBadge } from './Badges.tsx';
import { useIsHovered } from './hoverStore.ts';
import { useReview } from './ReviewContext.tsx';
import { isOwn } from './rights.ts';
import { ThreadAuthorLine } from './ThreadAuthorLine.tsx';
import { ThreadDetails } from './ThreadDetails.tsx';
import { ThreadQuote } from './ThreadQuote.tsx';
import type { PlacedThread } from './types.ts';

interface ThreadCardProps {
  placed: PlacedThread;
  position: number;
  setSize: number;
  tabbable: boolean;
  /** Changes when the disposition form should take the focus (keyboard open, save and next). */
  formFocus: number;
  onFocusCard: () => void;
  onSaveAndNext: (id: string) => void;
}

const INTERACTIVE = 'button, a, input, textarea, select, label, summary, .thread-details';

export const ThreadCard = memo(function ThreadCard({ placed, position, setSize, tabbable, formFocus, onFocusCard, onSaveAndNext }: ThreadCardProps) {
  const review = useReview();
  const t = useT();
  const { thread } = placed;
  const active = review.activeId === thread.id;
  const hovered = useIsHovered(review.hover, thread.id);
  const labelId = useId();
  const own = isOwn(thread, review.rights.person);
  const checked = review.selected.has(thread.id);

  const toggle = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    if (active) review.closeThread();
    else review.openThread(thread.id, { revealText: true });
  };

  const select = (on: boolean) => {
    const next = new Set(review.selected);
    if (on) next.add(thread.id);
    else next.delete(thread.id);
    review.setSelected(next);
  };

  const classes = ['thread-card', `thread-card--${thread.status === 'open' ? 'open' : 'answered'}`];
  if (active) classes.push('thread-card--active');
  if (hovered) classes.push('thread-card--hover');
  if (checked) classes.push('thread-card--checked');

  return (
    // The list's articles are its focusable items; the card opens on a click anywhere outside its
    // controls, and keyboard users press Enter (handled for the whole feed in ThreadList).
    // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <article
      className={classes.join(' ')}
      data-card={thread.id}
      data-testid="thread-card"
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the list's articles are its roving tab stops
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={labelId}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-current={active ? 'true' : undefined}
      onClick={toggle}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusCard();
      }}
      onMouseEnter={() => review.hover.set(thread.id)}
      onMouseLeave={() => review.hover.set(null)}
    >
      <h4 id={labelId} className="visually-hidden">
        {t(own ? 'threads.cardLabelOwn' : 'threads.cardLabel', { ref: thread.ref, position, total: setSize, name: thread.author.name })}
      </h4>
      <div className="thread-card__top">
        {review.rights.dispose && (
          <input
            type="checkbox"
            className="thread-card__check"
            checked={checked}
            aria-label={t('threads.select', { ref: thread.ref })}
            onChange={(event) => select(event.target.checked)}
          />
        )}
        <ThreadQuote placed={placed} clamp={!active} />
      </div>
      <ThreadAuthorLine thread={thread} own={own} />
      <p className={`thread-card__body${active ? '' : ' thread-card__body--clamped'}`}>{thread.body}</p>
      {!active && (
        <p className="thread-card__facts">
          <StatusBadge status={thread.status} />
          <KindBadge kind={thread.kind} />
          {thread.proposedText && <span className="thread-card__fact">{t('threads.proposesWording')}</span>}
          {thread.replies.length > 0 && <span className="thread-card__fact">{t('threads.replies', { count: thread.replies.length })}</span>}
          {thread.endorsements.length > 0 && <span className="thread-card__fact">{t('threads.endorsements', { count: thread.endorsements.length })}</span>}
          {thread.applied && <span className="thread-card__fact thread-card__fact--applied">{t('threads.wordingApplied')}</span>}
        </p>
      )}
      {active && <ThreadDetails placed={placed} formFocus={formFocus} onSaveAndNext={onSaveAndNext} />}
    </article>
  );
});
