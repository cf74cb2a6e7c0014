/** The author's answer to the working group's disposition: accept it, or maintain the objection, with an optional statement. */
import { useState } from 'react';
import type { Thread } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { CountedTextarea } from './CountedTextarea.tsx';
import { useReview } from './ReviewContext.tsx';
import { useAction } from './useAction.ts';

type Reaction = 'accepts' | 'maintains-objection';

export function ReactionForm({ thread }: { thread: Thread }) {
  const { store, announce } = useReview();
  const t = useT();
  const [open, setOpen] = useState(thread.authorReaction === null);
  const [statement, setStatement] = useState(thread.authorReaction?.statement ?? '');
  const { busy, error, run } = useAction();

  const send = async (reaction: Reaction) => {
    const ok = await run(async () => store.upsert(await threadApi.react(thread.id, reaction, statement.trim() || undefined)));
    if (ok) {
      setOpen(false);
      announce(t(reaction === 'accepts' ? 'threads.reaction.accepted' : 'threads.reaction.recorded'));
    }
  };

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('threads.reaction.change')}
      </button>
    );
  }
  return (
    <fieldset className="reaction" data-testid="reaction-form">
      <legend className="reaction__title">{t('threads.reaction.legend')}</legend>
      <CountedTextarea label={t('threads.reaction.statement')} rows={2} value={statement} onChange={setStatement} hint={t('threads.reaction.statementHint')} />
      <div className="reaction__actions">
        <button type="button" className="button button--small button--primary" aria-disabled={busy} onClick={() => void send('accepts')}>
          {t('threads.reaction.accept')}
        </button>
        <button type="button" className="button button--small" aria-disabled={busy} onClick={() => void send('maintains-objection')}>
          {t('threads.reaction.maintain')}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
