/**
 * The notifier the domain calls (notifier.ts): decides who hears of a change and in what words, as
 * each person chose (a message at once, a line in their daily digest, or nothing). A phase change or
 * moved deadline is held before it is stored (held.ts); answers and replies are queued after theirs.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { MailConfig } from '../config.ts';
import type { DocumentRecord, PersonRecord, Records } from '../storage/records.ts';
import type { Role } from '../../shared/domain.ts';
import { notificationSettings, type NotificationKind } from '../../shared/notifications.ts';
import type { DigestItem, QueuedMessage } from './mailStore.ts';
import type { Notifier } from './notifier.ts';
import type { Holding } from './held.ts';
import { passedReminders } from './scheduler.ts';
import { recipientsOf } from './recipients.ts';
import { crashPoint, type CrashPoint } from './crashPoint.ts';
import {
  adoptedBody,
  answeredBody,
  consultationOpenedBody,
  deadlineMovedBody,
  digestLine,
  documentUrl,
  finalReviewBody,
  languageOf,
  makeMessage,
  replyBody,
  type MessageContext,
} from './messages.ts';

const EVERYONE: Role[] = ['secretariat', 'working-group', 'participant', 'reviewer'];

type Build = (person: PersonRecord, ctx: MessageContext) => QueuedMessage;
interface Digest {
  documentId: string;
  documentTitle: string;
  line: (person: PersonRecord) => string;
  url: string;
}
interface Batch {
  messages: QueuedMessage[];
  digestItems: DigestItem[];
  reminders: string[];
}

export interface NotifierDeps {
  records: Records;
  config: MailConfig;
  clock: () => Date;
  log: Logger;
  context: () => MessageContext;
  holding: Holding;
  queue: (change: Partial<Batch>) => Promise<unknown>;
  /** Tests only: where to kill the process (crashPoint.ts); unset for the start's catch-up. */
  crashAt?: CrashPoint;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const { records, config, context, log } = deps;

  /** One notification for each person as they chose. */
  function prepare(people: PersonRecord[], kind: NotificationKind, key: string, build: Build, digest: Digest, into: Batch): void {
    const ctx = context();
    for (const person of people) {
      const choice = notificationSettings(person.notifications)[kind];
      if (choice === 'never') continue;
      if (choice === 'daily') {
        into.digestItems.push({ id: randomUUID(), key: `${key}:${person.id}`, personId: person.id, kind, documentId: digest.documentId, documentTitle: digest.documentTitle, line: digest.line(person), url: digest.url, createdAt: ctx.now.toISOString() });
      } else into.messages.push(build(person, ctx));
    }
  }

  /** A document's announcement: its subject is also its digest line. */
  const announce = async (document: DocumentRecord, roles: Role[], kind: NotificationKind, key: string, body: (c: MessageContext) => Parameters<typeof makeMessage>[4], view: string, into: Batch) => {
    const build: Build = (p, c) => makeMessage(c, p, kind, `${key}:${p.id}`, body(c));
    const digest = { documentId: document.id, documentTitle: document.title, line: (p: PersonRecord) => build(p, context()).subject, url: documentUrl(context(), document.id, view) };
    prepare(await recipientsOf(records, document.id, roles), kind, key, build, digest, into);
  };

  /** The e-mail a phase change or a moved deadline causes, worked out before it is stored. */
  async function phaseBatch(document: DocumentRecord, before: DocumentRecord): Promise<Batch> {
    const batch: Batch = { messages: [], digestItems: [], reminders: [] };
    const running = document.phase === 'consultation' || document.phase === 'final-review';
    if (document.phase === before.phase) {
      // A moved deadline: its reminders whose time is already past are not sent late.
      if (document.deadline !== before.deadline && running) batch.reminders.push(...passedReminders(config, document.id, document.phase, document.deadline, deps.clock()));
      // Participants hear when a consultation's deadline moves (not when a first one is set: the
      // reminders cover that), under their choice for consultation notices.
      if (before.deadline !== null && document.deadline !== before.deadline && document.phase === 'consultation') {
        const key = `deadline:${document.id}:${document.deadline ?? 'none'}:${document.updatedAt}`;
        await announce(document, ['participant'], 'consultation-opened', key, (c) => deadlineMovedBody(c, document), '', batch);
      }
      return batch;
    }
    const key = `phase:${document.id}:${document.phase}:${document.updatedAt}`;
    if (running) batch.reminders.push(...passedReminders(config, document.id, document.phase, document.deadline, deps.clock()));
    if (document.phase === 'consultation') await announce(document, ['participant'], 'consultation-opened', key, (c) => consultationOpenedBody(c, document), '', batch);
    else if (document.phase === 'final-review') await announce(document, ['reviewer'], 'final-review', key, (c) => finalReviewBody(c, document), '/review', batch);
    else if (document.phase === 'adopted') await announce(document, EVERYONE, 'adopted', key, (c) => adoptedBody(c, document), '', batch);
    return batch;
  }

  // The domain's change is already stored when these run; a failure here must not turn a stored
  // answer into an error for the caller, so it is logged (and the start catches up: catchUp.ts).
  const guarded = <A extends unknown[]>(name: string, fn: (...args: A) => Promise<void>) => async (...args: A) => {
    try {
      crashPoint(deps.crashAt, 'cause-stored');
      await fn(...args);
    } catch (error) {
      log.error(`Could not queue the e-mail for ${name}`, error);
    }
  };

  return {
    async phaseChanging(before, after) {
      const cause = { kind: 'document' as const, documentId: after.id, phase: after.phase, deadline: after.deadline, beforeUpdatedAt: before.updatedAt };
      return deps.holding.hold(cause, await phaseBatch(after, before));
    },
    threadAnswered: guarded('an answer', async (thread, actor) => {
      if (thread.status === 'open' || thread.authorId === actor.id) return;
      const [author, document] = await Promise.all([records.people.get(thread.authorId), records.documents.get(thread.documentId)]);
      if (!author?.active || !document) return;
      const key = `answered:${thread.id}:${thread.dispositions.length}`;
      const batch: Batch = { messages: [], digestItems: [], reminders: [] };
      const build: Build = (p, c) => makeMessage(c, p, 'comment-answered', `${key}:${p.id}`, answeredBody(c, document, thread.status, thread.response));
      const line = (p: PersonRecord) => digestLine(languageOf(p), { kind: 'comment-answered', status: thread.status, comment: thread.body });
      prepare([author], 'comment-answered', key, build, { documentId: document.id, documentTitle: document.title, line, url: documentUrl(context(), document.id) }, batch);
      await deps.queue(batch);
    }),
    replied: guarded('a reply', async (thread, reply, actor) => {
      if (thread.authorId === actor.id) return;
      const [author, document] = await Promise.all([records.people.get(thread.authorId), records.documents.get(thread.documentId)]);
      if (!author?.active || !document) return;
      const key = `reply:${reply.id}`;
      const batch: Batch = { messages: [], digestItems: [], reminders: [] };
      const build: Build = (p, c) => makeMessage(c, p, 'reply', `${key}:${p.id}`, replyBody(c, document, actor.name, reply.body));
      const line = (p: PersonRecord) => digestLine(languageOf(p), { kind: 'reply', name: actor.name, body: reply.body });
      prepare([author], 'reply', key, build, { documentId: document.id, documentTitle: document.title, line, url: documentUrl(context(), document.id) }, batch);
      await deps.queue(batch);
    }),
  };
}
