/** The commented words of a thread as they read now, or the original words with a note when they were deleted. */
import { useT } from '../i18n/LanguageProvider.tsx';
import type { PlacedThread } from './types.ts';

export function ThreadQuote({ placed, clamp }: { placed: PlacedThread; clamp: boolean }) {
  const { thread, quote, orphaned } = placed;
  const t = useT();
  if (!thread.anchor) return <p className="thread-quote thread-quote--section">{t('threads.wholeSection')}</p>;
  return (
    <div className={`thread-quote${orphaned ? ' thread-quote--orphaned' : ''}`}>
      <q className={`thread-quote__words${clamp ? ' thread-quote__words--clamped' : ''}`}>{(orphaned ? thread.originalQuote : quote).trim()}</q>
      {orphaned && <p className="thread-quote__note">{t('threads.quoteRemoved')}</p>}
    </div>
  );
}
