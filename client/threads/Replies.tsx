/** The conversation under a comment, and a box to reply when commenting is open. */
import { useState, type FormEvent } from 'react';
import type { Thread } from '../../shared/api.ts';
import { threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { CountedTextarea } from './CountedTextarea.tsx';
import { ReplyItem } from './ReplyItem.tsx';
import { useReview } from './ReviewContext.tsx';
import { useAction } from './useAction.ts';

export function Replies({ thread }: { thread: Thread }) {
  const { rights, store, announce } = useReview();
  const t = useT();
  const [body, setBody] = useState('');
  const { busy, error, setError, run } = useAction();

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!body.trim()) {
      setError(t('threads.replies.empty'));
      return;
    }
    await run(async () => {
      const reply = await threadApi.reply(thread.id, body.trim());
      // The event stream brings the whole thread too; adding the reply now saves the wait.
      if (!thread.replies.some((r) => r.id === reply.id)) store.upsert({ ...thread, replies: [...thread.replies, reply] });
      setBody('');
      announce(t('threads.replies.posted'));
    });
  };

  return (
    <section className="replies" aria-label={t('threads.replies.label')}>
      {thread.replies.length > 0 && (
        <ol className="replies__list">
          {thread.replies.map((reply) => (
            <ReplyItem key={reply.id} thread={thread} reply={reply} />
          ))}
        </ol>
      )}
      {rights.comment.allowed && (
        <form className="replies__form" onSubmit={send} noValidate>
          <CountedTextarea
            label={t('threads.replies.reply')}
            required
            rows={2}
            value={body}
            error={error}
            onChange={setBody}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void send();
              }
            }}
            testId="reply-body"
          />
          <button type="submit" className="button button--small" aria-disabled={busy}>
            {t(busy ? 'threads.composer.sending' : 'threads.replies.send')}
          </button>
        </form>
      )}
    </section>
  );
}
