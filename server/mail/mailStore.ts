/**
 * The durable mail queue, behind a repository interface like the other records (lowdbMailStore.ts
 * implements it). It holds the messages to send and sent, the answers waiting for a person's daily
 * digest, which deadline reminders have gone out, and the key that signs unsubscribe links.
 * Every mutating method resolves only once the change is on disk.
 *
 * A change that causes e-mail is stored elsewhere (threads, records), so lowdb cannot store the two in
 * one write: the batch is held here first (hold), the change is stored, then the batch is released.
 * A PostgreSQL store can insert the batch released in the change's own transaction; hold and release
 * keep their meaning, and nothing is ever left held for the start to reconcile.
 *
 * Several processes share a PostgreSQL queue: what one holds or is sending is marked with its id
 * (owner), and another recovers it only once that process's lease has expired (liveOwners).
 */
import type { NotificationKind } from '../../shared/notifications.ts';

export type MessageKind = NotificationKind | 'invitation' | 'sign-in-link' | 'digest';
export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface QueuedMessage {
  id: string;
  /** What caused the message, e.g. `answered:<threadId>:<n>`: a second enqueue with the same key is ignored. */
  key: string;
  kind: MessageKind;
  /** The Message-ID header, fixed when queued so a resend after a crash carries the same one. */
  messageId: string;
  personId: string | null;
  toName: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  /** The one-click unsubscribe URL (List-Unsubscribe), absent on invitations and sign-in links. */
  unsubscribeUrl: string | null;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string;
  /** The SMTP server's answer (or the network error) at the last failed attempt. */
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** In outbox mode, the .eml file's name under DATA_DIR/outbox/. */
  emlFile: string | null;
  /**
   * When the process stopped while this message was being handed to the mail server (found
   * `sending` at the next start). It is sent again with the same Message-ID, and the outbox says it
   * may have arrived twice: nobody can know whether the server had accepted it.
   */
  interruptedAt?: string | null;
  /** While `sending`: the process that took it (MailStore.owner); only once its lease ended may another call it interrupted. */
  owner?: string | null;
}

/**
 * What caused a held batch, in terms the stored state confirms or denies at the next start:
 * a document now in `phase` with `deadline`, changed since `beforeUpdatedAt`; or a person who exists,
 * active, with the sign-in link whose hash is `tokenHash`.
 */
export type MailCause =
  | { kind: 'document'; documentId: string; phase: string; deadline: string | null; beforeUpdatedAt: string }
  | { kind: 'person'; personId: string; tokenHash: string }
  /** A list invited at once (all or none): the batch goes out when every one of them is stored. */
  | { kind: 'people'; people: Array<{ personId: string; tokenHash: string }> };

/**
 * The e-mail of a change, stored before the change itself and held back (never sent) until the change
 * is stored too: then it is released into the queue, or, after a crash, reconciled at start.
 */
export interface HeldBatch {
  id: string;
  cause: MailCause;
  heldAt: string;
  /** The process holding it (MailStore.owner): settled by another only once that process's lease ended. */
  owner?: string;
  messages: QueuedMessage[];
  digestItems: DigestItem[];
  reminders: string[];
}

/** One answer or event waiting for a person's daily digest. */
export interface DigestItem {
  id: string;
  key: string;
  personId: string;
  kind: NotificationKind;
  documentId: string;
  documentTitle: string;
  /** The line to show, in the recipient's language, and a link to the place in Accord. */
  line: string;
  url: string;
  createdAt: string;
}

export interface MailStore {
  /** This process in the deployment's mail: set on the messages it takes to send and the batches it holds. */
  readonly owner: string;
  /**
   * The processes whose mail in flight (taken to send, or held) no other may recover, this one
   * included: with lowdb only this one (DATA_DIR is locked); with PostgreSQL each process whose
   * lease (`mail_leases`, renewed while it runs) has not expired. Read it after the messages or
   * batches it judges, so a process that started meanwhile is counted as alive.
   */
  liveOwners(): Promise<Set<string>>;
  /** The secret that signs unsubscribe links, made on first start and kept. */
  secret(): string;
  /** When this queue was first opened: causes older than that are not this queue's to notify. */
  since(): string;
  /** Whether a message or digest item with this key was ever queued. */
  hasKey(key: string): boolean;
  list(): Promise<QueuedMessage[]>;
  get(id: string): Promise<QueuedMessage | undefined>;
  /**
   * In one durable change: adds the messages and digest items whose keys are new, and records the
   * given reminder keys as sent. Returns the messages actually added.
   */
  enqueue(change: { messages?: QueuedMessage[]; digestItems?: DigestItem[]; reminders?: string[] }): Promise<QueuedMessage[]>;
  /**
   * Changes a message; given `onlyIf`, only while its status is that one (checked and changed in one
   * step), so that of several processes sending the queue, one takes each message. Resolves with the
   * changed message, or undefined when it does not exist or had another status.
   */
  update(id: string, patch: Partial<Omit<QueuedMessage, 'id'>>, onlyIf?: MessageStatus): Promise<QueuedMessage | undefined>;
  /** Stores a batch held back until its cause is stored (durably, before the cause is written). */
  hold(batch: HeldBatch): Promise<void>;
  /** Moves a held batch into the queue, as enqueue() would, in one change; returns the messages added. */
  release(batchId: string): Promise<QueuedMessage[]>;
  /** Forgets a held batch whose cause never happened. */
  drop(batchId: string): Promise<void>;
  held(): Promise<HeldBatch[]>;
  /** Reminder keys already sent. */
  remindersSent(): Promise<Set<string>>;
  digestItems(): Promise<DigestItem[]>;
  /** Replaces a person's pending digest items with the one digest message (null: drops them), in one change. */
  sendDigest(personId: string, itemIds: string[], message: QueuedMessage | null): Promise<void>;
  close(): Promise<void>;
}
