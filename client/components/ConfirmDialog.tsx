/**
 * A question before anything that cannot simply be taken back (deactivating someone, restoring a
 * version, adopting a text). Cancel takes the focus; a failure is shown in the dialog, which stays open.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/LanguageProvider.tsx';
import { errorMessage } from '../api.ts';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel?: string;
  /** Colours the confirm button as a warning (for what takes something away). */
  destructive?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, busyLabel, destructive = false, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <Modal title={title} initialFocus={cancel} onClose={onClose}>
      {(close, ids) => {
        const confirm = async () => {
          // Both buttons stay focusable while the request runs (aria-disabled), so the keyboard's focus
          // is not dropped onto the page; pressing them meanwhile does nothing.
          if (busy) return;
          setBusy(true);
          setError(null);
          try {
            await onConfirm();
            close();
          } catch (failure) {
            setError(errorMessage(failure));
            setBusy(false);
          }
        };
        return (
          <>
            <div id={ids.body}>{children}</div>
            {error && (
              <p className="field__error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog__actions">
              <button type="button" className={`button ${destructive ? 'button--warning' : 'button--primary'}`} aria-disabled={busy} onClick={() => void confirm()}>
                {busy ? (busyLabel ?? t('dialog.working')) : confirmLabel}
              </button>
              <button type="button" className="button" ref={cancel} aria-disabled={busy} onClick={() => !busy && close()}>
                {t('dialog.cancel')}
              </button>
            </div>
          </>
        );
      }}
    </Modal>
  );
}
