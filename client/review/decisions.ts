/**
 * The three sign-off decisions. Their words are in the catalogues: `decision.<d>` for the name and
 * `decisionHint.<d>` for what choosing it means, said in the first person as on a ballot.
 */
import { SIGNOFF_DECISIONS, type SignoffDecision } from '../../shared/domain.ts';

export const DECISIONS = SIGNOFF_DECISIONS;
export type Decision = SignoffDecision;

/** A statement is what makes a reservation or an objection useful; the server requires one. */
export const needsStatement = (decision: Decision) => decision !== 'approve';
