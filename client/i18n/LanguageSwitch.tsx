/**
 * EN | FR in the banner: two buttons, the current one pressed. Each is labelled in its own language
 * (lang attribute), so a screen reader pronounces "Français" as French. Switching keeps the page and
 * any unsent words; the choice is saved with the person when someone is signed in.
 */
import { useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../shared/i18n/languages.ts';
import { errorMessage } from '../api.ts';
import { useLanguage, useT } from './LanguageProvider.tsx';

export function LanguageSwitch({ save, tone = 'inverse' }: { save?: (language: Language) => Promise<unknown>; tone?: 'inverse' | 'plain' }) {
  const { language, choose } = useLanguage();
  const t = useT();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <fieldset className={`language-switch language-switch--${tone}`}>
      <legend className="visually-hidden">{t('header.language')}</legend>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-switch__option"
          aria-pressed={code === language}
          aria-label={LANGUAGE_NAMES[code]}
          onClick={() => {
            setFailure(null);
            choose(code, save).catch((error: unknown) => setFailure(t('header.languageSaveFailed', { reason: errorMessage(error) })));
          }}
        >
          {code.toUpperCase()}
        </button>
      ))}
      {failure && (
        <span role="alert" className="language-switch__error">
          {failure}
        </span>
      )}
    </fieldset>
  );
}
