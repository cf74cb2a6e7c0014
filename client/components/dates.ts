/**
 * Dates and times in the interface's language, in the reader's own time zone: "3 March 2026, 14:05",
 * "3 mars 2026, 14:05". Formats are made once per language.
 */
import type { Language } from '../../shared/i18n/languages.ts';
import { currentLanguage } from '../i18n/intl.ts';

/** British English for English: day month year and a 24-hour clock, as the Council of Europe writes. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR' };

interface Formats {
  date: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

const formats = new Map<Language, Formats>();

function formatsNow(): Formats {
  const language = currentLanguage();
  let made = formats.get(language);
  if (!made) {
    const locale = LOCALES[language];
    made = {
      date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
    };
    formats.set(language, made);
  }
  return made;
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 March 2026, 14:05" */
export function formatDateTime(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  const { date: day, time } = formatsNow();
  return `${day.format(date)}, ${time.format(date)}`;
}

/** "3 March 2026" */
export function formatDate(iso: string): string {
  const date = parse(iso);
  return date ? formatsNow().date.format(date) : iso;
}

/** "14:05" */
export function formatTime(iso: string): string {
  const date = parse(iso);
  return date ? formatsNow().time.format(date) : '';
}

/** "1,000" / "1 000" */
export function formatNumber(n: number): string {
  return n.toLocaleString(LOCALES[currentLanguage()]);
}
