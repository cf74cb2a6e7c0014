/** The PDF's lines: a paragraph is wrapped once and its lines shared, so sharing must not leak a link. */
import PDFKitDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { Typesetter } from '../../server/report/pdfLayout.ts';

const link = { url: 'https://example.org/documents/d?thread=DE-001', alt: 'Open comment DE-001' };

describe('wrapped lines', () => {
  it('gives a link only to the linked paragraph, whichever is wrapped first', () => {
    const ts = new Typesetter(new PDFKitDocument({ autoFirstPage: true }));
    const linked = ts.wrapAll([{ text: 'DE-001', font: 'bold', link }], 100);
    const plain = ts.wrapAll([{ text: 'DE-001', font: 'bold' }], 100);
    const again = ts.wrapAll([{ text: 'DE-001', font: 'bold', link }], 100);
    expect(linked.map((line) => line.link)).toEqual([link]);
    expect(plain.map((line) => line.link)).toEqual([undefined]);
    expect(again.map((line) => line.link)).toEqual([link]);
  });

  it('wraps the same text again the same way, and differently in another width', () => {
    const ts = new Typesetter(new PDFKitDocument({ autoFirstPage: true }));
    const text = 'The wording, as drafted, is unclear in the second paragraph — café, مرحبا.';
    const pieces = (width: number) => ts.wrap({ text }, width).map((line) => line.pieces.join(''));
    const narrow = pieces(80);
    expect(pieces(80)).toEqual(narrow);
    expect(narrow.length).toBeGreaterThan(pieces(400).length);
    expect(narrow.join('').replace(/\s+/g, ' ')).toContain('The wording, as drafted,');
  });

  it('remembers a repeated paragraph, and not a comment\'s own words, laid out the same either way', () => {
    const ts = new Typesetter(new PDFKitDocument({ autoFirstPage: true }));
    const text = 'Comment 12: the wording, as drafted, is unclear.';
    const repeated = ts.wrap({ text }, 80);
    expect(ts.wrap({ text }, 80)).toBe(repeated);
    const own = ts.wrap({ text, once: true }, 80);
    expect(own).not.toBe(repeated);
    expect(ts.wrap({ text, once: true }, 80)).not.toBe(own);
    expect(own).toEqual(repeated);
  });
});
