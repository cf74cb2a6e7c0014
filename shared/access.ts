/**
 * The role matrix: which role may do what in which phase. Written once, as data; the server checks
 * every REST route and every socket against it, the client only mirrors it to hide what would be
 * refused. docs/ACCESS.md shows the same table for people.
 */
import { PHASES, type Phase, type Role } from './domain.ts';

const ALL: readonly Phase[] = PHASES;
const OPEN: readonly Phase[] = ['drafting', 'consultation', 'revision', 'final-review'];
const EDITING: readonly Phase[] = ['drafting', 'revision'];

type Rule = Partial<Record<Role, readonly Phase[]>>;

export const ACCESS = {
  /** Read documents, their sections, threads and versions; compare versions. */
  'document.read': { secretariat: ALL, 'working-group': ALL, participant: ALL, reviewer: ALL },
  /** Change the text over the collaboration socket. */
  'text.edit': { secretariat: EDITING, 'working-group': EDITING },
  /** Move a document between phases, set the consultation deadline. */
  'document.phase': { secretariat: ALL },
  /** Open a thread or reply (participants also need the consultation deadline not to have passed). */
  'thread.comment': { secretariat: OPEN, 'working-group': OPEN, participant: ['consultation'], reviewer: ['final-review'] },
  /** Endorse someone else's thread, under the same rules as commenting. */
  'thread.endorse': { secretariat: OPEN, 'working-group': OPEN, participant: ['consultation'], reviewer: ['final-review'] },
  /** Import a filled-in comment table, entering each row for the member who sent it. */
  'comments.import': { secretariat: OPEN },
  /** Give a thread its disposition, response and assignee. */
  'thread.dispose': { secretariat: OPEN, 'working-group': OPEN },
  /** Put a thread's proposed wording into the text. */
  'thread.apply': { secretariat: ['revision'], 'working-group': ['revision'] },
  /** The consolidated feedback report. */
  'report.read': { secretariat: ALL, 'working-group': ALL, reviewer: ALL },
  /** Name a version of the text. */
  'version.create': { secretariat: ALL, 'working-group': ALL },
  /** Sign off the final text. */
  'signoff.submit': { reviewer: ['final-review'] },
  /** See the sign-offs. */
  'signoff.read': { secretariat: ALL, 'working-group': ALL, reviewer: ALL },
  /** Create documents, edit their details, archive, delete drafts, start new editions. */
  'document.manage': { secretariat: ALL },
  /** Invite, list, change and deactivate people. */
  'people.manage': { secretariat: ALL },
  /** Read the audit log. */
  'audit.read': { secretariat: ALL },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof ACCESS;
export const ACTIONS = Object.keys(ACCESS) as Action[];

/**
 * What may still be done on an archived document: reading it, its report and sign-offs (and so its
 * exports). Everything else, the text above all, is closed to every role.
 */
export const ARCHIVED_ALLOWS: readonly Action[] = ['document.read', 'document.manage', 'report.read', 'signoff.read', 'people.manage', 'audit.read'];

/** The facts about a document that the rules depend on. */
export interface DocumentState {
  phase: Phase;
  archived?: boolean;
}

/** May this role do this action on this document, given its phase and whether it is archived? */
export function allowedOn(role: Role, action: Action, document: DocumentState): boolean {
  if (document.archived && !ARCHIVED_ALLOWS.includes(action)) return false;
  return allowed(role, action, document.phase);
}

/** textAccess for a document, archived ones included. */
export function textAccessOn(role: Role, document: DocumentState): TextAccess {
  if (document.archived) return { edit: false, reason: 'access.archived' };
  return textAccess(role, document.phase);
}

/** May this role do this action in this phase? */
export function allowed(role: Role, action: Action, phase: Phase): boolean {
  const phases = (ACCESS[action] as Rule)[role];
  return phases?.includes(phase) ?? false;
}

/** May this role do this action in any phase? (For routes that are not about one document.) */
export function allowedInSomePhase(role: Role, action: Action): boolean {
  return ((ACCESS[action] as Rule)[role]?.length ?? 0) > 0;
}

/**
 * Why a text is closed to someone: a key of the interface's catalogues (shared/i18n), so the page
 * words it in the reader's language.
 */
export type AccessReason =
  | 'access.archived'
  | 'access.adopted'
  | 'access.closedInConsultation'
  | 'access.closedInFinalReview'
  | 'access.commentInConsultation'
  | 'access.commentInFinalReview'
  | 'access.readOnly';

export interface TextAccess {
  edit: boolean;
  /** Why the text is closed, when it is (a catalogue key). */
  reason: AccessReason | null;
}

export function textAccess(role: Role, phase: Phase): TextAccess {
  if (allowed(role, 'text.edit', phase)) return { edit: true, reason: null };
  if (phase === 'adopted') return { edit: false, reason: 'access.adopted' };
  if (allowedInSomePhase(role, 'text.edit')) return { edit: false, reason: phase === 'consultation' ? 'access.closedInConsultation' : 'access.closedInFinalReview' };
  if (allowed(role, 'thread.comment', phase)) return { edit: false, reason: phase === 'consultation' ? 'access.commentInConsultation' : 'access.commentInFinalReview' };
  return { edit: false, reason: 'access.readOnly' };
}

/** Shorthand for checks that do not depend on a document's phase. */
export const may = allowedInSomePhase;
export type RoleAction = Action;
