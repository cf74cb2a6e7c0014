/**
 * The server's words in the reader's language, from the same catalogues as the interface
 * (shared/i18n), formatted by FormatJS (ICU MessageFormat). The reader's language is the signed-in
 * person's, else the request's Accept-Language (the client sends its interface language).
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { en, type MessageKey } from '../shared/i18n/en.ts';
import { fr } from '../shared/i18n/fr.ts';
import { negotiateLanguage, type Language } from '../shared/i18n/languages.ts';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

const CATALOGUES = { en, fr } as const;
const cache = createIntlCache();
const formatters = new Map<Language, IntlShape>();

function intlFor(language: Language): IntlShape {
  let intl = formatters.get(language);
  if (!intl) {
    intl = createIntl({ locale: language, defaultLocale: 'en', messages: CATALOGUES[language] }, cache);
    formatters.set(language, intl);
  }
  return intl;
}

export function translate(language: Language, key: MessageKey, values?: MessageValues): string {
  return intlFor(language).formatMessage({ id: key }, values);
}

/** The language to answer in: the person's own when known, else the request's preference. */
export function readerLanguage(personLanguage: Language | undefined, acceptLanguage: string | undefined): Language {
  return personLanguage ?? negotiateLanguage(acceptLanguage);
}
