import { createIntl } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { accent, pseudoCatalogue, pseudoMessage } from '../../client/i18n/pseudoLocale.ts';
import { en } from '../../shared/i18n/en.ts';

function format(message: string, values?: Record<string, string | number>): string {
  const intl = createIntl({ locale: 'en', messages: { m: pseudoMessage(message) }, onError: (error) => { throw error; } });
  return intl.formatMessage({ id: 'm' }, values) as string;
}

describe('pseudo-locale', () => {
  it('accents letters and leaves digits and punctuation', () => {
    expect(accent('Save 3 files.')).toBe('Šáṽé 3 ƒíļéš.');
  });

  it('pads a long message in short runs that a line may break between, as real words would', () => {
    const out = format('No mail server is configured, so nothing leaves Accord: each message is written as a file you can open below.');
    const padding = /·[·\u200b]*⟧$/.exec(out)![0];
    expect(padding.replace(/[^·]/g, '').length).toBeGreaterThan(30);
    expect(Math.max(...padding.split('\u200b').map((run) => run.replace('⟧', '').length))).toBeLessThanOrEqual(8);
  });

  it('brackets and lengthens a plain message by about a third', () => {
    const out = format('Documents');
    expect(out.startsWith('⟦Ðöçûɱéñţš')).toBe(true);
    expect(out.endsWith('⟧')).toBe(true);
    expect(out.length).toBeGreaterThanOrEqual(Math.round('Documents'.length * 1.35) + 2);
  });

  it('keeps placeholders working', () => {
    expect(format('Hello {name}', { name: 'Ana' })).toMatch(/^⟦Ĥéļļö Ana·+⟧$/);
  });

  it('keeps plural categories and # working', () => {
    const message = '{count, plural, one {# comment} other {# comments}}';
    expect(format(message, { count: 1 })).toMatch(/^⟦1 çöɱɱéñţ·+⟧$/);
    expect(format(message, { count: 4 })).toMatch(/^⟦4 çöɱɱéñţš·+⟧$/);
  });

  it('keeps select keys working', () => {
    const message = '{role, select, secretariat {Secretariat} other {Member}}';
    expect(format(message, { role: 'secretariat' })).toMatch(/^⟦Šéçŕéţáŕíáţ·+⟧$/);
    expect(format(message, { role: 'x' })).toMatch(/^⟦Ṁéɱƀéŕ·+⟧$/);
  });

  it('keeps rich-text tags as tags', () => {
    const intl = createIntl({ locale: 'en', messages: { m: pseudoMessage('Send to <strong>{name}</strong> now') } });
    const parts = intl.formatMessage({ id: 'm' }, { name: 'Ana', strong: (chunks) => `[${String(chunks)}]` });
    expect(String(parts)).toMatch(/^⟦Šéñð ţö \[Ana\] ñöŵ·+⟧$/);
  });

  it('formats every English message without an error', () => {
    const errors: string[] = [];
    const intl = createIntl({ locale: 'en', messages: pseudoCatalogue(en), onError: (error) => errors.push(error.message) });
    for (const key of Object.keys(en)) intl.formatMessage({ id: key }, {});
    // Missing values are reported for messages with placeholders; a parse error or a missing key would not be "FORMAT_ERROR" alone.
    expect(errors.filter((message) => !/FORMAT_ERROR|not provided|missing/i.test(message))).toEqual([]);
  });
});
