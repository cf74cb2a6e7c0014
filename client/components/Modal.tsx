/**
 * A modal dialog on the native <dialog>: it keeps Tab inside (focusTrap.ts) and closes on Escape. Mount it to open it;
 * it asks to be unmounted through onClose, and focus goes back to whatever opened it.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { trapTab } from './focusTrap.ts';

interface ModalProps {
  title: string;
  /** What gets the focus first: the safe choice, so Enter never confirms by accident. */
  initialFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  testId?: string;
  /** For a dialog that holds a table: as wide as the screen allows. */
  wide?: boolean;
  children: (close: () => void, ids: { title: string; body: string }) => ReactNode;
}

export function Modal({ title, initialFocus, onClose, testId, wide = false, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const ids = { title: `${id}-title`, body: `${id}-body` };

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    initialFocus?.current?.focus();
    return () => {
      // What the dialog did may have taken its opener away (an adopted text has no Adopt button):
      // then the page's main region takes the focus, so that it is never left nowhere.
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
    // A ref object never changes, so this runs once: on opening.
  }, [initialFocus]);

  // Closing goes through state, so the children may call close() from anywhere, even while rendering.
  const [closing, setClosing] = useState(false);
  useEffect(() => {
    if (closing) dialog.current?.close();
  }, [closing]);
  const close = () => setClosing(true);
  return (
    <dialog ref={dialog} className={wide ? 'dialog dialog--wide' : 'dialog'} aria-labelledby={ids.title} aria-describedby={ids.body} onClose={onClose} onKeyDown={trapTab} data-testid={testId}>
      <h2 id={ids.title} className="dialog__title">
        {title}
      </h2>
      {children(close, ids)}
    </dialog>
  );
}
