/** The small labels on a comment: its kind and its status. Each says its meaning in words; colour only repeats it. */
import type { ThreadKind, ThreadStatus } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function KindBadge({ kind }: { kind: ThreadKind }) {
  const t = useT();
  return <span className={`kind-badge kind-badge--${kind}`}>{t(`kind.${kind}`)}</span>;
}

export function StatusBadge({ status }: { status: ThreadStatus }) {
  const t = useT();
  return (
    <span className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {t(`status.${status}`)}
    </span>
  );
}
