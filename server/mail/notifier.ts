/**
 * What the domain tells the mail module, and nothing more: a phase changed, a comment was answered,
 * someone replied. The domain calls these after its own change is stored; it knows nothing of
 * messages, languages or SMTP. A notifier never throws into the domain (mailService.ts logs instead).
 */
import type { DocumentRecord, PersonRecord } from '../storage/records.ts';
import type { ReplyRecord, ThreadRecord } from '../storage/threadRecords.ts';

export interface Notifier {
  /** After a phase change, or a deadline moved within the same phase. */
  phaseChanged(document: DocumentRecord, before: DocumentRecord): Promise<void>;
  threadAnswered(thread: ThreadRecord, actor: PersonRecord): Promise<void>;
  replied(thread: ThreadRecord, reply: ReplyRecord, actor: PersonRecord): Promise<void>;
}
