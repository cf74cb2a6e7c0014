/**
 * A real SMTP server for tests (the smtp-server package on port 0), keeping every message it
 * accepted, parsed by mailparser, with its envelope. `mode` decides its answer to each recipient:
 * accept, a temporary 451, or a permanent 550.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** A header of the raw message, unfolded, as it was sent (mailparser restructures List-* headers). */
export function rawHeader(mail: ReceivedMail, name: string): string | null {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

/** The header section of the raw message. */
export const rawHead = (mail: ReceivedMail): string => mail.raw.split(/\r?\n\r?\n/)[0]!;

export interface SmtpPeer {
  port: number;
  url: string;
  mode: 'accept' | 'tempfail' | 'permfail';
  received: ReceivedMail[];
  /** Recipient attempts refused so far. */
  refused: number;
  /** Resolves with the n-th accepted message (1-based) once it has arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpPeer(options: { port?: number; mode?: SmtpPeer['mode'] } = {}): Promise<SmtpPeer> {
  const waiters: Array<() => void> = [];
  const peer: SmtpPeer = {
    port: 0,
    url: '',
    mode: options.mode ?? 'accept',
    received: [],
    refused: 0,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (peer.received.length >= count) {
            clearTimeout(timer);
            resolve(peer.received);
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => reject(new Error(`waited for ${count} messages, got ${peer.received.length}`)), timeoutMs);
        const again = () => {
          if (!check()) waiters.push(again);
        };
        again();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (peer.mode === 'accept') return callback();
      peer.refused++;
      const error = Object.assign(new Error(peer.mode === 'tempfail' ? 'Mailbox busy, try later' : 'No such user here'), {
        responseCode: peer.mode === 'tempfail' ? 451 : 550,
      });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          peer.received.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed });
          for (const wake of waiters.splice(0)) wake();
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  peer.port = (server.server.address() as AddressInfo).port;
  peer.url = `smtp://127.0.0.1:${peer.port}`;
  return peer;
}
