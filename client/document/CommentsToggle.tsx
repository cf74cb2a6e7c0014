/** The button that opens the comments drawer on narrow screens (on wide ones the comments are always beside the text). */
import type { Ref } from 'react';
import { formatNumber } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface CommentsToggleProps {
  ref: Ref<HTMLButtonElement>;
  open: boolean;
  count: number;
  panelId: string;
  onToggle: () => void;
}

export function CommentsToggle({ ref, open, count, panelId, onToggle }: CommentsToggleProps) {
  const t = useT();
  return (
    <button type="button" ref={ref} className="button comments-toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle} data-testid="comments-toggle">
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M4 4h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      </svg>
      {t('doc.comments')}
      <span className="comments-toggle__count">{formatNumber(count)}</span>
    </button>
  );
}
