/**
 * Countries for the interface: the ISO 3166-1 list (shared/countries.ts), named in the reader's
 * language. English names are the list's own; other languages take CLDR's (Intl.DisplayNames).
 */
import { COUNTRIES as LIST, countryName as englishName, isCountryCode, type Country } from '../../shared/countries.ts';
import { countryName as cldrName } from '../../shared/countryNames.ts';
import { currentLanguage } from '../i18n/intl.ts';

export { isCountryCode, type Country };

export function countryName(code: string): string {
  const language = currentLanguage();
  return language === 'en' ? englishName(code) : cldrName(code, language);
}

/** Every country, named and sorted in the reader's language, for pickers. */
export function countriesByName(): Country[] {
  const language = currentLanguage();
  if (language === 'en') return [...LIST];
  return LIST.map((c) => ({ code: c.code, name: cldrName(c.code, language) })).toSorted((a, b) => a.name.localeCompare(b.name, language));
}

export const COUNTRIES = LIST;
