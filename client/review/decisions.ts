/** The three sign-off decisions, in the words reviewers read and the tally shows. */
import { SIGNOFF_DECISIONS, type SignoffDecision } from '../../shared/domain.ts';

export const DECISIONS = SIGNOFF_DECISIONS;
export type Decision = SignoffDecision;

export const DECISION_LABELS: Record<Decision, string> = {
  approve: 'Approve',
  'approve-with-reservations': 'Approve with reservations',
  object: 'Object',
};

/** What choosing each one means, said in the first person as on a ballot. */
export const DECISION_HINTS: Record<Decision, string> = {
  approve: 'I approve the text as it stands.',
  'approve-with-reservations': 'I approve the text, and put my reservations on record.',
  object: 'I object to the text being adopted as it stands.',
};

/** A statement is what makes a reservation or an objection useful; the server requires one. */
export const needsStatement = (decision: Decision) => decision !== 'approve';
