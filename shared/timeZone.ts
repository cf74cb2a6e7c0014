/**
 * Deadlines in the deployment's time zone. A consultation closes at one instant for everyone; the
 * Secretariat chooses "end of 4 December" in the organisation's zone (TIME_ZONE, default
 * Europe/Paris), and everyone reads that zone, labelled ("23:59 CET"), with their own local time
 * beside it when it differs. Plain Intl: no time zone data of our own.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function isTimeZone(name: string): boolean {
  try {
    // Throws a RangeError for a name that is not a zone.
    return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of 23:59:59 on a day ("2026-12-04") in the zone, as ISO 8601; null for a non-date. */
export function endOfDayIn(day: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  if (Number.isNaN(wall)) return null;
  // The offset at the guessed instant, then again at the corrected one (a change of summer time).
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** "4 December 2026, 23:59 CET" in the zone. */
export function formatInZone(iso: string, timeZone: string, locale = 'en-GB'): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(date);
  return `${day}, ${time}`;
}

/** Whether two zones show a different wall-clock time at that instant. */
export function sameClock(iso: string, a: string, b: string): boolean {
  const instant = Date.parse(iso);
  return offsetMinutes(instant, a) === offsetMinutes(instant, b);
}
