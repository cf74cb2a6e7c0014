/**
 * Comment threads as stored, behind a small repository interface (lowdbThreads.ts implements it with
 * one file per document, so a busy document never rewrites another's threads).
 */
import type { Anchor } from '../../shared/api.ts';
import type { ThreadKind, ThreadStatus } from '../../shared/domain.ts';

export interface ReplyRecord {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
  /** Set when its author last changed it; earlier wordings are kept in previousBodies. */
  updatedAt?: string;
  previousBodies?: Array<{ body: string; replacedAt: string }>;
  /** Set when its author withdrew it; it then no longer shows. */
  withdrawnAt?: string | null;
}

export interface DispositionRecord {
  status: ThreadStatus;
  response: string | null;
  assigneeId: string | null;
  byId: string;
  at: string;
}

export interface ThreadRecord {
  id: string;
  /**
   * The comment's permanent reference ("DE-007"), unique in its document: given by the store when the
   * thread is inserted, from a per-document counter that never goes back, so it is never reused.
   */
  ref: string;
  documentId: string;
  sectionId: string;
  anchor: Anchor | null;
  /** The text the anchor covered when the thread was opened: shown once that text is gone. */
  originalQuote: string;
  kind: ThreadKind;
  body: string;
  proposedText: string | null;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  previousBodies: Array<{ body: string; proposedText: string | null; replacedAt: string }>;
  status: ThreadStatus;
  response: string | null;
  assigneeId: string | null;
  /** Every disposition given, oldest first: who, when, what. */
  dispositions: DispositionRecord[];
  replies: ReplyRecord[];
  endorsements: string[];
  /** Set when the author withdrew the comment; it then no longer counts or shows. */
  withdrawnAt: string | null;
  /** Set when the proposed wording was put into the text; cleared when that is undone. */
  applied?: AppliedRecord | null;
  /** For a comment the Secretariat entered for its author (received by e-mail): when, and who entered it. */
  received?: { at: string; enteredById: string } | null;
  /** The author's answer to the disposition. */
  authorReaction?: { reaction: AuthorReaction; statement: string | null; at: string } | null;
}

/** What an apply changed, so that it can be undone: the words it replaced and the answer before it. */
export interface AppliedRecord {
  at: string;
  byId: string;
  replacedText: string;
  /** The replaced words with their formatting (absent on records from before undo existed). */
  replacedRuns?: Array<{ insert: string; attributes?: Record<string, unknown> }>;
  /** The words put in. */
  insertedText?: string;
  /** The thread's status and answer just before. */
  before?: { status: ThreadStatus; response: string | null };
}

export type AuthorReaction = 'accepts' | 'maintains-objection';

/** A thread as the commands make it, before the store gives it its reference. */
export type NewThreadRecord = Omit<ThreadRecord, 'ref'>;

/** A reference from its prefix and running number: "DE-007", "SEC-012", "FR-1234". */
export function formatRef(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(3, '0')}`;
}

/** The running number of a reference with this prefix, or 0 when it is not one. */
export function refNumber(ref: string | undefined, prefix: string): number {
  if (!ref?.startsWith(`${prefix}-`)) return 0;
  const n = Number(ref.slice(prefix.length + 1));
  return Number.isSafeInteger(n) ? n : 0;
}

/** How many comments a document has, for the list of documents: withdrawn ones not counted. */
export interface ThreadCounts {
  live: number;
  /** Live comments still `open`. */
  unanswered: number;
}

export interface ThreadRepo {
  /** Threads of a document, withdrawn ones included. */
  list(documentId: string): Promise<ThreadRecord[]>;
  /**
   * The counts of each document asked for (zero for one without comments), without reading the
   * comments themselves: the list of documents must not hold every comment of the deployment.
   */
  counts(documentIds: string[]): Promise<Map<string, ThreadCounts>>;
  get(id: string): Promise<ThreadRecord | undefined>;
  /**
   * Threads of every document, withdrawn ones included, with a disposition or a reply made at or
   * after `from` (an ISO instant, as every stored time is written): what the mail catch-up at start
   * looks at, found without reading every comment of the deployment.
   */
  answeredOrRepliedSince(from: string): Promise<ThreadRecord[]>;
  /**
   * Stores a new thread and gives it the next reference with `refPrefix`, in the same write, so two
   * threads posted at once never get the same one. Resolves with the thread as stored.
   */
  insert(thread: NewThreadRecord, refPrefix: string): Promise<ThreadRecord>;
  /**
   * Stores several new threads of one document in one write, each given the next reference with its
   * prefix, in the order given: all of them or none. Resolves with the threads as stored.
   */
  insertMany(documentId: string, threads: Array<{ thread: NewThreadRecord; refPrefix: string }>): Promise<ThreadRecord[]>;
  /**
   * Gives every stored thread without a reference (data from before references existed) one, once
   * and durably: in each document by creation time, the prefix from `prefixOf`. Withdrawn threads
   * get one too, so no number is handed out twice. Resolves with how many were given.
   */
  giveMissingRefs(prefixOf: (thread: ThreadRecord) => string): Promise<number>;
  /**
   * Changes one thread with `change` (which may throw to refuse; nothing is written then). Resolves
   * with the thread as stored after the change, or undefined when there is no such thread.
   */
  update(id: string, change: (thread: ThreadRecord) => void): Promise<ThreadRecord | undefined>;
  /**
   * Changes several threads of one document in one write: all of them or none (`change` may throw to
   * refuse). Resolves with the threads as stored, in the order of `ids`, or undefined when one of them
   * is not a thread of that document.
   */
  updateMany(documentId: string, ids: string[], change: (thread: ThreadRecord) => void): Promise<ThreadRecord[] | undefined>;
  /** Deletes every thread of a document (a draft deleted). */
  removeDocument(documentId: string): Promise<number>;
  close(): Promise<void>;
}
