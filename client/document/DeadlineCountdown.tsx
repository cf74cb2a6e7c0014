/**
 * When comments close, and how long is left, while the consultation is open with a deadline. The
 * time left is refreshed every half minute; it is not a live region (a ticking announcement would
 * drown everything else), and the panel says so once when commenting closes.
 */
import { FormattedMessage } from 'react-intl';
import type { DocumentDetail } from '../../shared/api.ts';
import { formatDeadline } from '../format.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import type { MessageKey } from '../../shared/i18n/en.ts';
import type { MessageValues } from '../i18n/intl.ts';
import { useNow } from '../threads/useNow.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days left", "5 h 20 min left", "12 min left", "less than a minute left". */
export function timeLeft(ms: number, t: (key: MessageKey, values?: MessageValues) => string): string {
  if (ms >= 2 * DAY) return t('countdown.days', { days: Math.floor(ms / DAY) });
  if (ms >= DAY) return t('countdown.dayHours', { hours: Math.floor((ms - DAY) / HOUR) });
  if (ms >= HOUR) return t('countdown.hoursMinutes', { hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) });
  if (ms >= MINUTE) return t('countdown.minutes', { minutes: Math.floor(ms / MINUTE) });
  return t('countdown.lessThanMinute');
}

export function DeadlineCountdown({ detail }: { detail: Pick<DocumentDetail, 'phase' | 'deadline'> }) {
  const t = useT();
  const now = useNow(30_000, detail.deadline);
  const deadline = detail.phase === 'consultation' ? formatDeadline(detail.deadline, now) : null;
  if (!deadline) return null;
  const left = Date.parse(deadline.iso) - now;
  return (
    <span className={`docbar__deadline${deadline.passed ? ' docbar__deadline--passed' : left < DAY ? ' docbar__deadline--soon' : ''}`} data-testid="deadline">
      <FormattedMessage id={deadline.passed ? 'countdown.closed' : 'countdown.until'} values={{ date: <time dateTime={deadline.iso}>{deadline.text}</time> }} />
      {!deadline.passed && <span className="docbar__countdown"> · {timeLeft(left, t)}</span>}
    </span>
  );
}
