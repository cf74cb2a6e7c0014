/**
 * What the working group answered, as the author and everyone else read it: status, reasoning, who
 * answered and when, the assignee, whether the wording was applied, and the author's reaction.
 */
import type { Thread } from '../../shared/api.ts';
import { StatusBadge } from './Badges.tsx';
import { fullTime, shortTime } from './format.ts';
import { useReview } from './ReviewContext.tsx';
import { UndoApplyButton } from './UndoApply.tsx';

export function DispositionView({ thread }: { thread: Thread }) {
  const { nameOf, rights } = useReview();
  const last = thread.dispositions.at(-1);
  const assignee = thread.assigneeId ? (nameOf(thread.assigneeId) ?? 'a working-group member') : null;
  return (
    <div className={`disposition-view disposition-view--${thread.status}`} data-testid="disposition-view">
      <p className="disposition-view__status">
        <StatusBadge status={thread.status} />
        {last && thread.status !== 'open' && (
          <span className="disposition-view__by">
            by {last.by}, <time dateTime={last.at} title={fullTime(last.at)}>{shortTime(last.at)}</time>
          </span>
        )}
      </p>
      {thread.response && (
        <p className="disposition-view__response" data-testid="disposition-response">
          <span className="visually-hidden">The working group’s response: </span>
          {thread.response}
        </p>
      )}
      {assignee && <p className="disposition-view__assignee">Assigned to {assignee}</p>}
      {thread.applied && (
        <p className="disposition-view__applied" data-testid="applied-marker">
          <span aria-hidden="true">✓ </span>Wording applied to the text by {thread.applied.by},{' '}
          <time dateTime={thread.applied.at}>{shortTime(thread.applied.at)}</time>
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
          {thread.authorReaction.reaction === 'accepts' ? 'The author accepts this answer.' : 'The author maintains their objection.'}
          {thread.authorReaction.statement && <span className="disposition-view__statement"> “{thread.authorReaction.statement}”</span>}
        </p>
      )}
    </div>
  );
}
