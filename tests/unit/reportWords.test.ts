/**
 * The words of the exports (server/report/words.*.ts): both languages have the same keys, so no
 * French file falls back to a missing word, and dates, numbers, lists and country names come out as
 * each language writes them.
 */
import { describe, expect, it } from 'vitest';
import { reportWordsEn } from '../../server/report/words.en.ts';
import { reportWordsFr } from '../../server/report/words.fr.ts';
import { reportWords } from '../../server/report/words.ts';

/** Every key path of a catalogue, with the kind of its value ("string", "function", "array of 9"). */
function shape(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return [`${at}: array of ${value.length}`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => shape(child, at ? `${at}.${key}` : key));
  return [`${at}: ${typeof value}`];
}

describe('the export catalogues', () => {
  it('have the same keys, of the same kinds, in English and French', () => {
    expect(shape(reportWordsFr).toSorted()).toEqual(shape(reportWordsEn).toSorted());
  });

  it('have no French word left in English, and no empty word', () => {
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];
    const en = strings(reportWordsEn);
    const fr = strings(reportWordsFr);
    expect([...en, ...fr].filter((s) => s.trim() === '')).toEqual([]);
    // Words that read the same in both languages, and nothing else.
    const same = new Set(fr.filter((s, i) => s === en[i]));
    expect([...same].toSorted()).toEqual(['Consultation', 'Date', 'Organisation', 'Organisations', 'Page ', 'Participant', 'Question', 'Section', 'Total', 'Type', 'Version'].toSorted());
  });

  it('write dates, numbers, lists and countries in French as French does', () => {
    const fr = reportWords('fr');
    expect(fr.day('2026-12-02T23:30:00Z')).toBe('2 décembre 2026');
    expect(fr.number(1000)).toBe('1\u202f000');
    expect(fr.list(['DE', 'FR', 'IT'])).toBe('DE, FR et IT');
    expect(fr.country('DE')).toBe('Allemagne');
    expect(fr.status('partially-accepted')).toBe('Partiellement acceptée');
    expect(fr.totals('1', '0', '2')).toBe('1 observation, 0 réponse, 2 soutiens');
    expect(fr.locale).toBe('fr-FR');
  });

  it('keep the English as it was', () => {
    const en = reportWords('en');
    expect(en.day('2026-12-02T23:30:00Z')).toBe('2 December 2026');
    expect(en.number(1000)).toBe('1,000');
    expect(en.list(['DE', 'FR', 'IT'])).toBe('DE, FR and IT');
    expect(en.country('DE')).toBe('Germany');
    expect(en.totals('1', '0', '2')).toBe('1 comment, 0 replies, 2 endorsements');
    expect(en.locale).toBe('en-GB');
  });
});
