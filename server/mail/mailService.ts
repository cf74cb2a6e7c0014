/**
 * The mail module as the server sees it: the notifier the domain calls, sign-in links by e-mail, the
 * scheduler's pass (reminders, digests), the outbox listing and unsubscribing. Wires the store, the
 * transport and the sender loop; the scheduler's pass runs once per deployment (in this one process on
 * lowdb, whose DATA_DIR is locked to it; in one process of several, chosen by schedulerTurn, with Redis).
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import type { SignoffRepo } from '../storage/versionRecords.ts';
import { notificationSettings, type NotificationKind, type OutboxMessage } from '../../shared/notifications.ts';
import type { MailStore, QueuedMessage } from './mailStore.ts';
import type { Notifier, PendingMail } from './notifier.ts';
import { createTransport, type MailTransport } from './transport.ts';
import { createSender, type Sender } from './sender.ts';
import { queueDueDigests, queueDueReminders, type SchedulerDeps } from './scheduler.ts';
import { readUnsubscribeToken } from './unsubscribe.ts';
import { catchUpNotifications } from './catchUp.ts';
import { createHolding } from './held.ts';
import { createNotifier } from './mailNotifier.ts';
import { invitationBody, makeMessage, type MessageContext } from './messages.ts';

export interface MailService {
  notifier: Notifier;
  mode: MailTransport['mode'];
  /**
   * Once the server listens (links need its address): settles what a crash left held, queues what it
   * left without its e-mail, sends what the last run left unsent, and starts the scheduler's timer.
   */
  start(): Promise<void>;
  /**
   * Holds the invitation of a person about to be stored (their record carries the link's hash):
   * released once the person is stored, dropped if they never were.
   */
  holdInvitation(person: PersonRecord, signInUrl: string): Promise<PendingMail>;
  /** Queues an invitation (or a new sign-in link) to a stored person; always sent, whatever their choices. */
  sendSignInLink(person: PersonRecord, signInUrl: string, renewed: boolean): Promise<QueuedMessage>;
  /** Queues the invitations of a list of new people in one write. */
  /** The invitations of a list invited at once, held until the whole list is stored (withMail). */
  holdInvitations(invitations: Array<{ person: PersonRecord; signInUrl: string }>): Promise<PendingMail>;
  /** One scheduler pass at the clock's time: due reminders and digests are queued, then sent. */
  tick(): Promise<void>;
  /** Sends what is due now; resolves when done (tests await it). */
  flush(): Promise<void>;
  outbox(): Promise<OutboxMessage[]>;
  eml(id: string): Promise<string | null>;
  /** Reads an unsubscribe token: whom and what it is about, or null when it is not valid. */
  unsubscribeTarget(token: string): Promise<{ person: PersonRecord; kind: NotificationKind } | null>;
  unsubscribe(token: string): Promise<{ person: PersonRecord; kind: NotificationKind } | null>;
  close(): Promise<void>;
}

export interface MailDeps {
  config: Config;
  records: Records;
  threads: ThreadRepo;
  signoffs: SignoffRepo;
  /** The queue, opened with the other stores (lowdb or PostgreSQL); closed by close(). */
  store: MailStore;
  log: Logger;
  /** The server's own address, known once it listens (PUBLIC_URL or http://HOST:PORT). */
  baseUrl: () => string;
  /**
   * Whether this process runs the scheduler's pass now (scale/schedulerLease.ts: once per deployment
   * with several processes). Unset: always, as the only process does.
   */
  schedulerTurn?: () => Promise<boolean>;
}

