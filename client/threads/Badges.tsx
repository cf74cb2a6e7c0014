/** The small labels on a comment: its kind and its status. Each says its meaning in words; colour only repeats it. */
import { THREAD_KIND_LABELS, THREAD_STATUS_LABELS, type ThreadKind, type ThreadStatus } from '../../shared/domain.ts';

export function KindBadge({ kind }: { kind: ThreadKind }) {
  return <span className={`kind-badge kind-badge--${kind}`}>{THREAD_KIND_LABELS[kind]}</span>;
}

export function StatusBadge({ status }: { status: ThreadStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {THREAD_STATUS_LABELS[status]}
    </span>
  );
}
