/**
 * A piece of text to pass on (an invitation link) with a Copy button. The clipboard API needs a
 * secure context and permission; where it fails, the text is selected so Ctrl+C (or the long-press
 * menu on a tablet) copies it, and the status line says so.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { copyText } from './clipboard.ts';
import './copyField.css';
import { useT } from '../i18n/LanguageProvider.tsx';

/** `children`: further actions on the same text, beside Copy (Send by e-mail). */
export function CopyField({ label, value, testId, children }: { label: string; value: string; testId?: string; children?: ReactNode }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<'copied' | 'selected' | null>(null);
  const id = useId();

  const selectText = () => {
    input.current?.focus();
    input.current?.select();
  };

  const copy = async () => {
    const copied = await copyText(value, selectText);
    setStatus(copied ? 'copied' : 'selected');
  };

  return (
    <div className="copy-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-field__row">
        <input id={id} ref={input} className="input copy-field__input" type="text" readOnly value={value} onFocus={(event) => event.target.select()} data-testid={testId} />
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t('copy.button')}
        </button>
        {children}
      </div>
      <output className="copy-field__status">
        {status && t(status === 'copied' ? 'copy.copied' : 'copy.selected')}
      </output>
    </div>
  );
}
