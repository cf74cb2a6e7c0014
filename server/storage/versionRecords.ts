/**
 * Versions of a document's text and the reviewers' sign-offs, behind small repository interfaces.
 * A version is a full, self-contained copy of the Yjs state (see docs/VERSIONS.md for why).
 */
import type { Phase, SignoffDecision } from '../../shared/domain.ts';
import type { VersionLabel } from '../../shared/versions.ts';

export interface VersionRecord {
  id: string;
  documentId: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  /** The phase the document was in when the version was taken. */
  phase: Phase;
  /** True for versions taken automatically at a phase change. */
  automatic: boolean;
  /**
   * What an automatic version is, from which its name is said in the reader's language. Records made
   * before it existed have only an English `name`; server/versions/versionNames.ts reads those.
   */
  label?: VersionLabel | null;
}

export interface SignoffRecord {
  id: string;
  documentId: string;
  reviewerId: string;
  decision: SignoffDecision;
  statement: string | null;
  createdAt: string;
  updatedAt: string;
  /** The reviewer's earlier decisions on this document, oldest first; missing on older records. */
  history?: SignoffChange[];
}

export interface SignoffChange {
  decision: SignoffDecision;
  statement: string | null;
  /** When that decision was recorded. */
  at: string;
}

export interface VersionRepo {
  list(documentId: string): Promise<VersionRecord[]>;
  get(documentId: string, id: string): Promise<VersionRecord | undefined>;
  /** Stores the state first, then the record: a listed version always has its text. */
  insert(version: VersionRecord, state: Uint8Array): Promise<void>;
  state(version: VersionRecord): Promise<Uint8Array>;
  /** Deletes every version of a document, records and files (a draft deleted). */
  removeDocument(documentId: string): Promise<number>;
}

export interface SignoffRepo {
  list(documentId: string): Promise<SignoffRecord[]>;
  /** Inserts the reviewer's sign-off, or replaces their earlier one and keeps it in the history. */
  upsert(signoff: Omit<SignoffRecord, 'id' | 'createdAt'> & { id: string; createdAt: string }): Promise<SignoffRecord>;
  /** Deletes every sign-off on a document (a draft deleted). */
  removeDocument(documentId: string): Promise<number>;
}
