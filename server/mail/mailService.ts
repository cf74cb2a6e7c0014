/**
 * The mail module as the server sees it: the notifier the domain calls, sign-in links by e-mail, the
 * scheduler's pass (reminders, digests), the outbox listing and unsubscribing. Wires the store, the
 * transport and the sender loop; the scheduler runs in this one process (DATA_DIR is locked to it).
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import type { SignoffRepo } from '../storage/versionRecords.ts';
import { notificationSettings, type NotificationKind, type OutboxMessage } from '../../shared/notifications.ts';
import type { Role } from '../../shared/domain.ts';
import type { DigestItem, MailStore, QueuedMessage } from './mailStore.ts';
import type { Notifier } from './notifier.ts';
import { createTransport, type MailTransport } from './transport.ts';
import { createSender, type Sender } from './sender.ts';
import { passedReminders, queueDueDigests, queueDueReminders, type SchedulerDeps } from './scheduler.ts';
import { recipientsOf } from './recipients.ts';
import { readUnsubscribeToken } from './unsubscribe.ts';
import { catchUpNotifications } from './catchUp.ts';
import {
  adoptedBody,
  answeredBody,
  consultationOpenedBody,
  deadlineMovedBody,
  digestLine,
  documentUrl,
  finalReviewBody,
  invitationBody,
  languageOf,
  makeMessage,
  replyBody,
  type MessageContext,
} from './messages.ts';

export interface MailService {
  notifier: Notifier;
  mode: MailTransport['mode'];
  /**
   * Once the server listens (links need its address): queues what a crash left without its e-mail,
   * sends what the last run left unsent, and starts the scheduler's timer.
   */
  start(): Promise<void>;
  /** Queues an invitation (or a new sign-in link) to the person; always sent, whatever their choices. */
  sendSignInLink(person: PersonRecord, signInUrl: string, renewed: boolean): Promise<QueuedMessage>;
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
}

