/**
 * One answer for many comments: appears once comments are ticked (or x is pressed on them), gives
 * them the same status, reasoning and assignee in one request, and says how many were answered.
 */
import { useId, useState, type FormEvent } from 'react';
import { THREAD_STATUSES, type ThreadStatus } from '../../shared/domain.ts';
import { threadApi } from '../api.ts';
import { CountedTextarea } from './CountedTextarea.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useReview } from './ReviewContext.tsx';
import { useAction } from './useAction.ts';

export function BulkBar({ shownIds }: { shownIds: readonly string[] }) {
  const { selected, setSelected, store, announce, detail, rights, byId } = useReview();
  const [status, setStatus] = useState<ThreadStatus>('noted');
  const [response, setResponse] = useState('');
  const [assign, setAssign] = useState<'keep' | 'me' | 'nobody'>('keep');
  const { busy, error, setError, run } = useAction();
  const formId = useId();
  const t = useT();
  if (!rights.dispose) return null;
  // A ticked comment may have been withdrawn meanwhile.
  const ids = [...selected].filter((id) => byId.has(id));

  if (ids.length === 0) {
    return shownIds.length > 1 ? (
      <div className="bulk-bar bulk-bar--idle">
        <button type="button" className="button button--small" onClick={() => setSelected(new Set(shownIds))}>
          {t('threads.bulk.selectAll', { count: shownIds.length })}
        </button>
        <span className="muted">{t('threads.bulk.selectAllHint')}</span>
      </div>
    ) : null;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status !== 'open' && !response.trim()) {
      setError(t('threads.bulk.needReason'));
      return;
    }
    const assigneeId = assign === 'keep' ? undefined : assign === 'me' ? rights.person.id : null;
    const ok = await run(async () => {
      const threads = await threadApi.disposeMany(detail.id, ids, { status, response: response.trim() || null, ...(assigneeId !== undefined && { assigneeId }) });
      threads.forEach((thread) => store.upsert(thread));
    });
    if (ok) {
      announce(t('threads.bulk.answered', { count: ids.length }));
      setSelected(new Set());
      setResponse('');
      // The bar and its button go with the selection: the keyboard goes on from the first comment answered.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card="${ids[0]}"]`)?.focus());
    }
  };

  return (
    <form className="bulk-bar" onSubmit={submit} aria-label={t('threads.bulk.formLabel')} noValidate data-testid="bulk-bar">
      <p className="bulk-bar__count" aria-live="polite">
        {t('threads.bulk.selected', { count: ids.length })}
      </p>
      <div className="disposition-form__row">
        <div className="field field--compact">
          <label htmlFor={`${formId}-status`} className="field__label">
            {t('threads.answer')}
          </label>
          <select id={`${formId}-status`} className="select" value={status} onChange={(event) => setStatus(event.target.value as ThreadStatus)}>
            {THREAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--compact">
          <label htmlFor={`${formId}-assign`} className="field__label">
            {t('threads.assignedTo')}
          </label>
          <select id={`${formId}-assign`} className="select" value={assign} onChange={(event) => setAssign(event.target.value as typeof assign)}>
            <option value="keep">{t('threads.bulk.keep')}</option>
            <option value="me">{t('threads.me')}</option>
            <option value="nobody">{t('threads.nobody')}</option>
          </select>
        </div>
      </div>
      <CountedTextarea label={t('threads.response')} required={status !== 'open'} rows={2} value={response} onChange={setResponse} error={error} />
      <div className="bulk-bar__actions">
        <button type="submit" className="button button--primary button--small" aria-disabled={busy}>
          {busy ? t('threads.saving') : t('threads.bulk.submit', { count: ids.length })}
        </button>
        <button type="button" className="button button--small" onClick={() => setSelected(new Set())}>
          {t('threads.bulk.clear')}
        </button>
      </div>
    </form>
  );
}
