/** What moving a document to each phase changes, in one sentence the Secretariat can confirm. */
import { endOfDay } from '../format.ts';
import { PHASE_LABELS, type Phase } from '../../shared/domain.ts';

export const PHASE_CHANGES: Record<Phase, { question: string; consequence: string; action: string }> = {
  drafting: {
    question: `Move to ${PHASE_LABELS.drafting}?`,
    consequence: 'The working group will be able to edit the text; participants and Permanent Correspondents can no longer comment.',
    action: `Move to ${PHASE_LABELS.drafting}`,
  },
  consultation: {
    question: 'Open the consultation?',
    consequence: 'The text will be closed for editing; participants will be able to comment until the deadline.',
    action: 'Open the consultation',
  },
  revision: {
    question: `Move to ${PHASE_LABELS.revision}?`,
    consequence: 'The working group will be able to edit the text; participants can no longer comment.',
    action: `Move to ${PHASE_LABELS.revision}`,
  },
  'final-review': {
    question: `Move to ${PHASE_LABELS['final-review']}?`,
    consequence: 'The text will be closed for editing; Permanent Correspondents will be able to comment and sign off.',
    action: `Move to ${PHASE_LABELS['final-review']}`,
  },
  adopted: {
    question: 'Adopt this text?',
    consequence: 'The text will be frozen: no one can edit it or comment on it any more.',
    action: 'Adopt the text',
  },
};

/** The end of that day in the deployment's time zone (not the Secretariat's own clock). */
export const endOfDayIso = endOfDay;
