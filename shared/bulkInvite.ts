/**
 * Inviting many people at once (POST /api/people/bulk and /api/people/bulk/preview): the rows a
 * list holds, as read from a CSV file or a pasted list, and the server's judgement of each. The
 * client only splits the text into cells; every rule about what a row must hold is the server's.
 */
import type { ManagedPerson } from './api.ts';
import type { MemberRole, Role } from './domain.ts';

/** The columns of a list, in the order a list without a header row gives them. */
export const BULK_COLUMNS = ['name', 'email', 'country', 'organisation', 'stakeholder', 'role', 'language'] as const;
export type BulkColumn = (typeof BULK_COLUMNS)[number];

/** One row as written in the list: each cell's text, untouched ('' when the cell is missing). */
export type BulkRow = Record<BulkColumn, string>;

export interface BulkInviteRequest {
  rows: BulkRow[];
  /** The role of rows that give none. */
  defaultRole: Role;
  /**
   * Where they take part: one document with a role on it, or, when absent, every document that is
   * not archived with the role of their row (as a single invitation without `documents`).
   */
  document?: { id: string; role: MemberRole } | null;
  /** E-mail each person their invitation with their sign-in link. */
  sendInvitation?: boolean;
}

/** One row as the server judges it. */
export interface BulkRowVerdict {
  /** The row's number in the list, from 1, not counting a header row. */
  row: number;
  /** The person as they would be created (as far as the row could be read). */
  person: { name: string; email: string; role: Role | null; country: string; organisation: string; stakeholder: string; language: string };
  /** Why the row cannot be created; empty when it can. */
  problems: BulkProblem[];
}

/**
 * What stops a row. The interface words it from `code` and `values` in the reader's language
 * (bulkProblem.* in the catalogues); `message` is the same in English, for other API clients.
 */
export interface BulkProblem {
  field: BulkColumn;
  code: BulkProblemCode;
  values: Record<string, string | number>;
  message: string;
}

export const BULK_PROBLEM_CODES = [
  'nameMissing',
  'nameTooLong',
  'emailMissing',
  'emailInvalid',
  'emailTaken',
  'emailRepeated',
  'countryMissing',
  'countryUnknown',
  'organisationTooLong',
  'stakeholderMissing',
  'stakeholderUnknown',
  'roleUnknown',
  'languageUnknown',
] as const;
export type BulkProblemCode = (typeof BULK_PROBLEM_CODES)[number];

export interface BulkInvitePreview {
  rows: BulkRowVerdict[];
  valid: number;
  invalid: number;
}

export interface BulkInviteCreated {
  people: Array<{ person: ManagedPerson; inviteUrl: string }>;
  /** Invitations queued for e-mail (0 unless asked for). */
  emailed: number;
}
