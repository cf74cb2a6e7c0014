/**
 * Everything about an open comment, and what the reader may do with it: the proposal, endorsements,
 * the working group's answer (and its form, for those who give answers), the author's own tools and
 * reaction, and the replies.
 */
import { useT } from '../i18n/LanguageProvider.tsx';
import { KindBadge } from './Badges.tsx';
import { AuthorTools, EarlierWordings } from './AuthorTools.tsx';
import { DispositionForm } from './DispositionForm.tsx';
import { DispositionView } from './DispositionView.tsx';
import { Endorsement } from './Endorsement.tsx';
import { ProposedWording } from './ProposedWording.tsx';
import { ReactionForm } from './ReactionForm.tsx';
import { Replies } from './Replies.tsx';
import { useReview } from './ReviewContext.tsx';
import { mayChangeOwn, mayReact } from './rights.ts';
import type { PlacedThread } from './types.ts';

interface ThreadDetailsProps {
  placed: PlacedThread;
  formFocus: number;
  onSaveAndNext: (id: string) => void;
}

export function ThreadDetails({ placed, formFocus, onSaveAndNext }: ThreadDetailsProps) {
  const { rights, detail } = useReview();
  const { thread } = placed;
  const t = useT();
  return (
    <div className="thread-details">
      <p className="thread-details__kind">
        <KindBadge kind={thread.kind} />
      </p>
      <p className="thread-details__link">
        <a href={thread.link} data-testid="thread-link">
          {t('threads.link', { ref: thread.ref })}
        </a>
      </p>
      <EarlierWordings thread={thread} />
      <ProposedWording placed={placed} />
      <Endorsement thread={thread} />
      {mayChangeOwn(thread, rights) && <AuthorTools thread={thread} />}
      <DispositionView thread={thread} />
      {rights.dispose && <DispositionForm thread={thread} focusSerial={formFocus} onSaveAndNext={onSaveAndNext} />}
      {mayReact(thread, rights, detail) && <ReactionForm thread={thread} />}
      <Replies thread={thread} />
    </div>
  );
}
