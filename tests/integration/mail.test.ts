/**
 * E-mail against a real SMTP server (smtp-server on port 0): invitations whose link signs in, the
 * digest, answers (also one stored just before a crash), unsubscribe, header injection, phases and
 * one's own settings. Reminders: mailReminders.test.ts; sending and the outbox: mailDelivery.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_IDS, type TestServer } from '../helpers/testServer.ts';
import { rawHead, rawHeader, startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { linkIn, startMailServer } from '../helpers/mailServer.ts';

const DOC: string = SEED_IDS[0];
let t: TestServer | undefined;
let smtp: SmtpPeer | undefined;

afterEach(async () => {
  await t?.close();
  await smtp?.close();
  t = undefined;
  smtp = undefined;
});

const invite = (server: TestServer, body: Record<string, unknown>) =>
  server.api('POST', '/api/people', {
    cookie: server.adminCookie,
    body: { role: 'participant', country: 'FR', organisation: 'Ministère', stakeholder: 'government', ...body },
  });

async function firstSection(server: TestServer, documentId = DOC): Promise<string> {
  return (await server.api('GET', `/api/documents/${documentId}`, { cookie: server.adminCookie })).body.sections[0].id;
}

async function commentOn(server: TestServer, cookie: string, body = 'Please clarify this section.') {
  const res = await server.api('POST', `/api/documents/${DOC}/threads`, { cookie, body: { sectionId: await firstSection(server), kind: 'general', body } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('invitations', () => {
  it('e-mails the sign-in link in the person’s language, and the link from the e-mail signs them in', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    const res = await invite(t, { name: 'Claire Dubois', email: 'claire@example.fr', language: 'fr', sendInvitation: true });
    expect(res.status).toBe(201);
    expect(res.body.person.language).toBe('fr');
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['claire@example.fr']);
    expect(mail!.parsed.subject).toBe('Votre invitation à Accord');
    expect(mail!.parsed.text).toContain('Bonjour Claire Dubois,');
    expect(mail!.parsed.text).toContain('participant(e) à la consultation');
    expect(mail!.parsed.html).toContain('Se connecter à Accord');
    expect(mail!.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@127\.0\.0\.1>$/);
    // Invitations are always sent: no unsubscribe link.
    expect(rawHeader(mail!, 'List-Unsubscribe')).toBeNull();

    const link = linkIn(mail!.parsed.text!, /http:\/\/\S+\/join\/\S+/);
    const joined = await fetch(link, { redirect: 'manual' });
    expect(joined.status).toBe(302);
    const cookie = (joined.headers.get('set-cookie') ?? '').split(';')[0]!;
    const session = await t.api('GET', '/api/session', { cookie });
    expect(session.status).toBe(200);
    expect(session.body.person.name).toBe('Claire Dubois');
  });

  it('refuses an address that is not one, and sends nothing', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    for (const email of ['not-an-address', 'a@b.org\r\nBcc: x@y.org', 'a@b.org, c@d.org']) {
      const res = await invite(t, { name: 'Bad Address', email, sendInvitation: true });
      expect(res.status).toBe(400);
    }
    await t.server.services.mail.flush();
    expect(smtp.received).toHaveLength(0);
    expect((await t.api('GET', '/api/outbox', { cookie: t.adminCookie })).body.messages).toEqual([]);
  });

  it('sends the link shown in the new-link dialog by e-mail, keeping it valid', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    const invited = await invite(t, { name: 'Jan Novak', email: 'jan@example.cz' });
    const renewed = await t.api('POST', `/api/people/${invited.body.person.id}/invitation`, { cookie: t.adminCookie });
    const stale = await t.api('POST', `/api/people/${invited.body.person.id}/invitation/email`, { cookie: t.adminCookie, body: { token: invited.body.inviteToken } });
    expect(stale.status).toBe(409);
    const sent = await t.api('POST', `/api/people/${invited.body.person.id}/invitation/email`, { cookie: t.adminCookie, body: { token: renewed.body.inviteToken } });
    expect(sent.status).toBe(202);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe('Your new sign-in link for Accord');
    expect(mail!.parsed.text).toContain(renewed.body.inviteUrl);
    expect((await fetch(renewed.body.inviteUrl, { redirect: 'manual' })).status).toBe(302);
  });
});

describe('answers', () => {
  it('gathers answers into one daily digest', async () => {
    smtp = await startSmtpPeer();
    let now = new Date('2030-03-04T10:00:00Z');
    t = await startMailServer({ smtpUrl: smtp.url, clock: () => now });
    const author = await t.person({ name: 'Digest Reader', email: 'digest@example.org' });
    const wg = await t.person({ name: 'Working Group', email: 'wg@example.org', role: 'working-group' });
    const one = await commentOn(t, author.cookie, 'First comment about scope.');
    const two = await commentOn(t, author.cookie, 'Second comment about terms.');
    expect((await t.api('PATCH', `/api/threads/${one}`, { cookie: wg.cookie, body: { status: 'accepted', response: 'Agreed.' } })).status).toBe(200);
    expect((await t.api('PATCH', `/api/threads/${two}`, { cookie: wg.cookie, body: { status: 'noted', response: 'Noted for later.' } })).status).toBe(200);
    await t.server.services.mail.tick();
    expect(smtp.received).toHaveLength(0);

    now = new Date('2030-03-05T07:00:00Z');
    await t.server.services.mail.tick();
    await t.server.services.mail.tick();
    const [digest] = await smtp.waitFor(1);
    await t.server.services.mail.flush();
    expect(smtp.received).toHaveLength(1);
    expect(digest!.parsed.subject).toBe('Accord: 2 updates on your comments');
    expect(digest!.parsed.text).toContain('Your comment “First comment about scope.”: accepted.');
    expect(digest!.parsed.text).toContain('Your comment “Second comment about terms.”: noted.');
    expect(rawHeader(digest!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(rawHeader(digest!, 'List-Unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[\w-]+\.[\w-]+>$/);
  });

  it('sends "your comment was answered" at once to whoever asked for that', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    const author = await t.person({ name: 'At Once', email: 'atonce@example.org' });
    await t.api('PATCH', '/api/session', { cookie: author.cookie, body: { notifications: { 'comment-answered': 'immediately' } } });
    const wg = await t.person({ name: 'Working Group', email: 'wg2@example.org', role: 'working-group' });
    const id = await commentOn(t, author.cookie);
    await t.api('PATCH', `/api/threads/${id}`, { cookie: wg.cookie, body: { status: 'not-accepted', response: 'Out of scope.' } });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toMatch(/\] Your comment was answered$/);
    expect(mail!.parsed.text).toContain('> Out of scope.');
  });
});

describe('an answer stored just before a crash', () => {
  it('still gets its e-mail at the next start, once', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    const author = await t.person({ name: 'Crash Author', email: 'crashauthor@example.org' });
    await t.api('PATCH', '/api/session', { cookie: author.cookie, body: { notifications: { 'comment-answered': 'immediately' } } });
    const wg = await t.person({ name: 'Working Group', email: 'wg3@example.org', role: 'working-group' });
    const id = await commentOn(t, author.cookie);
    // As if the process died after the answer was stored and before its e-mail was queued: the
    // answer is written straight to the thread store, past the notifier.
    const at = new Date().toISOString();
    await t.server.services.threads.update(id, (thread) => {
      thread.status = 'accepted';
      thread.response = 'Taken on board.';
      thread.dispositions.push({ status: 'accepted', response: 'Taken on board.', assigneeId: null, byId: wg.person.id, at });
    });
    await t.restart();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['crashauthor@example.org']);
    expect(mail!.parsed.text).toContain('> Taken on board.');
    expect(mail!.parsed.text).toContain(`${t.url}/documents/${DOC}`);
    await t.restart();
    await t.server.services.mail.flush();
    expect(smtp.received).toHaveLength(1);
  });
});

describe('unsubscribe', () => {
  it('GET asks, POST (one-click) stops that kind, without a session', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    const author = await t.person({ name: 'Unsubscriber', email: 'unsub@example.org' });
    const other = await t.person({ name: 'Replier', email: 'replier@example.org' });
    const id = await commentOn(t, author.cookie);
    expect((await t.api('POST', `/api/threads/${id}/replies`, { cookie: other.cookie, body: { body: 'I agree.' } })).status).toBe(201);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.parsed.subject).toMatch(/\] Replier replied to your comment$/);
    const header = rawHeader(mail!, 'List-Unsubscribe')!;
    const url = /<([^>]+)>/.exec(header)![1]!;
    expect(url).toMatch(/\/unsubscribe\//);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('method="post"');
    expect((await t.api('GET', '/api/settings', { cookie: author.cookie })).body.notifications.reply).toBe('immediately');

    const done = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect((await t.api('GET', '/api/settings', { cookie: author.cookie })).body.notifications.reply).toBe('never');

    await t.api('POST', `/api/threads/${id}/replies`, { cookie: other.cookie, body: { body: 'Still agree.' } });
    await t.server.services.mail.flush();
    expect(smtp.received).toHaveLength(1);

    const forged = url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(forged, { method: 'POST' })).status).toBe(404);
  });
});

describe('header injection', () => {
  it('a name with CR/LF cannot add a header or a recipient', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url });
    const author = await t.person({ name: 'Plain Author', email: 'plain@example.org' });
    const res = await invite(t, { name: 'Eve\r\nBcc: evil@example.net\r\nX-Injected: yes', email: 'eve@example.org', sendInvitation: true });
    expect(res.status).toBe(201);
    const eve = await t.api('POST', '/api/session', { body: { token: res.body.inviteToken } });
    const eveCookie = (eve.headers.get('set-cookie') ?? '').split(';')[0]!;
    const id = await commentOn(t, author.cookie);
    expect((await t.api('POST', `/api/threads/${id}/replies`, { cookie: eveCookie, body: { body: 'Reply\r\nSubject: spoofed' } })).status).toBe(201);
    const received = await smtp.waitFor(2);
    for (const mail of received) {
      expect(mail.envelope.to).toHaveLength(1);
      expect(mail.parsed.headers.has('bcc')).toBe(false);
      expect(mail.parsed.headers.has('x-injected')).toBe(false);
      expect(rawHead(mail)).not.toMatch(/^X-Injected:/m);
      expect(rawHead(mail)).not.toMatch(/^Bcc:/im);
    }
    expect(received.map((m) => m.envelope.to[0]).toSorted()).toEqual(['eve@example.org', 'plain@example.org']);
    const reply = received.find((m) => m.envelope.to[0] === 'plain@example.org')!;
    expect(reply.parsed.subject).toMatch(/\] Eve Bcc: evil@example\.net X-Injected: yes replied to your comment$/);
  });
});

describe('phases', () => {
  it('tells participants the consultation opened (deadline with its time zone), reviewers the final review, everyone the adoption', async () => {
    smtp = await startSmtpPeer();
    t = await startMailServer({ smtpUrl: smtp.url, mail: { timeZone: 'Europe/Paris' } });
    await t.person({ name: 'Ana Participant', email: 'ana@example.org' });
    await t.person({ name: 'Paul Correspondant', email: 'paul@example.fr', role: 'reviewer', language: 'fr' });
    await t.setPhase(DOC, 'drafting');
    await t.setPhase(DOC, 'consultation', '2031-06-30T15:00:00Z');
    const [opened] = await smtp.waitFor(1);
    expect(opened!.envelope.to).toEqual(['ana@example.org']);
    expect(opened!.parsed.subject).toMatch(/\] Consultation open until 30 June 2031 at 17:00 \(Europe\/Paris, GMT\+02:00\)$/);

    await t.setPhase(DOC, 'final-review', '2031-09-15T10:00:00Z');
    const [, review] = await smtp.waitFor(2);
    expect(review!.envelope.to).toEqual(['paul@example.fr']);
    expect(review!.parsed.subject).toMatch(/\] Examen final ouvert : votre avis est attendu$/);
    expect(review!.parsed.text).toContain('Correspondant(e) permanent(e)');
    expect(review!.parsed.text).toContain('15 septembre 2031 à 12:00');

    await t.setPhase(DOC, 'adopted');
    const all = await smtp.waitFor(5);
    await t.server.services.mail.flush();
    expect(all.slice(2).map((m) => m.envelope.to[0]).toSorted()).toEqual(['ana@example.org', 'paul@example.fr', 'secretariat@example.org']);
    expect(all.find((m) => m.envelope.to[0] === 'paul@example.fr' && m !== review)!.parsed.subject).toMatch(/\] Le texte a été adopté$/);
  });
});

describe('own settings', () => {
  it('PATCH /api/session changes one’s own language and choices, and refuses anything else', async () => {
    t = await startMailServer();
    const me = await t.person({ name: 'Settings Person' });
    const changed = await t.api('PATCH', '/api/session', { cookie: me.cookie, body: { language: 'fr', notifications: { adopted: 'never', reply: 'daily' } } });
    expect(changed.status).toBe(200);
    expect(changed.body.person.language).toBe('fr');
    const settings = await t.api('GET', '/api/settings', { cookie: me.cookie });
    expect(settings.body).toEqual({
      language: 'fr',
      notifications: { 'consultation-opened': 'immediately', 'deadline-reminder': 'immediately', 'comment-answered': 'daily', reply: 'daily', 'final-review': 'immediately', adopted: 'never' },
    });
    for (const body of [{ language: 'de' }, { role: 'secretariat' }, {}, { notifications: { adopted: 'weekly' } }, { notifications: { invitation: 'never' } }]) {
      expect((await t.api('PATCH', '/api/session', { cookie: me.cookie, body })).status).toBe(400);
    }
    expect((await t.api('PATCH', '/api/session', { body: { language: 'en' } })).status).toBe(401);
    expect((await t.api('GET', '/api/session', { cookie: me.cookie })).body.person).toMatchObject({ language: 'fr', role: 'participant' });
  });
});
