/**
 * "Apply proposed wording", with a confirmation that shows exactly what will change in the text (the
 * words now, struck through, and the proposed words) before anything is changed. Keyboard: the
 * confirmation takes the focus on its Replace button; Escape or Cancel closes it and gives the focus
 * back to the Apply button. The server's refusal is shown in place.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Thread } from '../../shared/api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useReview } from './ReviewContext.tsx';

export function ApplyWording({ thread, response }: { thread: Thread; response: string }) {
  const { appliedWording, byId } = useReview();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The words as they read in the live text now, not as they were when the comment was made.
  const current = byId.get(thread.id)?.quote ?? thread.quote;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    if (busy) return;
    setConfirming(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };

  const confirm = async () => {
    // The buttons stay focusable while the request runs (aria-disabled); a second press does nothing.
    if (busy) return;
    setBusy(true);
    setError(null);
    const refusal = await appliedWording.apply(thread.id, response.trim() || undefined);
    setBusy(false);
    if (refusal) setError(refusal);
    else setConfirming(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // The card would take Escape to close itself: here it only closes the confirmation.
    event.stopPropagation();
    cancel();
  };

  return (
    <div className="disposition-form__apply">
      {!confirming ? (
        <button
          ref={openRef}
          type="button"
          className="button button--small button--apply"
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          {t('threads.apply.open')}
        </button>
      ) : (
        // Escape closes the confirmation from any of its buttons.
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
        <fieldset className="apply-confirm" onKeyDown={onKeyDown} data-testid="apply-confirm">
          <legend className="apply-confirm__title">{t('threads.apply.title')}</legend>
          <p className="apply-confirm__change">
            <span className="proposal__label">{t('threads.proposal.replace')}</span> <del className="proposal__old">{current}</del>{' '}
            <span className="proposal__label">{t('threads.proposal.with')}</span> <ins className="proposal__new">{thread.proposedText}</ins>
          </p>
          <p className="apply-confirm__hint muted">{t('threads.apply.hint')}</p>
          <div className="apply-confirm__actions">
            <button ref={confirmRef} type="button" className="button button--primary button--small" aria-disabled={busy} onClick={() => void confirm()}>
              {t(busy ? 'threads.apply.replacing' : 'threads.apply.confirm')}
            </button>
            <button type="button" className="button button--small" aria-disabled={busy} onClick={cancel}>
              {t('threads.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid="apply-error">
          {error}
        </p>
      )}
    </div>
  );
}
