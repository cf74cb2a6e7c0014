/**
 * The interface languages: the Council of Europe's two official ones. A third is added by adding its
 * code here and a catalogue beside en.ts (README, "Adding a language").
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the reader's languages that Accord speaks, from an Accept-Language header or the
 * browser's list ("fr-CH,fr;q=0.9,en;q=0.8" → fr); English when none is.
 */
export function negotiateLanguage(preferred: string | readonly string[] | null | undefined): Language {
  const entries = typeof preferred === 'string' ? fromHeader(preferred) : [...(preferred ?? [])];
  for (const tag of entries) {
    const base = tag.trim().toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Language tags of an Accept-Language header, most wanted first (q=0 means "not this one"). */
function fromHeader(header: string): string[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((e) => e.tag && e.q > 0)
    .toSorted((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}
