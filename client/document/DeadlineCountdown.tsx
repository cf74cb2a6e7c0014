/**
 * When comments close, and how long is left, while the consultation is open with a deadline. The
 * time left is refreshed every half minute; it is not a live region (a ticking announcement would
 * drown everything else), and the panel says so once when commenting closes.
 */
import type { DocumentDetail } from '../../shared/api.ts';
import { formatDeadline } from '../format.ts';
import { useNow } from '../threads/useNow.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days left", "5 h 20 min left", "12 min left", "less than a minute left". */
export function timeLeft(ms: number): string {
  if (ms >= 2 * DAY) return `${Math.floor(ms / DAY)} days left`;
  if (ms >= DAY) return `1 day ${Math.floor((ms - DAY) / HOUR)} h left`;
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)} h ${Math.floor((ms % HOUR) / MINUTE)} min left`;
  if (ms >= MINUTE) return `${Math.floor(ms / MINUTE)} min left`;
  return 'less than a minute left';
}

export function DeadlineCountdown({ detail }: { detail: Pick<DocumentDetail, 'phase' | 'deadline'> }) {
  const now = useNow(30_000, detail.deadline);
  const deadline = detail.phase === 'consultation' ? formatDeadline(detail.deadline, now) : null;
  if (!deadline) return null;
  const left = Date.parse(deadline.iso) - now;
  return (
    <span className={`docbar__deadline${deadline.passed ? ' docbar__deadline--passed' : left < DAY ? ' docbar__deadline--soon' : ''}`} data-testid="deadline">
      {deadline.passed ? 'Comments closed ' : 'Comments until '}
      <time dateTime={deadline.iso}>{deadline.text}</time>
      {!deadline.passed && <span className="docbar__countdown"> · {timeLeft(left)}</span>}
    </span>
  );
}
