/**
 * One answer for many comments: appears once comments are ticked (or x is pressed on them), gives
 * them the same status, reasoning and assignee in one request, and says how many were answered.
 */
import { useId, useState, type FormEvent } from 'react';
import { THREAD_STATUS_LABELS, THREAD_STATUSES, type ThreadStatus } from '../../shared/domain.ts';
import { threadApi } from '../api.ts';
import { CountedTextarea } from './CountedTextarea.tsx';
import { count } from './format.ts';
import { useReview } from './ReviewContext.tsx';
import { useAction } from './useAction.ts';

export function BulkBar({ shownIds }: { shownIds: readonly string[] }) {
  const { selected, setSelected, store, announce, detail, rights, byId } = useReview();
  const [status, setStatus] = useState<ThreadStatus>('noted');
  const [response, setResponse] = useState('');
  const [assign, setAssign] = useState<'keep' | 'me' | 'nobody'>('keep');
  const { busy, error, setError, run } = useAction();
  const formId = useId();
  if (!rights.dispose) return null;
  // A ticked comment may have been withdrawn meanwhile.
  const ids = [...selected].filter((id) => byId.has(id));

  if (ids.length === 0) {
    return shownIds.length > 1 ? (
      <div className="bulk-bar bulk-bar--idle">
        <button type="button" className="button button--small" onClick={() => setSelected(new Set(shownIds))}>
          Select all {shownIds.length} shown
        </button>
        <span className="muted">to answer them together (or press x on a comment)</span>
      </div>
    ) : null;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status !== 'open' && !response.trim()) {
      setError('Write the working group’s reasoning for these comments.');
      return;
    }
    const assigneeId = assign === 'keep' ? undefined : assign === 'me' ? rights.person.id : null;
    const ok = await run(async () => {
      const threads = await threadApi.disposeMany(detail.id, ids, { status, response: response.trim() || null, ...(assigneeId !== undefined && { assigneeId }) });
      threads.forEach((thread) => store.upsert(thread));
    });
    if (ok) {
      announce(`${count(ids.length, 'comment', 'comments')} answered.`);
      setSelected(new Set());
      setResponse('');
    }
  };

  return (
    <form className="bulk-bar" onSubmit={submit} aria-label="Answer the selected comments" noValidate data-testid="bulk-bar">
      <p className="bulk-bar__count" aria-live="polite">
        {count(ids.length, 'comment', 'comments')} selected
      </p>
      <div className="disposition-form__row">
        <div className="field field--compact">
          <label htmlFor={`${formId}-status`} className="field__label">
            Answer
          </label>
          <select id={`${formId}-status`} className="select" value={status} onChange={(event) => setStatus(event.target.value as ThreadStatus)}>
            {THREAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {THREAD_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--compact">
          <label htmlFor={`${formId}-assign`} className="field__label">
            Assigned to
          </label>
          <select id={`${formId}-assign`} className="select" value={assign} onChange={(event) => setAssign(event.target.value as typeof assign)}>
            <option value="keep">Leave as it is</option>
            <option value="me">Me</option>
            <option value="nobody">Nobody</option>
          </select>
        </div>
      </div>
      <CountedTextarea label="Response" required={status !== 'open'} rows={2} value={response} onChange={setResponse} error={error} />
      <div className="bulk-bar__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? 'Saving…' : `Answer ${count(ids.length, 'comment', 'comments')}`}
        </button>
        <button type="button" className="button button--small" onClick={() => setSelected(new Set())}>
          Clear selection
        </button>
      </div>
    </form>
  );
}
