import { describe, expect, it } from 'vitest';
import { countryName } from '../../shared/countryNames.ts';

describe('countryName', () => {
  it('names countries in English and French', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('DE', 'fr')).toBe('Allemagne');
    expect(countryName('GE', 'fr')).toBe('Géorgie');
  });
  it('says when no country was given, and keeps codes it cannot read', () => {
    expect(countryName('')).toBe('Country not given');
    expect(countryName('unknown', 'fr')).toBe('Pays non indiqué');
    expect(countryName('Q1')).toBe('Q1');
  });
});
