/** One reply under a comment; its author may change it or withdraw it (after a confirmation). */
import { useState, type FormEvent } from 'react';
import type { Reply, Thread } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { CountedTextarea } from './CountedTextarea.tsx';
import { countryName, fullTime, shortTime } from './format.ts';
import { useReview } from './ReviewContext.tsx';
import { mayChangeOwnReply } from './rights.ts';
import { useAction } from './useAction.ts';

export function ReplyItem({ thread, reply }: { thread: Thread; reply: Reply }) {
  const { rights, store, announce } = useReview();
  const t = useT();
  const [mode, setMode] = useState<'idle' | 'edit' | 'withdraw'>('idle');
  const [body, setBody] = useState(reply.body);
  const { busy, error, setError, run } = useAction();
  const own = mayChangeOwnReply(thread, reply, rights);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError(t('threads.reply.cannotBeEmpty'));
    const ok = await run(async () => {
      const changed = await threadApi.editReply(thread.id, reply.id, body.trim());
      store.upsert({ ...thread, replies: thread.replies.map((r) => (r.id === changed.id ? changed : r)) });
    });
    if (ok) {
      setMode('idle');
      announce(t('threads.reply.changed'));
    }
  };

  const withdraw = async () => {
    const ok = await run(async () => {
      await threadApi.withdrawReply(thread.id, reply.id);
      store.upsert({ ...thread, replies: thread.replies.filter((r) => r.id !== reply.id) });
    });
    if (ok) announce(t('threads.reply.withdrawn'));
  };

  return (
    <li className="reply" data-testid="reply">
      <p className="reply__meta">
        <span className="reply__author">{reply.author.name}</span>
        <span className="reply__details">{[reply.author.organisation, countryName(reply.author.country)].filter(Boolean).join(' · ')}</span>
        <time dateTime={reply.createdAt} title={fullTime(reply.createdAt)}>
          {shortTime(reply.createdAt)}
          {reply.updatedAt && ` · ${t('threads.edited')}`}
        </time>
      </p>
      {mode === 'edit' ? (
        <form className="author-tools author-tools--edit" onSubmit={save} noValidate>
          <CountedTextarea label={t('threads.replies.reply')} required rows={2} value={body} onChange={setBody} error={error} testId="reply-edit-body" />
          <div className="author-tools__actions">
            <button type="submit" className="button button--primary button--small" aria-disabled={busy}>
              {t('threads.reply.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setMode('idle')}>
              {t('threads.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <p className="reply__body">{reply.body}</p>
      )}
      {own && mode !== 'edit' && (
        <div className="author-tools">
          {mode === 'withdraw' ? (
            <div className="author-tools__confirm">
              <p>{t('threads.reply.withdrawQuestion')}</p>
              <button type="button" className="button button--warning button--small" aria-disabled={busy} onClick={() => void withdraw()}>
                {t('threads.reply.withdraw')}
              </button>
              <button type="button" className="button button--small" onClick={() => setMode('idle')}>
                {t('threads.keepIt')}
              </button>
            </div>
          ) : (
            <>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  setBody(reply.body);
                  setMode('edit');
                }}
              >
                {t('threads.reply.edit')}
              </button>
              <button type="button" className="button button--small" onClick={() => setMode('withdraw')}>
                {t('threads.reply.withdraw')}
              </button>
            </>
          )}
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
