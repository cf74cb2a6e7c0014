/**
 * Nothing lost, nothing twice, with the real server process killed with SIGKILL at the worst moments
 * of the mail path (ACCORD_TEST_CRASH_AT, server/mail/crashPoint.ts) and a real SMTP server:
 * - `cause-stored`: the change is written, its e-mail not yet queued: it arrives once after the restart;
 * - `mail-held`: the e-mail is held, the change not written: neither the change nor the e-mail exists;
 * - `mail-sending` / `mail-accepted`: the message is being handed to the mail server: it is sent
 *   again with the same Message-ID, and the outbox says it may have arrived twice.
 * One test per kind of cause: invitation (one, or a list), phase change, moved deadline, answer, reply.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { ADMIN_TOKEN, SEED_IDS, signIn } from '../helpers/testServer.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { eventually, linkIn } from '../helpers/mailServer.ts';
import type { OutboxMessage } from '../../shared/notifications.ts';

const DOC: string = SEED_IDS[0];
let dataDir: string;
let smtp: SmtpPeer;
let env: Record<string, string>;
const children: ServerProcess[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-mailcrash-'));
  smtp = await startSmtpPeer();
  env = { DATA_DIR: dataDir, ADMIN_TOKEN, SMTP_URL: smtp.url, MAIL_FROM: 'Accord <accord@example.org>' };
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.child.kill('SIGKILL');
    await child.exited;
  }
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Running {
  url: string;
  cookie: string;
  process: ServerProcess;
  call(method: string, route: string, body?: unknown, cookie?: string): Promise<Response>;
}

async function start(crashAt?: string): Promise<Running> {
  const process = await spawnServer(crashAt ? { ...env, ACCORD_TEST_CRASH_AT: crashAt } : env);
  children.push(process);
  const cookie = await signIn(process.url, ADMIN_TOKEN);
  const call = (method: string, route: string, body?: unknown, as = cookie) =>
    fetch(`${process.url}${route}`, { method, headers: { cookie: as, origin: process.url, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { url: process.url, cookie, process, call };
}

/** Stops a server that is not meant to crash (SIGTERM: it writes everything and exits). */
async function stop(server: Running) {
  server.process.child.kill('SIGTERM');
  await server.process.exited;
  children.splice(children.indexOf(server.process), 1);
}

/** Sends the request that makes the server kill itself; the answer never comes. */
async function crashOn(server: Running, method: string, route: string, body?: unknown, cookie?: string) {
  const answer = await server.call(method, route, body, cookie).catch(() => null);
  expect(answer).toBeNull();
  expect((await server.process.exited).signal).toBe('SIGKILL');
  children.splice(children.indexOf(server.process), 1);
}

async function outbox(server: Running): Promise<OutboxMessage[]> {
  return ((await (await server.call('GET', '/api/outbox')).json()) as { messages: OutboxMessage[] }).messages;
}

/** Once `count` messages arrived and all `queued` of the outbox are sent, what the SMTP server received. */
async function settledMail(server: Running, count: number, queued = count) {
  await smtp.waitFor(count);
  await eventually(async () => {
    const messages = await outbox(server);
    return messages.length === queued && messages.every((m) => m.status === 'sent');
  });
  return smtp.received;
}

async function invite(server: Running, fields: Record<string, unknown>) {
  const res = await server.call('POST', '/api/people', { role: 'participant', country: 'FR', stakeholder: 'government', ...fields });
  expect(res.status).toBe(201);
  return (await res.json()) as { person: { id: string }; inviteToken: string };
}

