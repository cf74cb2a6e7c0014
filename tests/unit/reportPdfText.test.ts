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

  // Each right-to-left word is given in logical order: fontkit reverses its letters when it draws it.
  it('orders a right-to-left line around the English words and numbers in it (UAX #9)', () => {
    // An Arabic sentence: its first word is drawn rightmost, the English name stays in between.
    expect(runs('مرحبا Accord بالعالم')).toEqual(['بالعالم', ' ', 'Accord', ' ', 'مرحبا']);
    // Hebrew with numbers: "page 12 of 30" reads right to left, each number left to right.
    expect(runs('עמוד 12 מתוך 30')).toEqual(['30', ' ', 'מתוך', ' ', '12', ' ', 'עמוד']);
    // Arabic-Indic digits stay left to right: one at a time, so fontkit cannot reverse them.
    expect(runs('السنة ٢٠٢٤ كانت')).toEqual(['كانت', ' ', '٢', '٠', '٢', '٤', ' ', 'السنة']);
  });

  // \u0029 and \u0028: the closing bracket first, then the opening one (mirrored, fontkit reverses the word).
  it('mirrors brackets inside right-to-left text, and keeps a left-to-right line in order', () => {
    expect(runs('(שלום) עולם')).toEqual(['עולם', ' ', '\u0029שלום\u0028']);
    expect(runs('He said «שלום (עולם)» twice.')).toEqual(['He said «', '\u0029עולם\u0028', ' ', 'שלום', '» twice.']);
    expect(runs('Article 5 applies, المادة ٥ تنطبق')).toEqual(['Article 5 applies, ', 'تنطبق', ' ', '٥', ' ', 'المادة']);
  });

  // A paragraph wrapped in a narrow column: its second line starts with Arabic but is still left to right.
  it('keeps the direction of the paragraph for a line wrapped from it', () => {
    expect(runs('بالعالم, emoji end', 'ltr')).toEqual(['بالعالم', ', emoji end']);
    expect(runs('بالعالم, emoji end')[0]).toBe('emoji end');
  });
});
