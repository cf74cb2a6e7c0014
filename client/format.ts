/**
 * How deadlines and names are written for people, in the interface's language. Deadlines are in the
 * deployment's time zone (the server says which with the session), labelled, with the reader's own
 * time beside them when their clock differs.
 */
import { DEFAULT_TIME_ZONE, endOfDayIn, formatInZone, sameClock } from '../shared/timeZone.ts';
import { LOCALES } from './components/dates.ts';
import { currentLanguage, t } from './i18n/intl.ts';

let deploymentTimeZone = DEFAULT_TIME_ZONE;

export function setDeploymentTimeZone(timeZone: string): void {
  deploymentTimeZone = timeZone;
}

const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface DeadlineText {
  /** "4 December 2026, 23:59 CET", and "(your time: 5 December 2026, 01:59 GMT+3)" when it differs. */
  text: string;
  passed: boolean;
  iso: string;
}

export function formatDeadline(iso: string | null, now = Date.now()): DeadlineText | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const reader = readerTimeZone();
  const locale = LOCALES[currentLanguage()];
  const deadline = formatInZone(iso, deploymentTimeZone, locale);
  const text = reader && !sameClock(iso, deploymentTimeZone, reader) ? t('deadline.withLocalTime', { deadline, local: formatInZone(iso, reader, locale) }) : deadline;
  return { text, passed: date.getTime() < now, iso };
}

/** The deployment's time zone, as people read it ("Europe/Paris"). */
export const deploymentZoneName = (): string => deploymentTimeZone;

/** The end of a chosen day ("2026-12-04") in the deployment's time zone, as ISO 8601. */
export function endOfDay(day: string): string | null {
  return endOfDayIn(day, deploymentTimeZone);
}

/** Two letters for an avatar: first and last word of the name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
