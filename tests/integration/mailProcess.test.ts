/**
 * E-mail and the real server process: a message queued when the process is killed with -9 is sent
 * after the restart, once; a malformed SMTP_URL stops the server at start with a clear message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { ADMIN_TOKEN, signIn } from '../helpers/testServer.ts';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtpPeer.ts';
import { eventually } from '../helpers/mailServer.ts';

let dataDir: string;
let smtp: SmtpPeer | undefined;
const children: ServerProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.child.kill('SIGKILL');
    await child.exited;
  }
  await smtp?.close();
  smtp = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function outbox(url: string, cookie: string) {
  const res = await fetch(`${url}/api/outbox`, { headers: { cookie } });
  return ((await res.json()) as { messages: Array<{ status: string; attempts: number; lastError: string | null }> }).messages;
}

describe('the mail queue across kill -9', () => {
  it('sends a message queued before the kill after the restart, exactly once', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-mail-'));
    smtp = await startSmtpPeer({ mode: 'tempfail' });
    const env = { DATA_DIR: dataDir, ADMIN_TOKEN, SMTP_URL: smtp.url, MAIL_FROM: 'Accord Secretariat <accord@example.org>' };
    const first = await spawnServer(env);
    children.push(first);
    const cookie = await signIn(first.url, ADMIN_TOKEN);
    const res = await fetch(`${first.url}/api/people`, {
      method: 'POST',
      headers: { cookie, origin: first.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Survives Crash', email: 'crash@example.org', role: 'participant', country: 'IT', stakeholder: 'government', sendInvitation: true }),
    });
    expect(res.status).toBe(201);
    // The SMTP server refused it once (451): the message is queued, waiting for its retry.
    await eventually(async () => (await outbox(first.url, cookie))[0]?.attempts === 1 && (await outbox(first.url, cookie))[0]?.status === 'queued');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    children.splice(0);

    smtp.mode = 'accept';
    const second = await spawnServer(env);
    children.push(second);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope).toEqual({ from: 'accord@example.org', to: ['crash@example.org'] });
    expect(mail!.parsed.subject).toBe('Your invitation to Accord');
    const cookie2 = await signIn(second.url, ADMIN_TOKEN);
    await eventually(async () => (await outbox(second.url, cookie2))[0]?.status === 'sent');

    // And again: after another kill -9, a sent message is not sent a second time.
    second.child.kill('SIGKILL');
    await second.exited;
    children.splice(0);
    const third = await spawnServer(env);
    children.push(third);
    const cookie3 = await signIn(third.url, ADMIN_TOKEN);
    expect((await outbox(third.url, cookie3)).map((m) => m.status)).toEqual(['sent']);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.refused).toBe(1);
  });
});

describe('configuration', () => {
  it('a malformed SMTP_URL stops the server at start with a clear message', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-mail-'));
    const started = spawnServer({ DATA_DIR: dataDir, SMTP_URL: 'http://mail.example.org:25' });
    await expect(started).rejects.toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\/, not http:\/\//);
  });
});
