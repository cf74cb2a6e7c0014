/**
 * Reminders before a deadline, against a real SMTP server (smtp-server on port 0) with a fake clock:
 * once each, only to those who have not yet commented, across restarts and moved deadlines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_IDS, type TestServer } from '../helpers/testServer.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { startMailServer } from '../helpers/mailServer.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer | undefined;
let smtp: SmtpPeer | undefined;

afterEach(async () => {
  await t?.close();
  await smtp?.close();
  t = undefined;
  smtp = undefined;
});

async function commentOn(server: TestServer, cookie: string, body = 'Please clarify this section.') {
  const sectionId = (await server.api('GET', `/api/documents/${DOC}`, { cookie: server.adminCookie })).body.sections[0].id;
  const res = await server.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId, kind: 'general', body } });
  expect(res.status).toBe(201);
}

describe('reminders before the deadline', () => {
  it('go once, to participants who have not commented, with a fake clock and across a restart', async () => {
    smtp = await startSmtpPeer();
    let now = new Date();
    const clock = () => now;
    t = await startMailServer({ smtpUrl: smtp.url, clock });
    const commented = await t.person({ name: 'Has Commented', email: 'commented@example.org' });
    const silent = await t.person({ name: 'Still Silent', email: 'silent@example.org' });
    const optedOut = await t.person({ name: 'Opted Out', email: 'optedout@example.org' });
    await t.person({ name: 'A Reviewer', email: 'reviewer@example.org', role: 'reviewer' });
    expect((await t.api('PATCH', '/api/session', { cookie: optedOut.cookie, body: { notifications: { 'deadline-reminder': 'never' } } })).status).toBe(200);
    await commentOn(t, commented.cookie);

    const deadline = new Date(now.getTime() + 5 * 24 * 3600_000);
    deadline.setUTCMinutes(0, 0, 0);
    await t.setPhase(DOC, 'consultation', deadline.toISOString());
    await t.server.services.mail.tick();
    expect(smtp.received).toHaveLength(0);

    now = new Date(deadline.getTime() - 71.9 * 3600_000);
    await t.server.services.mail.tick();
    await t.server.services.mail.tick();
    const [first] = await smtp.waitFor(1);
    expect(first!.envelope.to).toEqual(['silent@example.org']);
    expect(first!.parsed.subject).toMatch(/ 3 days left to comment$/);
    // Stated in the deployment's zone (TIME_ZONE, Europe/Paris by default), labelled.
    expect(first!.parsed.text).toMatch(/\(Europe\/Paris, GMT\+0[12]:00\)/);

    await t.restart();
    await t.server.services.mail.tick();
    now = new Date(deadline.getTime() - 23 * 3600_000);
    await t.server.services.mail.tick();
    await t.restart();
    await t.server.services.mail.tick();
    const received = await smtp.waitFor(2);
    await t.server.services.mail.flush();
    expect(received.map((m) => [m.envelope.to[0], m.parsed.subject!.replace(/^\[.*\] /, '')])).toEqual([
      ['silent@example.org', '3 days left to comment'],
      ['silent@example.org', '1 day left to comment'],
    ]);
    expect(silent.person.email).toBe('silent@example.org');
  });

  it('a moved deadline gets reminders of its own, and never one whose time had passed at the move', async () => {
    smtp = await startSmtpPeer();
    let now = new Date();
    t = await startMailServer({ smtpUrl: smtp.url, clock: () => now });
    await t.person({ name: 'Mover Reader', email: 'mover@example.org' });
    const hours = (h: number) => h * 3600_000;
    const first = new Date(now.getTime() + hours(120));
    await t.setPhase(DOC, 'consultation', first.toISOString());
    now = new Date(first.getTime() - hours(71.9));
    await t.server.services.mail.tick();
    await smtp.waitFor(1);

    const later = new Date(first.getTime() + hours(48));
    await t.setPhase(DOC, 'consultation', later.toISOString());
    await t.server.services.mail.tick();
    now = new Date(later.getTime() - hours(71.9));
    await t.server.services.mail.tick();
    // Each later move of the deadline also tells the participants ("New deadline: …").
    await smtp.waitFor(3);

    const sooner = new Date(now.getTime() + hours(30));
    await t.setPhase(DOC, 'consultation', sooner.toISOString());
    await t.server.services.mail.tick();
    now = new Date(sooner.getTime() - hours(23.9));
    await t.server.services.mail.tick();
    await t.server.services.mail.tick();
    const all = await smtp.waitFor(5);
    await t.server.services.mail.flush();
    const subjects = all.map((m) => m.parsed.subject!.replace(/^\[.*\] /, ''));
    expect(subjects.filter((s) => s.endsWith('left to comment'))).toEqual(['3 days left to comment', '3 days left to comment', '1 day left to comment']);
    expect(subjects.filter((s) => s.startsWith('New deadline: '))).toHaveLength(2);
  });

  it('after a long stop, sends only the nearest reminder, late, once', async () => {
    smtp = await startSmtpPeer();
    let now = new Date();
    t = await startMailServer({ smtpUrl: smtp.url, clock: () => now });
    await t.person({ name: 'Late Reader', email: 'late@example.org' });
    const deadline = new Date(now.getTime() + 5 * 24 * 3600_000);
    await t.setPhase(DOC, 'consultation', deadline.toISOString());
    now = new Date(deadline.getTime() - 2 * 3600_000);
    await t.server.services.mail.tick();
    await t.server.services.mail.tick();
    const [mail] = await smtp.waitFor(1);
    // It says the time really left, not the "3 days" it was meant to say.
    expect(mail!.parsed.subject).toMatch(/ 2 hours left to comment$/);
    await t.server.services.mail.flush();
    expect(smtp.received).toHaveLength(1);
  });

  it('a deadline moved across restarts: each reminder of the new deadline goes once, none is skipped', async () => {
    smtp = await startSmtpPeer();
    let now = new Date();
    t = await startMailServer({ smtpUrl: smtp.url, clock: () => now });
    await t.person({ name: 'Restart Reader', email: 'restart@example.org' });
    const hours = (h: number) => h * 3600_000;
    const first = new Date(now.getTime() + hours(100));
    await t.setPhase(DOC, 'consultation', first.toISOString());
    now = new Date(first.getTime() - hours(71.5));
    await t.server.services.mail.tick();
    await smtp.waitFor(1);

    // Stopped, the deadline moved two days later, stopped again before its reminders were due.
    await t.restart();
    const later = new Date(first.getTime() + hours(48));
    await t.setPhase(DOC, 'consultation', later.toISOString());
    await t.restart();
    await t.server.services.mail.tick();
    // Its 72-hour reminder is due after the next restart: it goes once, whatever the restarts.
    now = new Date(later.getTime() - hours(71.5));
    await t.restart();
    await t.server.services.mail.tick();
    await t.restart();
    await t.server.services.mail.tick();
    now = new Date(later.getTime() - hours(23.5));
    await t.restart();
    await t.server.services.mail.tick();
    await t.server.services.mail.tick();
    await smtp.waitFor(4);
    await t.server.services.mail.flush();
    const subjects = smtp.received.map((m) => m.parsed.subject!.replace(/^\[.*\] /, ''));
    expect(subjects.filter((s) => !s.startsWith('New deadline'))).toEqual(['3 days left to comment', '3 days left to comment', '1 day left to comment']);
    expect(subjects.filter((s) => s.startsWith('New deadline'))).toHaveLength(1);
  });
});