const EVERYONE: Role[] = ['secretariat', 'working-group', 'participant', 'reviewer'];

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

  /**
   * Queues one notification for each person as they chose: a message at once, an item for their
   * daily digest, or nothing.
   */
  async function notify(
    people: PersonRecord[],
    kind: NotificationKind,
    key: string,
    build: (person: PersonRecord, ctx: MessageContext) => QueuedMessage,
    digest: { documentId: string; documentTitle: string; line: (person: PersonRecord) => string; url: string } | null,
    reminders: string[] = [],
  ) {
    const ctx = context();
    const messages: QueuedMessage[] = [];
    const digestItems: DigestItem[] = [];
    for (const person of people) {
      const choice = notificationSettings(person.notifications)[kind];
      if (choice === 'never') continue;
      if (choice === 'daily' && digest) {
        digestItems.push({ id: randomUUID(), key: `${key}:${person.id}`, personId: person.id, kind, documentId: digest.documentId, documentTitle: digest.documentTitle, line: digest.line(person), url: digest.url, createdAt: ctx.now.toISOString() });
      } else messages.push(build(person, ctx));
    }
    await queue({ messages, digestItems, reminders });
  }

  // The domain's change is already stored when these run; a failure here must not turn a stored
  // answer into an error for the caller, so it is logged.
  const guarded = <A extends unknown[]>(name: string, fn: (...args: A) => Promise<void>) => async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      log.error(`Could not queue the e-mail for ${name}`, error);
    }
  };

  const notifier: Notifier = {
    phaseChanged: guarded('a phase change', async (document, before) => {
      const subjectLine = (person: PersonRecord, build: (p: PersonRecord, c: MessageContext) => QueuedMessage) => build(person, context()).subject;
      if (document.phase === before.phase) {
        // A moved deadline: its reminders whose time is already past are not sent late.
        if (document.deadline !== before.deadline && (document.phase === 'consultation' || document.phase === 'final-review')) {
          await queue({ reminders: passedReminders(config.mail, document.id, document.phase, document.deadline, config.clock()) });
        }
        // Participants hear when a consultation's deadline moves (not when a first one is set: the
        // reminders cover that), under their choice for consultation notices.
        if (before.deadline !== null && document.deadline !== before.deadline && document.phase === 'consultation') {
          const key = `deadline:${document.id}:${document.deadline ?? 'none'}:${document.updatedAt}`;
          const build = (p: PersonRecord, c: MessageContext) => makeMessage(c, p, 'consultation-opened', `${key}:${p.id}`, deadlineMovedBody(c, document));
          const people = await recipientsOf(records, document.id, ['participant']);
          await notify(people, 'consultation-opened', key, build, { documentId: document.id, documentTitle: document.title, line: (p) => subjectLine(p, build), url: documentUrl(context(), document.id) });
        }
        return;
      }
      const key = `phase:${document.id}:${document.phase}:${document.updatedAt}`;
      if (document.phase === 'consultation') {
        const build = (p: PersonRecord, c: MessageContext) => makeMessage(c, p, 'consultation-opened', `${key}:${p.id}`, consultationOpenedBody(c, document));
        const people = await recipientsOf(records, document.id, ['participant']);
        const passed = passedReminders(config.mail, document.id, 'consultation', document.deadline, config.clock());
        await notify(people, 'consultation-opened', key, build, { documentId: document.id, documentTitle: document.title, line: (p) => subjectLine(p, build), url: documentUrl(context(), document.id) }, passed);
      } else if (document.phase === 'final-review') {
        const build = (p: PersonRecord, c: MessageContext) => makeMessage(c, p, 'final-review', `${key}:${p.id}`, finalReviewBody(c, document));
        const people = await recipientsOf(records, document.id, ['reviewer']);
        const passed = passedReminders(config.mail, document.id, 'final-review', document.deadline, config.clock());
        await notify(people, 'final-review', key, build, { documentId: document.id, documentTitle: document.title, line: (p) => subjectLine(p, build), url: documentUrl(context(), document.id, '/review') }, passed);
      } else if (document.phase === 'adopted') {
        const build = (p: PersonRecord, c: MessageContext) => makeMessage(c, p, 'adopted', `${key}:${p.id}`, adoptedBody(c, document));
        const people = await recipientsOf(records, document.id, EVERYONE);
        await notify(people, 'adopted', key, build, { documentId: document.id, documentTitle: document.title, line: (p) => subjectLine(p, build), url: documentUrl(context(), document.id) });
      }
    }),
    threadAnswered: guarded('an answer', async (thread, actor) => {
      if (thread.status === 'open' || thread.authorId === actor.id) return;
      const [author, document] = await Promise.all([records.people.get(thread.authorId), records.documents.get(thread.documentId)]);
      if (!author?.active || !document) return;
      const key = `answered:${thread.id}:${thread.dispositions.length}`;
      await notify(
        [author],
        'comment-answered',
        key,
        (p, c) => makeMessage(c, p, 'comment-answered', `${key}:${p.id}`, answeredBody(c, document, thread.status, thread.response)),
        { documentId: document.id, documentTitle: document.title, line: (p) => digestLine(languageOf(p), { kind: 'comment-answered', status: thread.status, comment: thread.body }), url: documentUrl(context(), document.id) },
      );
    }),
    replied: guarded('a reply', async (thread, reply, actor) => {
      if (thread.authorId === actor.id) return;
      const [author, document] = await Promise.all([records.people.get(thread.authorId), records.documents.get(thread.documentId)]);
      if (!author?.active || !document) return;
      const key = `reply:${reply.id}`;
      await notify(
        [author],
        'reply',
        key,
        (p, c) => makeMessage(c, p, 'reply', `${key}:${p.id}`, replyBody(c, document, actor.name, reply.body)),
        { documentId: document.id, documentTitle: document.title, line: (p) => digestLine(languageOf(p), { kind: 'reply', name: actor.name, body: reply.body }), url: documentUrl(context(), document.id) },
      );
    }),
  };

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
  });

  const target = async (token: string) => {
    const read = readUnsubscribeToken(store.secret(), token);
    const person = read && (await records.people.get(read.personId));
    return read && person ? { person, kind: read.kind } : null;
  };

  let timer: NodeJS.Timeout | undefined;
  async function tick() {
    try {
      await queueDueReminders(scheduler);
      await queueDueDigests(scheduler);
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
        const handed = await catchUpNotifications({ records, threads: deps.threads, store, notifier, now: config.clock() });
        if (handed) log.info(`Queued e-mails for ${handed} answers or replies stored just before the last stop`);
      } catch (error) {
        log.error('Could not look for answers and replies left without their e-mail', error);
      }
      // Messages left queued (or mid-send) by the last run go out now: a restart is a good moment
      // to retry, whatever the backoff said.
      void sender.runOnce(true);
      timer = setInterval(() => void tick(), config.mail.tickMs);
      timer.unref();
    },
    async sendSignInLink(person, signInUrl, renewed) {
      const ctx = context();
      const message = makeMessage(ctx, person, renewed ? 'sign-in-link' : 'invitation', `signin:${person.id}:${randomUUID()}`, invitationBody(signInUrl, person, renewed));
      await queue({ messages: [message] });
      return message;
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
