/**
 * Where a finished message goes: over SMTP (SMTP_URL), or, without SMTP_URL, into DATA_DIR/outbox/
 * as an .eml file named after the message, so writing it again after a crash replaces the same file.
 * SMTP has time-outs on connecting, the greeting and every socket read, so a hanging server delays
 * only the sender loop, never a request.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { writeFileDurably } from '../storage/durableFile.ts';
import type { MailConfig } from '../config.ts';
import type { QueuedMessage } from './mailStore.ts';
import { safeAddress } from './mime.ts';

export interface Delivery {
  emlFile: string | null;
}

export interface MailTransport {
  mode: 'smtp' | 'outbox';
  deliver(message: QueuedMessage, raw: Buffer, from: string): Promise<Delivery>;
  /** The .eml text of a message written to the outbox, or null. */
  readEml(file: string): Promise<string | null>;
  close(): void;
}

/** A failure the SMTP server or the network gave; `permanent` for a 5xx answer. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export function classifyFailure(error: unknown): SendFailure {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const answer = e.response ?? [e.code, e.message].filter(Boolean).join(': ');
  // 5xx is the server's final word on this message; 4xx, refused or reset connections, time-outs and
  // DNS failures may all pass.
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return new SendFailure(answer || 'Unknown sending error', permanent);
}

const OUTBOX_NAME = /^[A-Za-z0-9-]+\.eml$/;

export async function createTransport(config: MailConfig, dataDir: string): Promise<MailTransport> {
  const outbox = path.join(dataDir, 'outbox');
  const readEml = async (file: string) => {
    if (!OUTBOX_NAME.test(file)) return null;
    try {
      return await fs.readFile(path.join(outbox, file), 'utf8');
    } catch {
      return null;
    }
  };

  if (!config.smtpUrl) {
    await fs.mkdir(outbox, { recursive: true });
    return {
      mode: 'outbox',
      async deliver(message, raw) {
        const file = `${message.createdAt.replace(/[^0-9]/g, '').slice(0, 14)}-${message.id}.eml`;
        await writeFileDurably(path.join(outbox, file), raw);
        return { emlFile: file };
      },
      readEml,
      close() {},
    };
  }

  // Built from the URL here: nodemailer drops every other option when given a `url`.
  const url = new URL(config.smtpUrl);
  const secure = url.protocol === 'smtps:';
  const smtp = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: config.smtpTimeoutMs,
    greetingTimeout: config.smtpTimeoutMs,
    socketTimeout: config.smtpTimeoutMs,
    dnsTimeout: config.smtpTimeoutMs,
  });
  return {
    mode: 'smtp',
    async deliver(message, raw, from) {
      const sender = /<([^>]+)>/.exec(from)?.[1] ?? from;
      try {
        await smtp.sendMail({ envelope: { from: sender, to: [safeAddress(message.toAddress)] }, raw });
      } catch (error) {
        throw classifyFailure(error);
      }
      return { emlFile: null };
    },
    readEml,
    close: () => smtp.close(),
  };
}
