/**
 * What authors may do with their own open comment: reword it (the earlier wording stays visible on
 * request) or withdraw it, after a confirmation.
 */
import { useState, type FormEvent } from 'react';
import type { Thread } from '../../shared/api.ts';
import type { ThreadKind } from '../../shared/domain.ts';
import { threadApi } from '../api.ts';
import { CountedTextarea } from './CountedTextarea.tsx';
import { shortTime } from './format.ts';
import { KindField } from './KindField.tsx';
import { useReview } from './ReviewContext.tsx';
import { useAction } from './useAction.ts';

export function EarlierWordings({ thread }: { thread: Thread }) {
  if (thread.previousBodies.length === 0) return null;
  return (
    <details className="earlier">
      <summary>Show earlier wording ({thread.previousBodies.length})</summary>
      <ol className="earlier__list">
        {thread.previousBodies.map((previous) => (
          <li key={previous.replacedAt}>
            <p className="earlier__when">Until {shortTime(previous.replacedAt)}</p>
            <p className="earlier__body">{previous.body}</p>
            {previous.proposedText && <p className="earlier__proposal">Proposed wording: {previous.proposedText}</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function AuthorTools({ thread }: { thread: Thread }) {
  const { store, announce, closeThread } = useReview();
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
    if (!body.trim()) return setError('A comment cannot be empty.');
    const ok = await run(async () => store.upsert(await threadApi.edit(thread.id, { kind, body: body.trim(), proposedText: proposed.trim() || null })));
    if (ok) {
      setMode('idle');
      announce('Your comment was changed.');
    }
  };

  const withdraw = async () => {
    const ok = await run(async () => {
      await threadApi.withdraw(thread.id);
      store.apply({ type: 'thread-removed', threadId: thread.id });
    });
    if (ok) {
      closeThread();
      announce('Your comment was withdrawn.');
    }
  };

  if (mode === 'edit') {
    return (
      <form className="author-tools author-tools--edit" onSubmit={save} noValidate>
        <KindField value={kind} onChange={setKind} />
        <CountedTextarea label="Comment" required value={body} onChange={setBody} error={error} />
        <CountedTextarea label="Proposed wording" value={proposed} onChange={setProposed} rows={3} />
        <div className="author-tools__actions">
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            Save changes
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="author-tools">
      {mode === 'withdraw' ? (
        <div className="author-tools__confirm">
          <p>Withdraw this comment? It will disappear for everyone, with its replies.</p>
          <button type="button" className="button button--warning button--small" disabled={busy} onClick={() => void withdraw()}>
            Withdraw
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('idle')}>
            Keep it
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="button button--small" onClick={startEdit}>
            Edit
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('withdraw')}>
            Withdraw
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
