/**
 * A labelled text box with a character counter against the shared limit. The counter is announced
 * politely only near the limit, so screen readers are not told the count at every keystroke.
 */
import { useId, type KeyboardEvent, type Ref } from 'react';
import { MAX_COMMENT_CHARS } from '../../shared/limits.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

interface CountedTextareaProps {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  required?: boolean;
  error?: string | null;
  ref?: Ref<HTMLTextAreaElement>;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  testId?: string;
}

export function CountedTextarea({ label, hint, value, onChange, rows = 4, required, error, ref, onKeyDown, testId }: CountedTextareaProps) {
  const id = useId();
  const t = useT();
  const left = MAX_COMMENT_CHARS - value.length;
  const near = left < 500;
  const describedBy = [hint ? `${id}-hint` : '', `${id}-count`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field field--compact${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {!required && <span className="muted"> {t('field.optional')}</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <textarea
        id={id}
        ref={ref}
        className="input textarea"
        rows={rows}
        value={value}
        aria-required={required || undefined}
        aria-invalid={left < 0 || Boolean(error) || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      <p id={`${id}-count`} className={`char-count${left < 0 ? ' char-count--over' : ''}`} aria-live={near ? 'polite' : 'off'}>
        {left >= 0 ? t('threads.charsLeft', { count: left }) : t('threads.charsOver', { count: -left })}
      </p>
    </div>
  );
}
