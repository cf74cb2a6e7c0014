/**
 * How thread details are written for people, in the interface's language: country and stakeholder
 * names, short and full times. Counts are ICU plurals in the catalogues, not built here.
 */
import { STAKEHOLDERS, type Stakeholder } from '../../shared/domain.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import { LOCALES } from '../components/dates.ts';
import { currentLanguage, t } from '../i18n/intl.ts';

import { countryName as namedCountry } from '../people/countries.ts';

/** "SI" → "Slovenia" / "Slovénie"; no country, no words (the author line leaves it out). */
export const countryName = (code: string): string => (code ? namedCountry(code) : '');

/** Anything not in the list (an old record) is shown as it is. */
export const stakeholderLabel = (stakeholder: Stakeholder): string => (STAKEHOLDERS.includes(stakeholder) ? t(`stakeholder.${stakeholder}`) : stakeholder);

interface TimeFormats {
  sameYear: Intl.DateTimeFormat;
  otherYear: Intl.DateTimeFormat;
  full: Intl.DateTimeFormat;
}

const made = new Map<Language, TimeFormats>();

function formats(): TimeFormats {
  const language = currentLanguage();
  let found = made.get(language);
  if (!found) {
    const locale = LOCALES[language];
    found = {
      sameYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
      otherYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }),
    };
    made.set(language, found);
  }
  return found;
}

/** "3 May, 14:02" this year, "3 May 2025" before; "3 mai, 14:02" in French. */
export function shortTime(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const { sameYear, otherYear } = formats();
  return date.getFullYear() === new Date(now).getFullYear() ? sameYear.format(date) : otherYear.format(date);
}

export function fullTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formats().full.format(date);
}
