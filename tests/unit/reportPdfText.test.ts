/** What the PDF can draw: characters the embedded font lacks are marked, right-to-left runs ordered. */
import { describe, expect, it } from 'vitest';
import { drawable, runs } from '../../server/report/pdfText.ts';

describe('text for the PDF', () => {
  it('keeps what DejaVu Sans draws: accents, Greek, Cyrillic, Arabic, Hebrew, some emoji', () => {
    const text = 'Zoé Núñez Müller, Ελλάδα, Україна, مرحبا, שלום, 😀 “quoted” — €';
    expect(drawable(text)).toBe(text);
  });

  it('replaces what it cannot draw, drops invisible joiners and controls', () => {
    expect(drawable('日本 and 🦩')).toBe('\uFFFD\uFFFD and \uFFFD');
    expect(drawable('👍🏽 ❤️ a\u0007b\u200Dc')).toContain('abc');
    expect(drawable('line one\nline two')).toBe('line one\nline two');
  });

  it('cuts a line into runs drawn left to right, right-to-left words reversed in order', () => {
    expect(runs('plain text')).toEqual(['plain text']);
    expect(runs('Arabic مرحبا بالعالم here')).toEqual(['Arabic ', 'بالعالم', ' ', 'مرحبا', ' here']);
    expect(runs('שלום')).toEqual(['שלום']);
    expect(runs('')).toEqual([]);
  });
});
