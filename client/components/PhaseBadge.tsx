/** The phase of a document as a coloured label; the colour only repeats what the text says. */
import type { Phase } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function PhaseBadge({ phase }: { phase: Phase }) {
  const t = useT();
  return (
    <span className={`phase-badge phase-badge--${phase}`} data-testid="phase-badge">
      {t(`phase.${phase}`)}
    </span>
  );
}
