/**
 * The kind of a comment as four radio buttons in a fieldset: arrow keys move between them. Compact,
 * so that the composer fits the panel: each choice shows its name, and the chosen one's meaning is
 * written once below (each choice also carries its meaning for screen readers).
 */
import { useId, type Ref } from 'react';
import { THREAD_KINDS, type ThreadKind } from '../../shared/domain.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function KindField({ value, onChange, firstRef }: { value: ThreadKind; onChange: (kind: ThreadKind) => void; firstRef?: Ref<HTMLInputElement> }) {
  const name = useId();
  const t = useT();
  return (
    <fieldset className="kind-field">
      <legend className="field__label">{t('threads.kind.legend')}</legend>
      <div className="kind-field__options">
        {THREAD_KINDS.map((kind) => (
          <label key={kind} className="kind-field__option">
            <input
              type="radio"
              name={name}
              value={kind}
              checked={value === kind}
              ref={value === kind ? firstRef : undefined}
              onChange={() => onChange(kind)}
            />
            <span className="kind-field__label">{t(`kind.${kind}`)}</span>
            <span className="visually-hidden">, {t(`threads.kindHint.${kind}`)}</span>
          </label>
        ))}
      </div>
      <p className="kind-field__hint" aria-hidden="true">
        {t('threads.kind.hintLine', { kind: t(`kind.${value}`), hint: t(`threads.kindHint.${value}`) })}
      </p>
    </fieldset>
  );
}
