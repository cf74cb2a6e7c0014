/**
 * The sender loop: sends due messages one at a time, retries temporary failures with exponential
 * backoff, and keeps a permanent failure (5xx) with the server's answer for the outbox page.
 *
 * Nothing lost, nothing twice: a message is marked `sending` (durably) before it goes out and `sent`
 * after the SMTP server accepted it. A message still `queued` at a crash was never handed over and
 * goes out exactly once. A message found `sending` at the next start may or may not have reached the
 * server (SMTP cannot be asked): it is marked interrupted and sent again with the same Message-ID,
 * and the outbox says it may have arrived twice. At-least-once, chosen over at-most-once because a
 * lost invitation or reminder costs more than a duplicate that receiving systems can fold by its
 * Message-ID; docs/EMAIL.md gives the reasons.
 */
import type { Logger } from '../log.ts';
import type { MailConfig } from '../config.ts';
import type { MailStore, QueuedMessage } from './mailStore.ts';
import { buildRaw } from './mime.ts';
import { classifyFailure, SendFailure, type MailTransport } from './transport.ts';
import { crashPoint } from './crashPoint.ts';

const MAX_BACKOFF_MS = 6 * 60 * 60_000;

export interface Sender {
  /**
   * Marks messages left `sending` by a process that is no more (a crash; another process whose lease
   * expired) as interrupted and queued again; returns how many. At open, and on every tick.
   */
  recover(): Promise<number>;
  /** Looks for due messages now (after a message was queued). */
  kick(): void;
  /** Sends every due message (with `all`, every unsent one, backoff or not); resolves when this pass is over. */
  runOnce(all?: boolean): Promise<void>;
  stop(): Promise<void>;
}

export function createSender(deps: { store: MailStore; transport: MailTransport; config: MailConfig; clock: () => Date; log: Logger }): Sender {
  const { store, transport, config, clock, log } = deps;
  let stopped = false;
  let pass: Promise<void> | null = null;
  let again = false;

  const due = async (all: boolean) => {
    const now = all ? Infinity : clock().getTime();
    return (await store.list())
      .filter((m) => m.status === 'queued' && Date.parse(m.nextAttemptAt) <= now)
      .toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
  };

  async function sendOne(message: QueuedMessage): Promise<void> {
    const attempts = message.attempts + 1;
    // Taken only if still queued: another process sending the same queue (docs/SCALING.md) may have
    // taken it since the list was read.
    if (!(await store.update(message.id, { status: 'sending', attempts, owner: store.owner }, 'queued'))) return;
    crashPoint(config.crashAt, 'mail-sending');
    try {
      // A message that cannot be built (an address that is not one) will never go: a permanent failure.
      const raw = await buildRaw(message, config.from).catch((error: Error) => {
        throw new SendFailure(error.message, true);
      });
      const delivery = await transport.deliver(message, raw, config.from);
      crashPoint(config.crashAt, 'mail-accepted');
      await store.update(message.id, { status: 'sent', sentAt: clock().toISOString(), lastError: null, emlFile: delivery.emlFile });
    } catch (error) {
      const failure = error instanceof SendFailure ? error : classifyFailure(error);
      if (failure.permanent || attempts >= config.maxAttempts) {
        log.error(`Mail to ${message.toAddress} failed for good: ${failure.message}`);
        await store.update(message.id, { status: 'failed', lastError: failure.message });
      } else {
        const wait = Math.min(config.retryBaseMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
        log.info(`Mail to ${message.toAddress} will be retried in ${Math.round(wait / 1000)} s: ${failure.message}`);
        await store.update(message.id, { status: 'queued', lastError: failure.message, nextAttemptAt: new Date(clock().getTime() + wait).toISOString() });
      }
    }
  }

  const runOnce = (all = false): Promise<void> => {
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      const isStopped = () => stopped;
      do {
        again = false;
        for (const message of await due(all)) {
          if (isStopped()) return;
          await sendOne(message);
        }
      } while (again && !isStopped());
    })()
      .catch((error) => log.error('The mail sender stopped a pass', error))
      .finally(() => {
        pass = null;
      });
    return pass;
  };

  const timer = setInterval(() => void runOnce(), config.tickMs);
  timer.unref();

  return {
    async recover() {
      const sending = (await store.list()).filter((m) => m.status === 'sending');
      if (!sending.length) return 0;
      // Read after the list: a process that took one of these has its lease by now.
      const live = await store.liveOwners();
      // An .eml file is written again under the same name: only SMTP can deliver twice.
      const interruptedAt = transport.mode === 'smtp' ? clock().toISOString() : null;
      let recovered = 0;
      for (const m of sending) {
        if (m.owner && live.has(m.owner)) continue;
        if (await store.update(m.id, { status: 'queued', interruptedAt, owner: null }, 'sending')) recovered++;
      }
      return recovered;
    },
    kick: () => void runOnce(),
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // A send in flight finishes or times out; do not hold the shutdown longer than that.
      await Promise.race([pass, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      transport.close();
    },
  };
}
