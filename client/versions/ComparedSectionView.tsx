/**
 * One section of a comparison: whether it was added, removed, changed or left alone, what happened
 * to its number and heading, its words as a redline, and the answered comments that led to it.
 */
import { THREAD_STATUS_LABELS, type ThreadStatus } from '../../shared/domain.ts';
import { Redline } from './Redline.tsx';
import type { ChangeCause, ComparedSection, SectionChange } from './versionsApi.ts';

export const CHANGE_LABELS: Record<SectionChange, { label: string; tone: string }> = {
  added: { label: 'Added', tone: 'tag--good' },
  removed: { label: 'Removed', tone: 'tag--bad' },
  changed: { label: 'Changed', tone: 'tag--warn' },
  unchanged: { label: 'Unchanged', tone: '' },
};

function Causes({ threads }: { threads: readonly ChangeCause[] }) {
  return (
    <div className="change-causes">
      <h4 className="change-causes__title">{threads.length === 1 ? 'The comment that led to this change' : `The ${threads.length} comments that led to this change`}</h4>
      <ul className="change-causes__list">
        {threads.map((t) => (
          <li key={t.id} className="change-cause">
            <p className="change-cause__meta">
              <strong>{t.author}</strong> · {THREAD_STATUS_LABELS[t.status as ThreadStatus] ?? t.status}
              {t.applied && ' · proposed wording put into the text'}
            </p>
            <p className="change-cause__text">{t.body}</p>
            {t.response && (
              <p className="change-cause__response">
                <span className="change-cause__label">Working group’s answer: </span>
                {t.response}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ComparedSectionView({ section: s }: { section: ComparedSection }) {
  const change = CHANGE_LABELS[s.change];
  return (
    <article className={`compared compared--${s.change}`} data-testid="compared-section" data-change={s.change} aria-labelledby={`compared-${s.id}`}>
      <div className="compared__head">
        <h3 id={`compared-${s.id}`} className={`compared__title compared__title--level-${s.level}`}>
          <span className="compared__number">{s.number}</span> {s.title}
        </h3>
        <span className={`tag ${change.tone}`}>{change.label}</span>
      </div>
      {(s.previousNumber || s.titleDiff) && (
        <ul className="compared__notes">
          {s.previousNumber && (
            <li>
              Renumbered: was {s.previousNumber}, now {s.number}.
            </li>
          )}
          {s.titleDiff && (
            <li>
              Heading reworded: <Redline parts={s.titleDiff} />
            </li>
          )}
        </ul>
      )}
      {s.diff.length > 0 ? <Redline parts={s.diff} testId="redline" /> : <p className="muted">This section has no text of its own, only a heading.</p>}
      {s.threads.length > 0 && <Causes threads={s.threads} />}
    </article>
  );
}
