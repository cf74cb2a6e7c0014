/** Deadlines in the deployment's zone: end of day, labels, and whether a reader's clock differs. */
import { describe, expect, it } from 'vitest';
import { endOfDayIn, formatInZone, isTimeZone, sameClock } from '../../shared/timeZone.ts';
import { parseConfig } from '../../server/config.ts';

describe('time zones', () => {
  it('puts the end of a day at 23:59:59 in the zone, winter and summer', () => {
    expect(endOfDayIn('2026-12-04', 'Europe/Paris')).toBe('2026-12-04T22:59:59.000Z');
    expect(endOfDayIn('2026-07-04', 'Europe/Paris')).toBe('2026-07-04T21:59:59.000Z');
    expect(endOfDayIn('2026-12-04', 'Asia/Tbilisi')).toBe('2026-12-04T19:59:59.000Z');
    expect(endOfDayIn('2026-12-04', 'UTC')).toBe('2026-12-04T23:59:59.000Z');
    // The day summer time ends in Paris (25 October 2026): still 23:59:59 local, UTC+1 by then.
    expect(endOfDayIn('2026-10-25', 'Europe/Paris')).toBe('2026-10-25T22:59:59.000Z');
    expect(endOfDayIn('4 December', 'Europe/Paris')).toBeNull();
  });

  it('labels the time with its zone', () => {
    expect(formatInZone('2026-12-04T22:59:59.000Z', 'Europe/Paris')).toBe('4 December 2026, 23:59 CET');
    expect(formatInZone('2026-12-04T22:59:59.000Z', 'Asia/Tbilisi')).toBe('5 December 2026, 02:59 GMT+4');
  });

  it('tells whether a reader’s clock differs, and which names are zones', () => {
    expect(sameClock('2026-12-04T22:59:59.000Z', 'Europe/Paris', 'Europe/Brussels')).toBe(true);
    expect(sameClock('2026-12-04T22:59:59.000Z', 'Europe/Paris', 'Asia/Tbilisi')).toBe(false);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('is configured once: TIME_ZONE, Europe/Paris by default, and e-mails follow it unless told otherwise', () => {
    expect(parseConfig({}).timeZone).toBe('Europe/Paris');
    expect(parseConfig({}).mail.timeZone).toBe('Europe/Paris');
    expect(parseConfig({ TIME_ZONE: 'Asia/Tbilisi' }).mail.timeZone).toBe('Asia/Tbilisi');
    expect(parseConfig({ TIME_ZONE: 'Asia/Tbilisi', MAIL_TIME_ZONE: 'UTC' }).mail.timeZone).toBe('UTC');
    expect(() => parseConfig({ TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE must be an IANA time zone/);
  });
});
