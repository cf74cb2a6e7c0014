/**
 * Undoing an applied wording: a button beside "Wording applied" on the comment (there as long as the
 * wording may be undone), and a message at the bottom of the screen right after an apply, with Undo.
 * The message stays while the pointer or the focus is on it (WCAG 2.2.1: time to act), and goes
 * after UNDO_SHOWN_MS otherwise; the button on the comment remains.
 */
import { useEffect, useRef, useState } from 'react';
import type { Thread } from '../../shared/api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useReview } from './ReviewContext.tsx';

const UNDO_SHOWN_MS = 15_000;

export function UndoApplyButton({ thread }: { thread: Thread }) {
  const { appliedWording } = useReview();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLButtonElement>(null);
  const justApplied = appliedWording.recent?.threadId === thread.id;

  // The Apply button that had the focus is gone once the wording is in: the focus moves here, to the
  // way back, rather than to the top of the page.
  useEffect(() => {
    if (justApplied && (document.activeElement === document.body || document.activeElement === null)) ref.current?.focus();
  }, [justApplied]);

  const undo = async () => {
    // The button keeps the focus while the request runs (aria-disabled); a second press does nothing.
    if (busy) return;
    setBusy(true);
    setError(null);
    setError(await appliedWording.undo(thread.id));
    setBusy(false);
  };
  return (
    <>
      <button ref={ref} type="button" className="button button--small disposition-view__undo" aria-disabled={busy} onClick={() => void undo()} data-testid="undo-apply">
        {t(busy ? 'threads.undo.undoing' : 'threads.undo.button')}
      </button>
      {error && (
        <span className="field__error" role="alert" data-testid="undo-apply-error">
          {error}
        </span>
      )}
    </>
  );
}

export function UndoApplyToast() {
  const { appliedWording } = useReview();
  const { recent, undo, dismiss } = appliedWording;
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  const [seen, setSeen] = useState(recent?.serial);
  if (seen !== recent?.serial) {
    setSeen(recent?.serial);
    setError(null);
  }

  useEffect(() => {
    if (!recent || held || error) return;
    const timer = window.setTimeout(dismiss, UNDO_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [recent, held, error, dismiss]);

  if (!recent) return null;
  const run = async () => {
    if (busy) return;
    setBusy(true);
    const refusal = await undo(recent.threadId);
    setBusy(false);
    setError(refusal);
  };
  const leave = () => setHeld(ref.current?.contains(document.activeElement) ?? false);

  return (
    <div
      ref={ref}
      className="undo-toast"
      data-testid="undo-toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={leave}
      onFocus={() => setHeld(true)}
      onBlur={(event) => setHeld(ref.current?.contains(event.relatedTarget as Node | null) ?? false)}
    >
      <p className="undo-toast__text">{error ?? t('threads.undo.toast', { ref: recent.ref })}</p>
      <button type="button" className="button button--small undo-toast__undo" aria-disabled={busy} onClick={() => void run()}>
        {t(busy ? 'threads.undo.undoing' : 'threads.undo.short')}
      </button>
      <button type="button" className="undo-toast__close" aria-label={t('threads.undo.close')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
