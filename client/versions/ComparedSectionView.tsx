/**
 * One section of a comparison: whether it was added, removed, changed or left alone, what happened
 * to its number and heading, its words as a redline, and the answered comments that led to it.
 */
import { THREAD_STATUSES, type ThreadStatus } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { Redline } from './Redline.tsx';
import type { ChangeCause, ComparedSection, SectionChange } from './versionsApi.ts';

const isThreadStatus = (status: string): status is ThreadStatus => (THREAD_STATUSES as readonly string[]).includes(status);

/** The colour of each kind of change; its word is `change.<kind>` in the catalogues. */
export const CHANGE_TONES: Record<SectionChange, string> = {
  added: 'tag--good',
  removed: 'tag--bad',
  changed: 'tag--warn',
  unchanged: '',
};

function Causes({ threads }: { threads: readonly ChangeCause[] }) {
  const t = useT();
  return (
    <div className="change-causes">
      <h4 className="change-causes__title">{t('causes.title', { count: threads.length })}</h4>
      <ul className="change-causes__list">
        {threads.map((cause) => (
          <li key={cause.id} className="change-cause">
            <p className="change-cause__meta">
              <strong>{cause.author}</strong> · {isThreadStatus(cause.status) ? t(`status.${cause.status}`) : cause.status}
              {cause.applied && ` · ${t('causes.applied')}`}
            </p>
            <p className="change-cause__text">{cause.body}</p>
            {cause.response && (
              <p className="change-cause__response">
                <span className="change-cause__label">{t('causes.answer')}</span>
                {cause.response}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ComparedSectionView({ section: s }: { section: ComparedSection }) {
  const t = useT();
  return (
    <article className={`compared compared--${s.change}`} data-testid="compared-section" data-change={s.change} aria-labelledby={`compared-${s.id}`}>
      <div className="compared__head">
        <h3 id={`compared-${s.id}`} className={`compared__title compared__title--level-${s.level}`}>
          <span className="compared__number">{s.number}</span> {s.title}
        </h3>
        <span className={`tag ${CHANGE_TONES[s.change]}`}>{t(`change.${s.change}`)}</span>
      </div>
      {(s.previousNumber || s.titleDiff) && (
        <ul className="compared__notes">
          {s.previousNumber && (
            <li>{t('compared.renumbered', { before: s.previousNumber, after: s.number })}</li>
          )}
          {s.titleDiff && (
            <li>
              {t('compared.reworded')}
              <Redline parts={s.titleDiff} />
            </li>
          )}
        </ul>
      )}
      {s.diff.length > 0 ? <Redline parts={s.diff} testId="redline" /> : <p className="muted">{t('compared.noText')}</p>}
      {s.threads.length > 0 && <Causes threads={s.threads} />}
    </article>
  );
}
