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
  /** Set when the proposed wording was put into the text. */
  applied?: { at: string; byId: string; replacedText: string } | null;
  /** The author's answer to the disposition. */
  authorReaction?: { reaction: AuthorReaction; statement: string | null; at: string } | null;
}

export type AuthorReaction = 'accepts' | 'maintains-objection';

export interface ThreadRepo {
  /** Threads of a document, withdrawn ones included. */
  list(documentId: string): Promise<ThreadRecord[]>;
  get(id: string): Promise<ThreadRecord | undefined>;
  insert(thread: ThreadRecord): Promise<void>;
  /**
   * Changes one thread with `change` (which may throw to refuse; nothing is written then). Resolves
   * with the thread as stored after the change, or undefined when there is no such thread.
   */
  update(id: string, change: (thread: ThreadRecord) => void): Promise<ThreadRecord | undefined>;
  /** Deletes every thread of a document (a draft deleted). */
  removeDocument(documentId: string): Promise<number>;
  close(): Promise<void>;
}
