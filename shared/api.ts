/**
 * Shapes of the REST API as the client sees them. The server's presenters produce exactly these.
 */
import type { DocumentDetails } from './documentImport.ts';
import type { TextAccess } from './access.ts';
import type { MemberRole, Phase, Role, SignoffDecision, Stakeholder, ThreadKind, ThreadStatus } from './domain.ts';
import type { Section } from './sections.ts';
import type { Language } from './notifications.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
  role: Role;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
  /** The language of the person's e-mails. */
  language: Language;
}

/** A person as the Secretariat sees them (GET /api/people, a document's members). */
export interface ManagedPerson extends Person {
  active: boolean;
  createdAt: string;
  /** When they first signed in; null while they never have (or before this was recorded). */
  firstSignInAt: string | null;
  /** When they were last seen using Accord, to within a few minutes; null while never seen. */
  lastSeenAt: string | null;
}

export interface DocumentSummary {
  id: string;
  title: string;
  phase: Phase;
  deadline: string | null;
}

/** One line of the documents list (GET /api/documents): a document the caller takes part in. */
export interface DocumentListEntry extends DocumentSummary {
  /** The caller's role on this document (`secretariat` on every document for the Secretariat). */
  role: Role;
  /** The document's reference, such as "P-PG/Training (2021) 2" ('' when it has none). */
  reference: string;
  /** Comments (threads) on the document, and how many of them are not yet answered. */
  comments: number;
  unanswered: number;
}

/** A member of a document, as the Secretariat sees them (GET /api/documents/:id/members). */
export interface DocumentMember {
  person: ManagedPerson;
  role: MemberRole;
}

export interface DocumentDetail extends DocumentSummary, DocumentDetails {
  sections: Array<Omit<Section, 'title'> & { title: string }>;
  /** The caller's role on this document: what the client's mirror of the role matrix reads. */
  role: Role;
  /** What the caller may do with the text now, and why not. */
  access: TextAccess;
  /** When the text was adopted, once it is. */
  adoptedAt: string | null;
  /**
   * The generation of the text: send it as the `generation` parameter of the collaboration socket
   * and key any offline copy by it (docs/PROTOCOL.md, close code staleGeneration).
   */
  generation: string;
}

/**
 * One node of the text as it stands (GET /api/documents/:id/text): the editor's node tree (node and
 * mark names and attributes as shared/schema.ts has them), to show the words before the live editor
 * has them. Read-only; the socket's text replaces it.
 */
export interface TextSnapshotNode {
  type: string;
  attrs?: Record<string, unknown>;
  /** A text node's words. */
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: TextSnapshotNode[];
}

export interface TextSnapshot {
  /** The generation the snapshot was taken from (see DocumentDetail.generation). */
  generation: string;
  content: TextSnapshotNode[];
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface InviteResult {
  person: Person;
  inviteToken: string;
  inviteUrl: string;
}

export interface ThreadAuthor {
  id: string;
  name: string;
  country: string;
  organisation: string;
  stakeholder: Stakeholder;
}

export interface Anchor {
  /** base64 of Y.encodeRelativePosition, inside the Y.XmlText holding the commented text. */
  start: string;
  end: string;
}

export interface Reply {
  id: string;
  author: ThreadAuthor;
  body: string;
  createdAt: string;
  /** When its author last changed it, or null. */
  updatedAt: string | null;
}

/** The path that opens the document at a comment (the client scrolls to it and opens it). */
export const threadLink = (documentId: string, ref: string) => `/documents/${encodeURIComponent(documentId)}?thread=${encodeURIComponent(ref)}`;

export interface Thread {
  id: string;
  /** The comment's permanent reference ("DE-007"), unique in its document, never changed or reused. */
  ref: string;
  /** Path of the page that opens the document at this comment (threadLink). */
  link: string;
  documentId: string;
  sectionId: string;
  anchor: Anchor | null;
  /** The text the anchor covers now, read from the live document ("" once orphaned, or for a whole section). */
  quote: string;
  /** The text the anchor covered when the thread was opened. */
  originalQuote: string;
  orphaned: boolean;
  kind: ThreadKind;
  body: string;
  proposedText: string | null;
  author: ThreadAuthor;
  createdAt: string;
  updatedAt: string;
  /** Earlier wordings of the comment, oldest first, when its author edited it. */
  previousBodies: Array<{ body: string; proposedText: string | null; replacedAt: string }>;
  status: ThreadStatus;
  response: string | null;
  assigneeId: string | null;
  replies: Reply[];
  endorsements: string[];
  /** Every disposition given, oldest first. */
  dispositions: Array<{ status: ThreadStatus; response: string | null; assigneeId: string | null; by: string; at: string }>;
  /** When and by whom the proposed wording was put into the text. */
  applied: { at: string; by: string } | null;
  /** For a comment received outside the platform (by e-mail) and entered by the Secretariat for its author. */
  received: { at: string; enteredBy: string } | null;
  /** Whether the author accepts the working group's answer or maintains their objection. */
  authorReaction: { reaction: 'accepts' | 'maintains-objection'; statement: string | null; at: string } | null;
}

/** Messages on GET /api/documents/:id/events (docs/EVENTS.md). */
export type DocumentEvent =
  | { type: 'thread'; thread: Thread }
  | { type: 'thread-removed'; threadId: string }
  | { type: 'document'; document: DocumentSummary };

/** One line of the audit log (GET /api/audit, newest first). */
export interface AuditEvent {
  at: string;
  actorId: string | null;
  actorName: string | null;
  /** What happened, e.g. `session.sign-in`, `person.invite`, `document.phase`. */
  action: string;
  /** What it happened to: a person id, a document id, … */
  target: string | null;
  detail: Record<string, unknown>;
}

/** A reviewer's sign-off (GET/POST /api/documents/:id/signoffs). */
export interface Signoff {
  id: string;
  documentId: string;
  reviewer: ThreadAuthor;
  decision: SignoffDecision;
  statement: string | null;
  createdAt: string;
  updatedAt: string;
  /** The reviewer's earlier decisions, oldest first: a changed decision stays on the record. */
  history: Array<{ decision: SignoffDecision; statement: string | null; at: string }>;
}

/** Who has signed and how (GET /api/documents/:id/signoffs/tally). */
export interface SignoffTally {
  phase: Phase;
  byDecision: Record<SignoffDecision, number>;
  reviewers: Array<{ reviewer: ThreadAuthor; signoff: Signoff | null }>;
  /** ISO codes of the countries none of whose reviewers has signed. */
  countriesNotSigned: string[];
}

/** One of the caller's own comments, with its document (GET /api/me/comments). */
export interface MyComment {
  document: { id: string; title: string; phase: Phase };
  thread: Thread;
}
