/**
 * The values of a comment table's cells in the domain's terms: the type of comment, the member body
 * as an ISO 3166 country code, the clause as a section number.
 */
import type { ThreadKind } from '../../../shared/domain.ts';

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .trim();

const KIND_WORDS: Record<string, ThreadKind> = {
  ge: 'general',
  g: 'general',
  gen: 'general',
  general: 'general',
  generale: 'general',
  te: 'technical',
  t: 'technical',
  tech: 'technical',
  technical: 'technical',
  technique: 'technical',
  ed: 'editorial',
  e: 'editorial',
  edit: 'editorial',
  editorial: 'editorial',
  editoriale: 'editorial',
  redactionnel: 'editorial',
  redactionnelle: 'editorial',
  q: 'question',
  qu: 'question',
  question: 'question',
};

/** "ge", "Technical", "rédactionnel", "Q." … → the kind; null when the cell says something else. */
export function kindOf(cell: string): ThreadKind | null {
  const word = plain(cell).replace(/\.$/, '').trim();
  return KIND_WORDS[word] ?? null;
}

let countryNames: Map<string, string> | null = null;
const ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  usa: 'US',
  'united states of america': 'US',
  'etats unis d amerique': 'US',
  russia: 'RU',
  'russian federation': 'RU',
  'federation de russie': 'RU',
  'czech republic': 'CZ',
  'republique tcheque': 'CZ',
  turkey: 'TR',
  turkiye: 'TR',
  holland: 'NL',
  'the netherlands': 'NL',
  'republic of korea': 'KR',
  'south korea': 'KR',
  'coree du sud': 'KR',
  moldova: 'MD',
  'republic of moldova': 'MD',
  'north macedonia': 'MK',
  'macedoine du nord': 'MK',
};

/** Every region Intl knows, by its English and French names (plain, no accents). */
function namesOfCountries(): Map<string, string> {
  if (countryNames) return countryNames;
  const names = new Map<string, string>(Object.entries(ALIASES));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const displays = ['en', 'fr'].map((language) => new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }));
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      // Old codes name the same country as their successor: only current ones are listed.
      if (canonicalRegion(code) !== code) continue;
      for (const display of displays) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code && !names.has(plain(name))) names.set(plain(name), code);
      }
    }
  }
  countryNames = names;
  return names;
}

/**
 * The current code of a region Intl knows, or null: an old code is read as its successor ("UK" as
 * GB, "DD" as DE), an unknown one ("ZZ", "AA") as nothing.
 */
const englishRegions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

function canonicalRegion(code: string): string | null {
  try {
    const region = new Intl.Locale(`und-${code}`).region;
    const name = region && englishRegions.of(region);
    return region && name && name !== region && region !== 'ZZ' ? region : null;
  } catch {
    return null;
  }
}

/** "DE", "Germany", "Allemagne", "DE – Germany", "France (FR)" → the ISO 3166-1 alpha-2 code, or null. */
export function countryOf(cell: string): string | null {
  const text = cell.trim();
  if (!text) return null;
  if (/^[A-Za-z]{2}$/.test(text)) return canonicalRegion(text.toUpperCase());
  const names = namesOfCountries();
  const whole = names.get(plain(text));
  if (whole) return whole;
  // A code beside a name: "DE - Germany", "France (FR)".
  for (const token of text.split(/[^A-Za-z]+/)) {
    const region = /^[A-Z]{2}$/.test(token) ? canonicalRegion(token) : null;
    if (region) return region;
  }
  for (const part of text.split(/[-–—(),/]+/)) {
    const found = names.get(plain(part));
    if (found) return found;
  }
  return null;
}

export type Clause = { kind: 'number'; number: string } | { kind: 'general' } | { kind: 'none' } | { kind: 'unknown' };

const GENERAL = /^(0|00|general|generale|general comments?|commentaires? generaux|whole( document)?|(the )?document|all|tout|ensemble|introduction|preamble|preambule|foreword|avant propos)$/;

/** "2.1", "Clause 2.1", "§ 2.1.", "2.1 Scope", "General", "0" → what the clause cell names. */
export function clauseOf(cell: string): Clause {
  const text = plain(cell)
    .replace(/^(clause|subclause|section|article|art\.?|chapter|chapitre|paragraph|paragraphe|para\.?)\s*/, '')
    .trim();
  if (!text || text === '.' || /^n ?a$/.test(text)) return { kind: 'none' };
  if (GENERAL.test(text.replace(/\.$/, ''))) return { kind: 'general' };
  const number = /^(\d+(?:\.\d+)*)/.exec(text)?.[1];
  if (number) return number === '0' ? { kind: 'general' } : { kind: 'number', number: number.split('.').map((n) => String(Number(n))).join('.') };
  return { kind: 'unknown' };
}
