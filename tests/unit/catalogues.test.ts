/**
 * The catalogues: every message is valid ICU in both languages, and a translation uses exactly the
 * placeholders of the English message (a missing {deadline} would silently drop the date).
 */
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { en } from '../../shared/i18n/en.ts';
import { fr } from '../../shared/i18n/fr.ts';
import { negotiateLanguage } from '../../shared/i18n/languages.ts';

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if ('options' in element) for (const option of Object.values(element.options)) placeholders(option.value, into);
    if (element.type === TYPE.tag) placeholders(element.children, into);
  }
  return into;
}

describe('the catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(fr).toSorted()).toEqual(Object.keys(en).toSorted());
  });

  it('hold valid ICU messages with the same placeholders in both languages', () => {
    for (const [key, english] of Object.entries(en)) {
      const french = fr[key as keyof typeof en];
      expect(french.trim(), key).not.toBe('');
      expect([...placeholders(parse(french))].toSorted(), key).toEqual([...placeholders(parse(english))].toSorted());
    }
  });

  it('follow French typography: typographic apostrophes, and no line break before : ; ? !', () => {
    for (const [key, french] of Object.entries(fr)) {
      expect(french, key).not.toMatch(/\w'\w/);
      expect(french, key).not.toMatch(/ [:;?!]/);
    }
  });
});

describe('negotiateLanguage', () => {
  it('takes the first language Accord speaks, by preference', () => {
    expect(negotiateLanguage('fr-CH,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLanguage('de-DE,de;q=0.9,fr;q=0.5,en;q=0.4')).toBe('fr');
    expect(negotiateLanguage('en;q=0.2,fr;q=0.9')).toBe('fr');
    expect(negotiateLanguage(['ka-GE', 'ru', 'en-GB'])).toBe('en');
  });
  it('falls back to English, and ignores refused languages', () => {
    expect(negotiateLanguage('de')).toBe('en');
    expect(negotiateLanguage('fr;q=0, de')).toBe('en');
    expect(negotiateLanguage(null)).toBe('en');
    expect(negotiateLanguage('')).toBe('en');
  });
});
