/** The phase of a document as a coloured label; the colour only repeats what the text says. */
import { PHASE_LABELS, type Phase } from '../../shared/domain.ts';

export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <span className={`phase-badge phase-badge--${phase}`} data-testid="phase-badge">
      {PHASE_LABELS[phase]}
    </span>
  );
}
