/**
 * What authors may do with their own open comment: reword it (the earlier wording stays visible on
 * request) or withdraw it, after a confirmation.
 */
import { useState, type FormEvent } from 'react';
import type { Thread } from '../../shared/api.ts';
import type { ThreadKind } from '../../shared/domain.ts';
import { threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { CountedTextarea } from './CountedTextarea.tsx';
import { shortTime } from './format.ts';
import { KindField } from './KindField.tsx';
import { useReview } from './ReviewContext.tsx';
import { useAction } from './useAction.ts';

export function EarlierWordings({ thread }: { thread: Thread }) {
  const t = useT();
  if (thread.previousBodies.length === 0) return null;
  return (
    <details className="earlier">
      <summary>{t('threads.author.earlier', { count: thread.previousBodies.length })}</summary>
      <ol className="earlier__list">
        {thread.previousBodies.map((previous) => (
          <li key={previous.replacedAt}>
            <p className="earlier__when">{t('threads.author.until', { time: shortTime(previous.replacedAt) })}</p>
            <p className="earlier__body">{previous.body}</p>
            {previous.proposedText && <p className="earlier__proposal">{t('threads.author.earlierProposal', { text: previous.proposedText })}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function AuthorTools({ thread }: { thread: Thread }) {
  const { store, announce, closeThread } = useReview();
  const t = useT();
  const [mode, setMode] = useState<'idle' | 'edit' | 'withdraw'>('idle');
  const [kind, setKind] = useState<ThreadKind>(thread.kind);
  const [body, setBody] = useState(thread.body);
  const [proposed, setProposed] = useState(thread.proposedText ?? '');
  const { busy, error, setError, run } = useAction();

  const startEdit = () => {
    setKind(thread.kind);
    setBody(thread.body);
    setProposed(thread.proposedText ?? '');
    setMode('edit');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError(t('threads.author.cannotBeEmpty'));
    const ok = await run(async () => store.upsert(await threadApi.edit(thread.id, { kind, body: body.trim(), proposedText: proposed.trim() || null })));
    if (ok) {
      setMode('idle');
      announce(t('threads.author.changed'));
    }
  };

  const withdraw = async () => {
    const ok = await run(async () => {
      await threadApi.withdraw(thread.id);
      store.apply({ type: 'thread-removed', threadId: thread.id });
    });
    if (ok) {
      closeThread();
      announce(t('threads.author.withdrawn'));
    }
  };

  if (mode === 'edit') {
    return (
      <form className="author-tools author-tools--edit" onSubmit={save} noValidate>
        <KindField value={kind} onChange={setKind} />
        <CountedTextarea label={t('threads.comment')} required value={body} onChange={setBody} error={error} />
        <CountedTextarea label={t('threads.proposedWording')} value={proposed} onChange={setProposed} rows={3} />
        <div className="author-tools__actions">
          <button type="submit" className="button button--primary button--small" aria-disabled={busy}>
            {t('threads.author.saveChanges')}
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('idle')}>
            {t('threads.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="author-tools">
      {mode === 'withdraw' ? (
        <div className="author-tools__confirm">
          <p>{t('threads.author.withdrawQuestion')}</p>
          <button type="button" className="button button--warning button--small" aria-disabled={busy} onClick={() => void withdraw()}>
            {t('threads.author.withdraw')}
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('idle')}>
            {t('threads.keepIt')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="button button--small" onClick={startEdit}>
            {t('threads.author.edit')}
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('withdraw')}>
            {t('threads.author.withdraw')}
          </button>
        </>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
