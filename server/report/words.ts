/**
 * The words of a report or version file in one language: the catalogue (words.en.ts, words.fr.ts)
 * with the language's dates, numbers, lists and country names, all through Intl ("2 décembre 2026",
 * "1 000", "DE, FR et IT"). Made once per language and process: Intl formatters are slow to build,
 * and a big report asks for thousands of dates and country names.
 */
import { countryName } from '../../shared/countryNames.ts';
import type { Language } from '../../shared/i18n/languages.ts';
import type { Phase, Stakeholder, ThreadKind, ThreadStatus } from '../../shared/domain.ts';
import { reportWordsEn, type ReportCatalogue } from './words.en.ts';
import { reportWordsFr } from './words.fr.ts';

export interface ReportWords extends ReportCatalogue {
  language: Language;
  /** "12 March 2025" / "12 mars 2025", in UTC so that every edition agrees. */
  day(iso: string): string;
  /** "1,000" / "1 000" (with the narrow no-break space French uses). */
  number(n: number): string;
  /** "DE, FR and IT" / "DE, FR et IT". */
  list(items: readonly string[]): string;
  country(code: string): string;
  kind(kind: ThreadKind): string;
  status(status: ThreadStatus): string;
  stakeholder(group: Stakeholder): string;
  phase(phase: Phase): string;
}

const CATALOGUES: Record<Language, ReportCatalogue> = { en: reportWordsEn, fr: reportWordsFr };
const made = new Map<Language, ReportWords>();

function make(language: Language): ReportWords {
  const catalogue = CATALOGUES[language];
  const days = new Intl.DateTimeFormat(catalogue.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(catalogue.locale);
  const lists = new Intl.ListFormat(catalogue.locale, { style: 'long', type: 'conjunction' });
  const countries = new Map<string, string>();
  return {
    ...catalogue,
    language,
    day: (iso) => days.format(new Date(iso)),
    number: (n) => numbers.format(n),
    list: (items) => lists.format(items),
    country: (code) => countries.get(code) ?? countries.set(code, countryName(code, language)).get(code)!,
    kind: (kind) => catalogue.kinds[kind],
    status: (status) => catalogue.statuses[status],
    stakeholder: (group) => catalogue.stakeholders[group],
    phase: (phase) => catalogue.phases[phase],
  };
}

export function reportWords(language: Language = 'en'): ReportWords {
  let words = made.get(language);
  if (!words) made.set(language, (words = make(language)));
  return words;
}
