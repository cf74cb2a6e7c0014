/** A test server that sends its e-mail to a given SMTP peer (or to the outbox folder), with quick retries. */
import { parseConfig, type MailConfig } from '../../server/config.ts';
import { startTestServer, type TestServer } from './testServer.ts';

export function mailConfig(overrides: Partial<MailConfig> = {}): MailConfig {
  // The timer is slow so that tests decide when the scheduler runs; retries come quickly.
  return { ...parseConfig({}).mail, retryBaseMs: 50, tickMs: 60_000, smtpTimeoutMs: 3000, ...overrides };
}

export function startMailServer(options: { smtpUrl?: string; mail?: Partial<MailConfig>; clock?: () => Date; dataDir?: string } = {}): Promise<TestServer> {
  return startTestServer({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    config: { mail: mailConfig({ smtpUrl: options.smtpUrl, ...options.mail }), ...(options.clock ? { clock: options.clock } : {}) },
  });
}

/** Polls until `check` holds; for states reached by a background loop (the sender). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const linkIn = (text: string, pattern: RegExp): string => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${text}`);
  return match[0];
};