// Each test starts the real server three or four times.
describe('a change and its e-mail across kill -9', { timeout: 120_000 }, () => {
  it('invitation: the person stored, the e-mail not yet queued: it arrives once, and its link signs in', async () => {
    const crashing = await start('cause-stored');
    await crashOn(crashing, 'POST', '/api/people', { name: 'Ines Crash', email: 'ines@example.org', role: 'participant', country: 'PT', stakeholder: 'civil-society', sendInvitation: true });
    const after = await start();
    const [mail] = await settledMail(after, 1);
    expect(smtp.received).toHaveLength(1);
    expect(mail!.envelope.to).toEqual(['ines@example.org']);
    expect(mail!.parsed.subject).toBe('Your invitation to Accord');
    // The link names the first process's port; the restarted one listens elsewhere.
    const link = new URL(linkIn(mail!.parsed.text!, /http:\/\/\S+\/join\/\S+/));
    const joined = await fetch(`${after.url}${link.pathname}`, { redirect: 'manual' });
    expect(joined.status).toBe(302);
  });

  it('invitation: the e-mail held, the person not stored: neither exists after the restart', async () => {
    const crashing = await start('mail-held');
    await crashOn(crashing, 'POST', '/api/people', { name: 'Never Stored', email: 'never@example.org', role: 'participant', country: 'PT', stakeholder: 'civil-society', sendInvitation: true });
    const after = await start();
    const people = (await (await after.call('GET', '/api/people')).json()) as Array<{ email: string }>;
    expect(people.map((p) => p.email)).not.toContain('never@example.org');
    expect(await outbox(after)).toEqual([]);
    // A later invitation goes through (and is the only message), so the sender did run.
    await invite(after, { name: 'Later Person', email: 'later@example.org', sendInvitation: true });
    await settledMail(after, 1);
    expect(smtp.received.map((m) => m.envelope.to[0])).toEqual(['later@example.org']);
  });

  it('a list invited at once: stored, its e-mails not yet queued: each arrives once; held, not stored: none', async () => {
    const row = (name: string, email: string) => ({ name, email, country: 'FR', organisation: '', stakeholder: 'government', role: 'participant', language: 'fr' });
    const list = (...rows: ReturnType<typeof row>[]) => ({ rows, defaultRole: 'participant', sendInvitation: true });
    const crashing = await start('cause-stored');
    await crashOn(crashing, 'POST', '/api/people/bulk', list(row('Anne Liste', 'anne@example.org'), row('Bruno Liste', 'bruno@example.org')));
    const held = await start('mail-held');
    await crashOn(held, 'POST', '/api/people/bulk', list(row('Jamais Stocké', 'jamais@example.org')));
    const after = await start();
    await settledMail(after, 2);
    expect(smtp.received.map((m) => m.envelope.to[0]).toSorted()).toEqual(['anne@example.org', 'bruno@example.org']);
    const people = (await (await after.call('GET', '/api/people')).json()) as Array<{ email: string }>;
    expect(people.map((p) => p.email)).not.toContain('jamais@example.org');
  });

  it('phase change: the consultation opened, its e-mail not yet queued: participants hear once', async () => {
    const setup = await start();
    await invite(setup, { name: 'Ana Participant', email: 'ana@example.org' });
    expect((await setup.call('POST', `/api/documents/${DOC}/phase`, { phase: 'drafting' })).status).toBe(200);
    await stop(setup);

    const crashing = await start('cause-stored');
    await crashOn(crashing, 'POST', `/api/documents/${DOC}/phase`, { phase: 'consultation', deadline: '2031-06-30T15:00:00Z' });
    const after = await start();
    const [mail] = await settledMail(after, 1);
    expect(mail!.envelope.to).toEqual(['ana@example.org']);
    expect(mail!.parsed.subject).toMatch(/\] Consultation open until 30 June 2031/);
    const document = (await (await after.call('GET', `/api/documents/${DOC}`)).json()) as { phase: string };
    expect(document.phase).toBe('consultation');
    expect(smtp.received).toHaveLength(1);
  });

  it('phase change: the e-mail held, the phase not stored: no final review, no e-mail', async () => {
    const setup = await start();
    await invite(setup, { name: 'Paul Reviewer', email: 'paul@example.org', role: 'reviewer' });
    await stop(setup);
    const crashing = await start('mail-held');
    await crashOn(crashing, 'POST', `/api/documents/${DOC}/phase`, { phase: 'final-review', deadline: '2031-09-15T10:00:00Z' });
    const after = await start();
    const document = (await (await after.call('GET', `/api/documents/${DOC}`)).json()) as { phase: string };
    expect(document.phase).toBe('consultation');
    expect(await outbox(after)).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });

  it('moved deadline: stored, its notice not yet queued: participants hear of it once', async () => {
    const setup = await start();
    await invite(setup, { name: 'Dana Participant', email: 'dana@example.org' });
    expect((await setup.call('POST', `/api/documents/${DOC}/phase`, { phase: 'consultation', deadline: '2031-06-30T15:00:00Z' })).status).toBe(200);
    await stop(setup);
    const crashing = await start('cause-stored');
    await crashOn(crashing, 'POST', `/api/documents/${DOC}/phase`, { phase: 'consultation', deadline: '2031-07-07T15:00:00Z' });
    const after = await start();
    const [mail] = await settledMail(after, 1);
    expect(mail!.envelope.to).toEqual(['dana@example.org']);
    expect(mail!.parsed.subject).toMatch(/\] New deadline: 7 July 2031/);
    expect(smtp.received).toHaveLength(1);
  });

  it('answer and reply: stored, their e-mail not yet queued: the author hears of each once', async () => {
    const setup = await start();
    const author = await invite(setup, { name: 'Omar Author', email: 'omar@example.org' });
    const wg = await invite(setup, { name: 'Wendy Group', email: 'wendy@example.org', role: 'working-group' });
    const authorCookie = await signIn(setup.url, author.inviteToken);
    expect((await setup.call('PATCH', '/api/session', { notifications: { 'comment-answered': 'immediately' } }, authorCookie)).status).toBe(200);
    const sections = ((await (await setup.call('GET', `/api/documents/${DOC}`)).json()) as { sections: Array<{ id: string }> }).sections;
    const thread = (await (await setup.call('POST', `/api/documents/${DOC}/threads`, { sectionId: sections[0]!.id, kind: 'general', body: 'Please define the terms.' }, authorCookie)).json()) as { id: string };
    await stop(setup);

    const answering = await start('cause-stored');
    const wgCookie = await signIn(answering.url, wg.inviteToken);
    await crashOn(answering, 'PATCH', `/api/threads/${thread.id}`, { status: 'accepted', response: 'Defined in section 1.' }, wgCookie);
    const replying = await start('cause-stored');
    // The restart found the answer without its e-mail and sent it, once.
    const [answered] = await settledMail(replying, 1);
    expect(answered!.parsed.subject).toMatch(/\] Your comment was answered$/);
    await crashOn(replying, 'POST', `/api/threads/${thread.id}/replies`, { body: 'See also the glossary.' }, await signIn(replying.url, wg.inviteToken));

    const after = await start();
    const received = await settledMail(after, 2);
    expect(received.map((m) => m.envelope.to[0])).toEqual(['omar@example.org', 'omar@example.org']);
    expect(received.map((m) => m.parsed.subject!.replace(/^\[.*\] /, '')).toSorted()).toEqual(['Wendy Group replied to your comment', 'Your comment was answered']);
    expect(received.find((m) => /answered/.test(m.parsed.subject!))!.parsed.text).toContain('> Defined in section 1.');
  });
});

