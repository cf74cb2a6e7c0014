/**
 * The raw RFC 5322 message, built by nodemailer's MailComposer from a queued message. The same bytes
 * are sent over SMTP or written as an .eml file. Every value that goes into a header is first made a
 * single line: a name or title holding CR, LF or other control characters cannot add a header.
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { QueuedMessage } from './mailStore.ts';

/** One line, no control characters, bounded: safe to put into any header. */
export const headerSafe = (value: string, max = 250): string =>
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what must go
  value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);

/** A bare address with nothing that could break out of the header (checked again here, not trusted). */
export function safeAddress(address: string): string {
  const trimmed = address.trim();
  if (!/^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\]+$/.test(trimmed)) throw new Error(`Not a deliverable address: ${JSON.stringify(address)}`);
  return trimmed;
}

export function buildRaw(message: QueuedMessage, from: string): Promise<Buffer> {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };
  if (message.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${headerSafe(message.unsubscribeUrl, 2000)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  const composer = new MailComposer({
    from,
    to: { name: headerSafe(message.toName, 120), address: safeAddress(message.toAddress) },
    subject: headerSafe(message.subject, 300),
    messageId: message.messageId,
    date: new Date(message.createdAt),
    text: message.text,
    html: message.html,
    headers,
    textEncoding: 'quoted-printable',
  });
  return new Promise((resolve, reject) => composer.compile().build((error, raw) => (error ? reject(error) : resolve(raw))));
}
