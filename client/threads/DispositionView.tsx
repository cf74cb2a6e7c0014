/**
 * What the working group answered, as the author and everyone else read it: status, reasoning, who
 * answered and when, the assignee, whether the wording was applied, and the author's reaction.
 */
import type { Thread } from '../../shared/api.ts';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/LanguageProvider.tsx';
import { StatusBadge } from './Badges.tsx';
import { fullTime, shortTime } from './format.ts';
import { useReview } from './ReviewContext.tsx';
import { UndoApplyButton } from './UndoApply.tsx';

export function DispositionView({ thread }: { thread: Thread }) {
  const { nameOf, rights } = useReview();
  const t = useT();
  const last = thread.dispositions.at(-1);
  const assignee = thread.assigneeId ? (nameOf(thread.assigneeId) ?? t('threads.view.aMember')) : null;
  return (
    <div className={`disposition-view disposition-view--${thread.status}`} data-testid="disposition-view">
      <p className="disposition-view__status">
        <StatusBadge status={thread.status} />
        {last && thread.status !== 'open' && (
          <span className="disposition-view__by">
            <FormattedMessage
              id="threads.view.by"
              values={{
                name: last.by,
                time: (
                  <time dateTime={last.at} title={fullTime(last.at)}>
                    {shortTime(last.at)}
                  </time>
                ),
              }}
            />
          </span>
        )}
      </p>
      {thread.response && (
        <p className="disposition-view__response" data-testid="disposition-response">
          <span className="visually-hidden">{t('threads.view.responseLabel')}</span>
          {thread.response}
        </p>
      )}
      {assignee && <p className="disposition-view__assignee">{t('threads.view.assignedTo', { name: assignee })}</p>}
      {thread.applied && (
        <p className="disposition-view__applied" data-testid="applied-marker">
          <span aria-hidden="true">✓ </span>
          <FormattedMessage id="threads.view.applied" values={{ name: thread.applied.by, time: <time dateTime={thread.applied.at}>{shortTime(thread.applied.at)}</time> }} />
          {rights.apply && (
            <>
              {' '}
              <UndoApplyButton thread={thread} />
            </>
          )}
        </p>
      )}
      {thread.authorReaction && (
        <p className={`disposition-view__reaction disposition-view__reaction--${thread.authorReaction.reaction}`} data-testid="author-reaction">
          {t(thread.authorReaction.reaction === 'accepts' ? 'threads.view.accepts' : 'threads.view.maintains')}
          {thread.authorReaction.statement && <span className="disposition-view__statement"> {t('threads.view.statement', { statement: thread.authorReaction.statement })}</span>}
        </p>
      )}
    </div>
  );
}