/** The person is stored before their invitation is queued, so it is queued whether or not the answer came. */
async function inviteDuringCrash(server: Running, name: string, email: string) {
  await server.call('POST', '/api/people', { name, email, role: 'participant', country: 'FR', stakeholder: 'government', sendInvitation: true }).catch(() => null);
}

describe('a message being handed to the mail server at kill -9', { timeout: 120_000 }, () => {
  it('marked sending, not yet handed over: sent after the restart, once, flagged as possibly twice', async () => {
    const crashing = await start('mail-sending');
    // The sender runs beside the request: the process may die before or after the 201 goes out.
    await inviteDuringCrash(crashing, 'Sam Sending', 'sam@example.org');
    expect((await crashing.process.exited).signal).toBe('SIGKILL');
    children.splice(0);
    const after = await start();
    await settledMail(after, 1);
    expect(smtp.received).toHaveLength(1);
    // Nobody can know the server had not got it: the outbox says so.
    expect((await outbox(after))[0]!.interruptedAt).not.toBeNull();
  });

  it('accepted by the mail server, not yet marked sent: sent again with the same Message-ID, and flagged', async () => {
    const crashing = await start('mail-accepted');
    await inviteDuringCrash(crashing, 'Ada Accepted', 'ada@example.org');
    await smtp.waitFor(1);
    expect((await crashing.process.exited).signal).toBe('SIGKILL');
    children.splice(0);
    const after = await start();
    const received = await settledMail(after, 2, 1);
    expect(received).toHaveLength(2);
    expect(received[1]!.parsed.messageId).toBe(received[0]!.parsed.messageId);
    const [message] = await outbox(after);
    expect(message).toMatchObject({ status: 'sent', attempts: 2 });
    expect(message!.interruptedAt).not.toBeNull();
  });
});
