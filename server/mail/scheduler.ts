/**
 * Reminders before deadlines and daily digests, worked out from what is stored each time it runs,
 * with the clock it is given (tests pass a fake one). A reminder is keyed by document, phase,
 * deadline and hours before it, and recorded as sent in the same change that queues it: a restart
 * neither skips it (it goes out late, once) nor repeats it. A moved deadline is a new deadline with
 * reminders of its own. When several reminders are due at once (the server was down), only the
 * nearest to the deadline goes out and the earlier ones are recorded as passed.
 */
import type { Records } from '../storage/records.ts';
import type { ThreadRepo } from '../storage/threadRecords.ts';
import type { SignoffRepo } from '../storage/versionRecords.ts';
import type { MailConfig } from '../config.ts';
import type { MailStore, QueuedMessage } from './mailStore.ts';
import { notificationSettings } from '../../shared/notifications.ts';
import { digestBody, makeMessage, reminderBody, type MessageContext } from './messages.ts';
import { recipientsOf } from './recipients.ts';

export interface SchedulerDeps {
  records: Records;
  threads: ThreadRepo;
  signoffs: SignoffRepo;
  store: MailStore;
  config: MailConfig;
  context: () => MessageContext;
}

const HOUR = 3_600_000;

export const reminderKey = (documentId: string, phase: string, deadline: string, hours: number) => `reminder:${documentId}:${phase}:${deadline}:${hours}`;

/** Reminder keys whose time has already come at `now`: recorded as passed when a phase opens. */
export function passedReminders(config: MailConfig, documentId: string, phase: string, deadline: string | null, now: Date): string[] {
  if (!deadline) return [];
  return config.reminderHours.filter((h) => Date.parse(deadline) - h * HOUR <= now.getTime()).map((h) => reminderKey(documentId, phase, deadline, h));
}

export async function queueDueReminders(deps: SchedulerDeps): Promise<QueuedMessage[]> {
  const ctx = deps.context();
  const now = ctx.now.getTime();
  const sent = await deps.store.remindersSent();
  const queued: QueuedMessage[] = [];
  for (const document of await deps.records.documents.list()) {
    if (!document.deadline || (document.phase !== 'consultation' && document.phase !== 'final-review')) continue;
    const deadline = document.deadline;
    if (Date.parse(deadline) <= now) continue;
    const due = deps.config.reminderHours.filter((h) => Date.parse(deadline) - h * HOUR <= now && !sent.has(reminderKey(document.id, document.phase, deadline, h)));
    if (due.length === 0) continue;
    const hours = Math.min(...due);
    const left = roundedTimeLeft((Date.parse(deadline) - now) / HOUR);
    const finalReview = document.phase === 'final-review';
    const waiting = finalReview
      ? await reviewersWithoutSignoff(deps, document.id)
      : await participantsWithoutComment(deps, document.id);
    const key = reminderKey(document.id, document.phase, deadline, hours);
    const messages = waiting
      .filter((p) => notificationSettings(p.notifications)[finalReview ? 'final-review' : 'deadline-reminder'] !== 'never')
      .map((p) =>
        makeMessage(ctx, p, finalReview ? 'final-review' : 'deadline-reminder', `${key}:${p.id}`, reminderBody(ctx, { ...document, deadline }, left, finalReview)),
      );
    queued.push(...(await deps.store.enqueue({ messages, reminders: due.map((h) => reminderKey(document.id, document.phase, deadline, h)) })));
  }
  return queued;
}

/**
 * The time left as a reminder states it: whole days from a day and a half on, "1 day" around a day,
 * hours below that. Said from the real time left, so a reminder sent late never claims more.
 */
export function roundedTimeLeft(hours: number): number {
  if (hours >= 36) return Math.round(hours / 24) * 24;
  if (hours >= 22) return 24;
  return Math.max(1, Math.round(hours));
}

async function participantsWithoutComment(deps: SchedulerDeps, documentId: string) {
  const commented = new Set((await deps.threads.list(documentId)).flatMap((t) => (t.withdrawnAt ? [] : [t.authorId, ...t.replies.map((r) => r.authorId)])));
  return (await recipientsOf(deps.records, documentId, ['participant'])).filter((p) => !commented.has(p.id));
}

async function reviewersWithoutSignoff(deps: SchedulerDeps, documentId: string) {
  const signed = new Set((await deps.signoffs.list(documentId)).map((s) => s.reviewerId));
  return (await recipientsOf(deps.records, documentId, ['reviewer'])).filter((p) => !signed.has(p.id));
}

/** The first digest time (the configured hour, UTC) after `iso`. */
export function digestTimeAfter(iso: string, hourUtc: number): number {
  const t = new Date(iso);
  const at = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), hourUtc);
  return at > t.getTime() ? at : at + 24 * HOUR;
}

/** One digest per person whose oldest waiting item has reached its digest time. */
export async function queueDueDigests(deps: SchedulerDeps): Promise<number> {
  const ctx = deps.context();
  const byPerson = new Map<string, Awaited<ReturnType<MailStore['digestItems']>>>();
  for (const item of await deps.store.digestItems()) byPerson.set(item.personId, [...(byPerson.get(item.personId) ?? []), item]);
  let count = 0;
  for (const [personId, items] of byPerson) {
    const oldest = items.reduce((a, b) => (a.createdAt <= b.createdAt ? a : b));
    if (digestTimeAfter(oldest.createdAt, deps.config.digestHourUtc) > ctx.now.getTime()) continue;
    const person = await deps.records.people.get(personId);
    const sorted = items.toSorted((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (!person?.active) {
      await deps.store.sendDigest(personId, sorted.map((i) => i.id), null);
      continue;
    }
    const message = makeMessage(ctx, person, 'digest', `digest:${personId}:${oldest.id}`, digestBody(ctx, sorted));
    await deps.store.sendDigest(personId, sorted.map((i) => i.id), message);
    count++;
  }
  return count;
}
