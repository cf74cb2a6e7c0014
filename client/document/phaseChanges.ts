/** What moving a document to each phase changes, in one sentence the Secretariat can confirm. */
import { endOfDay } from '../format.ts';
import type { Phase } from '../../shared/domain.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';

/** The catalogue keys of the dialog that confirms a move to `phase`: its question, consequence and button. */
export function phaseChangeKeys(phase: Phase): { question: MessageKey; consequence: MessageKey; action: MessageKey } {
  return { question: `phaseChange.${phase}.question`, consequence: `phaseChange.${phase}.consequence`, action: `phaseChange.${phase}.action` };
}

/** The end of that day in the deployment's time zone (not the Secretariat's own clock). */
export const endOfDayIso = endOfDay;