export async function openMailService(deps: MailDeps): Promise<MailService> {
  const { config, records, log } = deps;
  const { store } = deps;
  const transport = await createTransport(config.mail, config.dataDir);
  const sender: Sender = createSender({ store, transport, config: config.mail, clock: config.clock, log });
  const context = (): MessageContext => ({ baseUrl: deps.baseUrl(), secret: store.secret(), timeZone: config.mail.timeZone, now: config.clock() });
  const scheduler: SchedulerDeps = { records, threads: deps.threads, signoffs: deps.signoffs, store, config: config.mail, context };

  const queue = async (change: Parameters<MailStore['enqueue']>[0]) => {
    const added = await store.enqueue(change);
    if (added.length) sender.kick();
    return added;
  };

  const holding = createHolding({ store, records, log, now: config.clock, crashAt: config.mail.crashAt, sent: () => sender.kick() });
  const notifierDeps = { records, config: config.mail, clock: config.clock, log, context, holding, queue };
  const notifier = createNotifier({ ...notifierDeps, crashAt: config.mail.crashAt });

  // Before any request can hold a new batch or send: what the last run left held is settled against
  // what is stored, and what it left mid-send is marked interrupted (sent again, flagged).
  const settled = await holding.reconcile();
  if (settled.released || settled.dropped) {
    log.info(`E-mail held at the last stop: ${settled.released} released (their change was stored), ${settled.dropped} dropped (it was not)`);
  }
  const interrupted = await sender.recover();
  if (interrupted) log.info(`${interrupted} e-mails were being handed to the mail server at the last stop; they are sent again with the same Message-ID`);

  const present = (m: QueuedMessage): OutboxMessage => ({
    id: m.id,
    kind: m.kind,
    to: `${m.toName} <${m.toAddress}>`,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    nextAttemptAt: m.status === 'queued' ? m.nextAttemptAt : null,
    lastError: m.lastError,
    hasEml: m.emlFile !== null,
    interruptedAt: m.interruptedAt ?? null,
  });

  const target = async (token: string) => {
    const read = readUnsubscribeToken(store.secret(), token);
    const person = read && (await records.people.get(read.personId));
    return read && person ? { person, kind: read.kind } : null;
  };

  let timer: NodeJS.Timeout | undefined;
  async function tick() {
    try {
      await holding.retry();
      // Mail another process left in flight when it died: recovered once its lease has expired.
      const orphans = await holding.reconcile();
      if (orphans.released || orphans.dropped) log.info(`E-mail held by a process that stopped: ${orphans.released} released, ${orphans.dropped} dropped`);
      const resent = await sender.recover();
      if (resent) log.info(`${resent} e-mails were being handed to the mail server by a process that stopped; they are sent again with the same Message-ID`);
      if (!deps.schedulerTurn || (await deps.schedulerTurn())) {
        await queueDueReminders(scheduler);
        await queueDueDigests(scheduler);
      }
    } catch (error) {
      log.error('The mail scheduler could not finish a pass', error);
    }
    await sender.runOnce();
  }

  return {
    notifier,
    mode: transport.mode,
    async start() {
      try {
        const handed = await catchUpNotifications({ records, threads: deps.threads, store, notifier: createNotifier(notifierDeps), now: config.clock() });
        if (handed) log.info(`Queued e-mails for ${handed} answers or replies stored just before the last stop`);
      } catch (error) {
        log.error('Could not look for answers and replies left without their e-mail', error);
      }
      // Messages left queued (or interrupted mid-send) by the last run go out now: a restart is a
      // good moment to retry, whatever the backoff said.
      void sender.runOnce(true);
      timer = setInterval(() => void tick(), config.mail.tickMs);
      timer.unref();
    },
    holdInvitation: (person, signInUrl) =>
      holding.hold(
        { kind: 'person', personId: person.id, tokenHash: person.tokenHash },
        { messages: [makeMessage(context(), person, 'invitation', `signin:${person.id}:${randomUUID()}`, invitationBody(signInUrl, person, false))], digestItems: [], reminders: [] },
      ),
    async sendSignInLink(person, signInUrl, renewed) {
      const ctx = context();
      const message = makeMessage(ctx, person, renewed ? 'sign-in-link' : 'invitation', `signin:${person.id}:${randomUUID()}`, invitationBody(signInUrl, person, renewed));
      await queue({ messages: [message] });
      return message;
    },
    holdInvitations(invitations) {
      const ctx = context();
      const messages = invitations.map(({ person, signInUrl }) => makeMessage(ctx, person, 'invitation', `signin:${person.id}:${randomUUID()}`, invitationBody(signInUrl, person, false)));
      const people = invitations.map(({ person }) => ({ personId: person.id, tokenHash: person.tokenHash }));
      return holding.hold({ kind: 'people', people }, { messages, digestItems: [], reminders: [] });
    },
    tick,
    flush: () => sender.runOnce(),
    outbox: async () => (await store.list()).toSorted((a, b) => b.createdAt.localeCompare(a.createdAt)).map(present),
    async eml(id) {
      const message = await store.get(id);
      return message?.emlFile ? transport.readEml(message.emlFile) : null;
    },
    unsubscribeTarget: target,
    async unsubscribe(token) {
      const found = await target(token);
      if (!found) return null;
      const notifications = { ...notificationSettings(found.person.notifications), [found.kind]: 'never' as const };
      const person = (await records.people.update(found.person.id, { notifications })) ?? found.person;
      return { person, kind: found.kind };
    },
    async close() {
      clearInterval(timer);
      await sender.stop();
      await store.close();
    },
  };
}
