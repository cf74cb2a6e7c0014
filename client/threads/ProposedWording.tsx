/**
 * A proposed change as people read a tracked change: the words now, struck through, and the words
 * proposed, underlined, each also labelled in words for screen readers and monochrome screens.
 */
import { useT } from '../i18n/LanguageProvider.tsx';
import type { PlacedThread } from './types.ts';

export function ProposedWording({ placed }: { placed: PlacedThread }) {
  const { thread, quote, orphaned } = placed;
  const t = useT();
  if (!thread.proposedText) return null;
  const current = orphaned ? thread.originalQuote : quote;
  return (
    <div className="proposal" data-testid="proposal">
      <p className="proposal__title">{t(thread.applied ? 'threads.proposal.applied' : 'threads.proposedWording')}</p>
      {thread.anchor && !thread.applied ? (
        <p className="proposal__change">
          <span className="proposal__label">{t('threads.proposal.replace')}</span> <del className="proposal__old">{current}</del>{' '}
          <span className="proposal__label">{t('threads.proposal.with')}</span> <ins className="proposal__new">{thread.proposedText}</ins>
        </p>
      ) : (
        <p className="proposal__change">
          <ins className="proposal__new">{thread.proposedText}</ins>
        </p>
      )}
    </div>
  );
}
