/**
 * Delivering e-mail: retries on 451, a permanent 550 kept with the server's answer, a hanging SMTP
 * server that holds no request (time-outs), and outbox mode (.eml files the Secretariat opens).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/testServer.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { eventually, startMailServer } from '../helpers/mailServer.ts';

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

describe('sending', () => {
  it('retries while the SMTP server answers 451, then delivers exactly once', async () => {
    smtp = await startSmtpPeer({ mode: 'tempfail' });
    t = await startMailServer({ smtpUrl: smtp.url, mail: { tickMs: 30 } });
    await invite(t, { name: 'Patient Person', email: 'patient@example.org', sendInvitation: true });
    const failing = await eventually(async () => {
      const [m] = (await t!.api('GET', '/api/outbox', { cookie: t!.adminCookie })).body.messages;
      return m?.attempts >= 2 && m.status === 'queued' && m;
    });
    expect(failing.status).toBe('queued');
    expect(failing.lastError).toMatch(/451/);
    smtp.mode = 'accept';
    await smtp.waitFor(1);
    await eventually(async () => (await t!.api('GET', '/api/outbox', { cookie: t!.adminCookie })).body.messages[0].status === 'sent');
    await t.server.services.mail.flush();
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a permanent failure with the server’s answer', async () => {
    smtp = await startSmtpPeer({ mode: 'permfail' });
    t = await startMailServer({ smtpUrl: smtp.url });
    await invite(t, { name: 'Nobody Here', email: 'nobody@example.org', sendInvitation: true });
    const failed = await eventually(async () => {
      const [m] = (await t!.api('GET', '/api/outbox', { cookie: t!.adminCookie })).body.messages;
      return m?.status === 'failed' && m;
    });
    expect(failed.lastError).toMatch(/550/);
    expect(failed.attempts).toBe(1);
  });

  it('does not hold a request while the SMTP server hangs', async () => {
    // A server that accepts the connection and never greets.
    const net = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    t = await startMailServer({ smtpUrl: `smtp://127.0.0.1:${port}`, mail: { smtpTimeoutMs: 300 } });
    const started = Date.now();
    const res = await invite(t, { name: 'Hanging Server', email: 'hang@example.org', sendInvitation: true });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(250);
    const retried = await eventually(async () => {
      const [m] = (await t!.api('GET', '/api/outbox', { cookie: t!.adminCookie })).body.messages;
      return m?.lastError && m;
    });
    expect(retried.status).toBe('queued');
    expect(retried.lastError).toMatch(/time|ETIMEDOUT/i);
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });
});

describe('outbox mode', () => {
  it('writes each message as an .eml file that the Secretariat can list and open', async () => {
    t = await startMailServer();
    const res = await invite(t, { name: 'Outbox Reader', email: 'outbox@example.org', sendInvitation: true });
    expect(res.status).toBe(201);
    await t.server.services.mail.flush();
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(`${t.dataDir}/outbox`).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const listed = await t.api('GET', '/api/outbox', { cookie: t.adminCookie });
    expect(listed.body.mode).toBe('outbox');
    expect(listed.body.messages).toMatchObject([{ to: 'Outbox Reader <outbox@example.org>', subject: 'Your invitation to Accord', status: 'sent', hasEml: true, kind: 'invitation' }]);
    const eml = await t.api('GET', `/api/outbox/${listed.body.messages[0].id}/eml`, { cookie: t.adminCookie });
    expect(eml.status).toBe(200);
    expect(eml.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(eml.body).toMatch(/^Message-ID: <[0-9a-f-]{36}@127\.0\.0\.1>$/m);
    expect(eml.body).toMatch(/^Subject: Your invitation to Accord$/m);
    expect(eml.body).toContain('Content-Type: text/html');
    const participant = await t.person({ name: 'Not Secretariat' });
    expect((await t.api('GET', '/api/outbox', { cookie: participant.cookie })).status).toBe(403);
    expect((await t.api('GET', '/api/outbox/not-an-id/eml', { cookie: t.adminCookie })).status).toBe(400);
  });
});
