/**
 * The interface language outside React: the current language, a formatter per language (FormatJS,
 * ICU MessageFormat), and t() for modules that are not components (api.ts, notices). The language
 * starts as the one last chosen on this browser, else the browser's own; once someone is signed in,
 * their stored language wins (LanguageProvider).
 */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { en, type MessageKey } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { pseudoCatalogue, pseudoRequested } from './pseudoLocale.ts';
import { isLanguage, negotiateLanguage, type Language } from '../../shared/i18n/languages.ts';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

// The pseudo language (development only, ?pseudo=1) stands in for English on this browser; the
// language itself stays 'en', so nothing else, and nothing sent to the server, knows about it.
const CATALOGUES = { en: typeof window !== 'undefined' && pseudoRequested() ? pseudoCatalogue(en) : en, fr } as const;
const STORAGE_KEY = 'accord.language';
const cache = createIntlCache();
const formatters = new Map<Language, IntlShape>();
const listeners = new Set<() => void>();

export function intlFor(language: Language): IntlShape {
  let intl = formatters.get(language);
  if (!intl) {
    // A missing key must show in tests and screenshots, not fall back silently.
    intl = createIntl({ locale: language, defaultLocale: 'en', messages: CATALOGUES[language], onError: reportOnce }, cache);
    formatters.set(language, intl);
  }
  return intl;
}

const reported = new Set<string>();
function reportOnce(error: Error): void {
  if (reported.has(error.message)) return;
  reported.add(error.message);
  console.error(error.message);
}

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage refused (private mode): the browser's languages decide.
  }
  return negotiateLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
}

let current: Language = typeof window === 'undefined' ? 'en' : initialLanguage();
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function currentLanguage(): Language {
  return current;
}

/** Switches the whole interface; remembered on this browser for the next sign-in page. */
export function setCurrentLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this browser; the person's stored language still is.
  }
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A message in the current language, for code outside components. */
export function t(key: MessageKey, values?: MessageValues): string {
  return intlFor(current).formatMessage({ id: key }, values);
}
