/**
 * Importing a filled-in comment table (ISO style): what the preview tells about each row, and the
 * corrected rows the Secretariat sends back to be stored. Both sides use these shapes.
 */
import type { ThreadKind } from './domain.ts';
import type { MessageKey } from './i18n/en.ts';

/** Why a row cannot be stored as it is (blocking), or what was guessed (a warning). */
export type ImportProblemCode =
  | 'no-comment'
  | 'comment-too-long'
  | 'no-section'
  | 'section-guessed'
  | 'bad-type'
  | 'no-author'
  | 'several-authors'
  | 'author-by-country'
  | 'quote-not-found';

export interface ImportProblem {
  code: ImportProblemCode;
  /** true: the row cannot be stored until it is fixed. */
  blocking: boolean;
  /** The problem in words, from the catalogues (importProblem.*): the interface says it in the reader's language. */
  words: { key: MessageKey; values: Record<string, string | number> };
  /** The same in English, for other API clients. */
  message: string;
}

/** A member of the document a row can be entered for. */
export interface ImportAuthor {
  id: string;
  name: string;
  country: string;
  organisation: string;
  email: string;
}

/** One row of the table, as read and as the server would store it. */
export interface ImportPreviewRow {
  /** The row's line in the table (the header is line 1 of a spreadsheet, or of a Word table). */
  line: number;
  /** What the table said, for the Secretariat to compare. */
  source: { memberBody: string; clause: string; paragraph: string; type: string; author: string };
  sectionId: string | null;
  /** The words of the paragraph column found in the section's text; null when not found or not given. */
  quote: string | null;
  kind: ThreadKind | null;
  body: string;
  proposedText: string | null;
  authorId: string | null;
  /** When several members could have sent it: the ones to choose from. */
  candidateIds: string[];
  problems: ImportProblem[];
}

export interface ImportPreview {
  fileName: string;
  rows: ImportPreviewRow[];
  /** The document's members a row may be entered for (everyone but the Secretariat). */
  authors: ImportAuthor[];
  /** Header cells of the table that were not recognised, left out of the import. */
  ignoredColumns: string[];
}

/** A row as sent back to be stored, after the Secretariat's corrections. */
export interface ImportCommitRow {
  line: number;
  sectionId: string;
  quote: string | null;
  kind: ThreadKind;
  body: string;
  proposedText: string | null;
  authorId: string;
}

export interface ImportCommit {
  rows: ImportCommitRow[];
  /** When the table was received (an ISO instant); the time of the import when left out. */
  receivedAt?: string;
  fileName?: string;
}

export interface ImportResult {
  count: number;
  threads: Array<{ id: string; ref: string; line: number }>;
}

/** The values the type column takes in the template; other spellings are recognised on import. */
export const IMPORT_TYPE_CODES: Record<ThreadKind, string> = { general: 'ge', technical: 'te', editorial: 'ed', question: 'q' };
