/** The mail module's pure parts: unsubscribe tokens, header safety, digest times, the time a reminder states, SMTP_URL checks. */
import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, unsubscribeToken } from '../../server/mail/unsubscribe.ts';
import { headerSafe, safeAddress } from '../../server/mail/mime.ts';
import { digestTimeAfter, roundedTimeLeft } from '../../server/mail/scheduler.ts';
import { classifyFailure } from '../../server/mail/transport.ts';
import { parseConfig } from '../../server/config.ts';

describe('unsubscribe tokens', () => {
  it('read back what they were made for, and nothing forged', () => {
    const token = unsubscribeToken('secret-1', '7f1c2a3b-0000-4000-8000-000000000001', 'reply');
    expect(readUnsubscribeToken('secret-1', token)).toEqual({ personId: '7f1c2a3b-0000-4000-8000-000000000001', kind: 'reply' });
    expect(readUnsubscribeToken('secret-2', token)).toBeNull();
    const [payload, signature] = token.split('.');
    const other = Buffer.from('7f1c2a3b-0000-4000-8000-000000000001 adopted').toString('base64url');
    expect(readUnsubscribeToken('secret-1', `${other}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken('secret-1', `${payload}`)).toBeNull();
    expect(readUnsubscribeToken('secret-1', `${token}.x`)).toBeNull();
    expect(readUnsubscribeToken('secret-1', 'x'.repeat(400))).toBeNull();
  });
});

describe('header safety', () => {
  it('makes one line of anything, and refuses addresses that are not one', () => {
    expect(headerSafe('Eve\r\nBcc: evil@example.net\u0000\u2028X: y')).toBe('Eve Bcc: evil@example.net X: y');
    expect(safeAddress(' ana@example.org ')).toBe('ana@example.org');
    for (const bad of ['a@b.org\r\nBcc: c@d.org', 'a@b.org, c@d.org', '<a@b.org>', 'no-at-sign']) expect(() => safeAddress(bad)).toThrow(/address/i);
  });
});

describe('scheduling', () => {
  it('sends the digest at the next digest hour after the oldest item', () => {
    expect(new Date(digestTimeAfter('2030-03-04T10:00:00.000Z', 7)).toISOString()).toBe('2030-03-05T07:00:00.000Z');
    expect(new Date(digestTimeAfter('2030-03-04T06:59:00.000Z', 7)).toISOString()).toBe('2030-03-04T07:00:00.000Z');
    expect(new Date(digestTimeAfter('2030-03-04T07:00:00.000Z', 7)).toISOString()).toBe('2030-03-05T07:00:00.000Z');
  });

  it('states the time really left', () => {
    expect([72, 71.9, 50, 36, 30, 24, 23.9, 22, 21.6, 2, 0.2].map(roundedTimeLeft)).toEqual([72, 72, 48, 48, 24, 24, 24, 24, 22, 2, 1]);
  });
});

describe('SMTP failures', () => {
  it('are permanent only for a 5xx answer', () => {
    expect(classifyFailure({ responseCode: 550, response: '550 No such user' })).toMatchObject({ permanent: true, message: '550 No such user' });
    expect(classifyFailure({ responseCode: 451, response: '451 Try later' })).toMatchObject({ permanent: false });
    expect(classifyFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toMatchObject({ permanent: false });
    expect(classifyFailure({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toMatchObject({ permanent: false, message: 'ETIMEDOUT: Greeting never received' });
  });
});

describe('mail configuration', () => {
  it('accepts smtp:// and smtps:// URLs and says what is wrong with others', () => {
    expect(parseConfig({ SMTP_URL: 'smtps://user%40example.org:p%3Ass@mail.example.org:465' }).mail.smtpUrl).toBe('smtps://user%40example.org:p%3Ass@mail.example.org:465');
    expect(parseConfig({}).mail.smtpUrl).toBeUndefined();
    expect(() => parseConfig({ SMTP_URL: 'mail.example.org:25' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(() => parseConfig({ SMTP_URL: 'smtp//mail' })).toThrow(/SMTP_URL is not a URL/);
    expect(() => parseConfig({ MAIL_FROM: 'Accord\r\nBcc: x@y.org <a@b.org>' })).toThrow(/MAIL_FROM/);
    expect(() => parseConfig({ MAIL_TIME_ZONE: 'Mars/Olympus' })).toThrow(/MAIL_TIME_ZONE/);
    expect(() => parseConfig({ MAIL_REMINDER_HOURS: '72,soon' })).toThrow(/MAIL_REMINDER_HOURS/);
    expect(parseConfig({ MAIL_REMINDER_HOURS: '24,72,24' }).mail.reminderHours).toEqual([72, 24]);
  });

  it('kills the process at a mail moment only when the test-only variable names one', () => {
    expect(parseConfig({}).mail.crashAt).toBeUndefined();
    expect(parseConfig({ ACCORD_TEST_CRASH_AT: 'mail-held' }).mail.crashAt).toBe('mail-held');
    expect(() => parseConfig({ ACCORD_TEST_CRASH_AT: 'anywhere' })).toThrow(/ACCORD_TEST_CRASH_AT/);
  });
});
