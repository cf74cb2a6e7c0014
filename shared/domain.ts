/**
 * The vocabulary of the platform: roles, phases, stakeholder groups. Data only, used by both sides.
 */

export const ROLES = ['secretariat', 'working-group', 'participant', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a person has on one document; `secretariat` is a role across all documents. */
export const MEMBER_ROLES = ['working-group', 'participant', 'reviewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const PHASES = ['drafting', 'consultation', 'revision', 'final-review', 'adopted'] as const;
export type Phase = (typeof PHASES)[number];

export const STAKEHOLDERS = ['government', 'civil-society', 'international', 'other'] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  secretariat: 'Secretariat',
  'working-group': 'Working group',
  participant: 'Participant',
  reviewer: 'Permanent Correspondent',
};

export const PHASE_LABELS: Record<Phase, string> = {
  drafting: 'Drafting',
  consultation: 'Consultation',
  revision: 'Revision',
  'final-review': 'Final review',
  adopted: 'Adopted',
};

export const STAKEHOLDER_LABELS: Record<Stakeholder, string> = {
  government: 'Government',
  'civil-society': 'Civil society',
  international: 'International organisation',
  other: 'Other',
};

export const THREAD_KINDS = ['general', 'technical', 'editorial', 'question'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export const THREAD_KIND_LABELS: Record<ThreadKind, string> = {
  general: 'General',
  technical: 'Technical',
  editorial: 'Editorial',
  question: 'Question',
};

/** The dispositions the working group gives a thread; `open` means not yet answered. */
export const THREAD_STATUSES = ['open', 'accepted', 'partially-accepted', 'not-accepted', 'noted'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

export const THREAD_STATUS_LABELS: Record<ThreadStatus, string> = {
  open: 'Not yet answered',
  accepted: 'Accepted',
  'partially-accepted': 'Partially accepted',
  'not-accepted': 'Not accepted',
  noted: 'Noted',
};

/** A Permanent Correspondent's sign-off of the final text. */
export const SIGNOFF_DECISIONS = ['approve', 'approve-with-reservations', 'object'] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];
