/**
 * The working group's answer to one comment, beside its words: status, the reasoning (required for
 * any answer but "Not yet answered"), the assignee; Save, or Ctrl+Enter to save and open the next
 * comment. "Apply proposed wording" puts the proposal into the text, after a confirmation, when the
 * phase allows it (ApplyWording.tsx).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Thread } from '../../shared/api.ts';
import { THREAD_STATUSES, type ThreadStatus } from '../../shared/domain.ts';
import { threadApi } from '../api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { CountedTextarea } from './CountedTextarea.tsx';
import { useReview } from './ReviewContext.tsx';
import { mayApply } from './rights.ts';
import { ApplyWording } from './ApplyWording.tsx';
import { useAction } from './useAction.ts';
import { useAssignees } from './useAssignees.ts';

interface DispositionFormProps {
  thread: Thread;
  focusSerial: number;
  onSaveAndNext: (id: string) => void;
}

export function DispositionForm({ thread, focusSerial, onSaveAndNext }: DispositionFormProps) {
  const { rights, store, announce, nameOf } = useReview();
  const t = useT();
  const [status, setStatus] = useState<ThreadStatus>(thread.status);
  const [response, setResponse] = useState(thread.response ?? '');
  const [assigneeId, setAssigneeId] = useState(thread.assigneeId ?? '');
  const [dirty, setDirty] = useState(false);
  const save = useAction();
  const statusRef = useRef<HTMLSelectElement>(null);
  const id = useId();
  const everyone = useAssignees(thread.documentId, rights.assignAnyone);
  const me = rights.person;

  // Someone else answered while this form was untouched: show their answer, not the old one.
  const [seen, setSeen] = useState(thread);
  if (seen !== thread && !dirty) {
    setSeen(thread);
    setStatus(thread.status);
    setResponse(thread.response ?? '');
    setAssigneeId(thread.assigneeId ?? '');
  }

  useEffect(() => {
    if (focusSerial) statusRef.current?.focus();
  }, [focusSerial]);

  // Opening a comment brings its answer form into the panel's view, with room below it for the
  // reasoning and the Save buttons (which then stay in view, sticky, however tall the form).
  // After the list has measured the opened card (it corrects its scrolling for rows that grow).
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => statusRef.current?.scrollIntoView({ block: 'nearest' }));
    });
    return () => cancelAnimationFrame(frame);
  }, []);

  const change = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setDirty(true);
    save.setError(null);
  };

  const submit = async (next: boolean) => {
    if (status !== 'open' && !response.trim()) {
      save.setError(t('threads.disposition.needReason'));
      return;
    }
    const ok = await save.run(async () => {
      store.upsert(await threadApi.dispose(thread.id, { status, response: response.trim() || null, assigneeId: assigneeId || null }));
    });
    if (!ok) return;
    setDirty(false);
    announce(t(next ? 'threads.disposition.savedNext' : 'threads.disposition.saved'));
    if (next) onSaveAndNext(thread.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit(true);
    }
  };

  const choices = rights.assignAnyone && everyone ? everyone : [{ id: me.id, name: t('threads.meNamed', { name: me.name }) }];
  const current = thread.assigneeId && !choices.some((c) => c.id === thread.assigneeId) ? [{ id: thread.assigneeId, name: nameOf(thread.assigneeId) ?? t('threads.anotherMember') }] : [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  return (
    // Ctrl+Enter saves from any field of the form.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form className="disposition-form" aria-label={t('threads.disposition.formLabel')} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate data-testid="disposition-form">
      <div className="field field--compact disposition-form__status">
        <label htmlFor={`${id}-status`} className="field__label">
          {t('threads.answer')}
        </label>
        <select
          id={`${id}-status`}
          ref={statusRef}
          className="select"
          value={status}
          onChange={(event) => change(setStatus)(event.target.value as ThreadStatus)}
          data-testid="disposition-status"
        >
          {THREAD_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <CountedTextarea
        label={t('threads.response')}
        hint={t('threads.disposition.responseHint')}
        required={status !== 'open'}
        rows={3}
        value={response}
        onChange={change(setResponse)}
        error={save.error}
        testId="disposition-response-input"
      />
      <div className="field field--compact disposition-form__assignee">
        <label htmlFor={`${id}-assignee`} className="field__label">
          {t('threads.assignedTo')}
        </label>
        <select id={`${id}-assignee`} className="select" value={assigneeId} onChange={(event) => change(setAssigneeId)(event.target.value)}>
          <option value="">{t('threads.nobody')}</option>
          {[...choices, ...current].map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="disposition-form__actions">
        <button type="submit" className="button button--primary button--small" aria-disabled={save.busy}>
          {t(save.busy ? 'threads.saving' : 'threads.disposition.save')}
        </button>
        <button type="button" className="button button--small" aria-disabled={save.busy} onClick={() => void submit(true)}>
          {t('threads.disposition.saveNext')}
        </button>
        <span className="muted disposition-form__hint">{t('threads.disposition.shortcut')}</span>
      </div>
      {mayApply(thread, rights) && <ApplyWording thread={thread} response={response} />}
    </form>
  );
}
