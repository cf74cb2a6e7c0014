/**
 * What the domain tells the mail module, and nothing more: a phase is changing, a comment was
 * answered, someone replied. It knows nothing of messages, languages or SMTP. A notifier never
 * throws into the domain once the domain's change is stored (mailService.ts logs instead).
 *
 * Two ways keep a change and its e-mail together although they live in different files:
 * - a phase change, a moved deadline and an invitation hold their e-mail durably *before* the change
 *   is written (`withMail`), release it after, and a crash in between is reconciled at the next
 *   start against what is stored;
 * - an answer or a reply is its own durable record of the cause (the thread keeps every disposition
 *   and reply with its time), so the notifier is told after the write and the start catches up on
 *   any whose e-mail was never queued (catchUp.ts).
 */
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import type { ReplyRecord, ThreadRecord } from '../storage/threadRecords.ts';

/** E-mail stored and held back until its cause is stored. */
export interface PendingMail {
  /** The cause is stored: the e-mail joins the queue. */
  release(): Promise<void>;
  /** The cause's write failed or found nothing: the e-mail goes only if what is stored shows the cause. */
  settle(): Promise<void>;
}

export interface Notifier {
  /** Before a phase change, or a deadline moved within the same phase, is stored; `after` is the record as it will be. */
  phaseChanging(before: DocumentRecord, after: DocumentRecord): Promise<PendingMail>;
  threadAnswered(thread: ThreadRecord, actor: PersonRecord): Promise<void>;
  replied(thread: ThreadRecord, reply: ReplyRecord, actor: PersonRecord): Promise<void>;
}

/**
 * Runs `write` with its e-mail held beforehand. A failure to hold the e-mail refuses the change
 * before anything is written: the change and its e-mail happen together or not at all.
 */
export async function withMail<T>(pending: Promise<PendingMail> | PendingMail | undefined, write: () => Promise<T>): Promise<T> {
  const mail = await pending;
  let stored: T;
  try {
    stored = await write();
  } catch (error) {
    await mail?.settle();
    throw error;
  }
  await (stored ? mail?.release() : mail?.settle());
  return stored;
}
