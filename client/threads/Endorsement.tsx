/** How many people endorse a comment, and a toggle to add or take back one's own (not on one's own comment). */
import type { Thread } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useReview } from './ReviewContext.tsx';
import { isOwn } from './rights.ts';
import { useAction } from './useAction.ts';

export function Endorsement({ thread }: { thread: Thread }) {
  const { rights, store, announce } = useReview();
  const { busy, error, run } = useAction();
  const t = useT();
  const mine = thread.endorsements.includes(rights.person.id);
  const canToggle = rights.endorse.allowed && !isOwn(thread, rights.person);

  const toggle = () =>
    run(async () => {
      store.upsert(await threadApi.endorse(thread.id, !mine));
      announce(t(mine ? 'threads.endorseWithdrawn' : 'threads.endorseDone'));
    });

  return (
    <div className="endorsement">
      <span className="endorsement__count" data-testid="endorsement-count">
        {t('threads.endorsements', { count: thread.endorsements.length })}
      </span>
      {canToggle && (
        <button type="button" className="button button--small" aria-pressed={mine} aria-disabled={busy} onClick={() => void toggle()}>
          {t(mine ? 'threads.endorsed' : 'threads.endorse')}
        </button>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
