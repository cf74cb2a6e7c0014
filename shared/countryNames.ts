/**
 * A country's name from its ISO 3166-1 alpha-2 code, in English or French, for exports, e-mails and
 * tables. Intl.DisplayNames carries the CLDR names (Node and browsers ship full ICU), so no list of
 * our own can fall out of date or disagree between languages.
 */
export type NameLanguage = 'en' | 'fr';

const UNKNOWN: Record<NameLanguage, string> = { en: 'Country not given', fr: 'Pays non indiqué' };

const displayNames = new Map<NameLanguage, Intl.DisplayNames>();

function namesIn(lang: NameLanguage): Intl.DisplayNames {
  let names = displayNames.get(lang);
  if (!names) displayNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })));
  return names;
}

/** "DE" → "Germany" / "Allemagne"; "" or "unknown" → "Country not given"; an unknown code stays as it is. */
export function countryName(code: string, lang: NameLanguage = 'en'): string {
  if (!code || code === 'unknown') return UNKNOWN[lang];
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return namesIn(lang).of(code) ?? code;
  } catch {
    return code;
  }
}
