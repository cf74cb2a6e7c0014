/**
 * Gives every component the current language's formatter, and follows the signed-in person's stored
 * language. Switching keeps everything on the page as it is: only the words change.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { RawIntlProvider, useIntl } from 'react-intl';
import type { MessageKey } from '../../shared/i18n/en.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import { currentLanguage, intlFor, onLanguageChange, setCurrentLanguage, type MessageValues } from './intl.ts';

interface LanguageChoice {
  language: Language;
  /** Switches now; `save` (when signed in) stores the choice with the person and may fail. */
  choose(language: Language, save?: (language: Language) => Promise<unknown>): Promise<void>;
}

const LanguageContext = createContext<LanguageChoice | null>(null);

export function LanguageProvider({ personLanguage, children }: { personLanguage: Language | null; children: ReactNode }) {
  const language = useSyncExternalStore(onLanguageChange, currentLanguage, currentLanguage);

  // Signing in brings the person's own language, chosen on any device.
  useEffect(() => {
    if (personLanguage) setCurrentLanguage(personLanguage);
  }, [personLanguage]);

  const choose = useCallback(async (next: Language, save?: (language: Language) => Promise<unknown>) => {
    const before = currentLanguage();
    setCurrentLanguage(next);
    if (!save) return;
    try {
      await save(next);
    } catch (error) {
      setCurrentLanguage(before);
      throw error;
    }
  }, []);

  const value = useMemo(() => ({ language, choose }), [language, choose]);
  return (
    <LanguageContext.Provider value={value}>
      <RawIntlProvider value={intlFor(language)}>{children}</RawIntlProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageChoice {
  const context = useContext(LanguageContext);
  if (!context) throw new Error('useLanguage outside LanguageProvider');
  return context;
}

/** t(key, values) in the current language, for components. */
export function useT(): (key: MessageKey, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((key: MessageKey, values?: MessageValues) => intl.formatMessage({ id: key }, values), [intl]);
}
