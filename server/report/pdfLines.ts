/**
 * The shapes the PDF's hand-made text layout (pdfLayout.ts) works with: paragraphs in, laid-out lines
 * out, and the parts of pdfkit's internals it draws through (pdfkit's types do not describe them).
 */
export type FontName = 'regular' | 'bold';
export type Doc = PDFKit.PDFDocument;

/** Where a piece of text leads: an address, and what a screen reader says for the link. */
export interface LinkTarget {
  url: string;
  alt: string;
}

/** A paragraph to lay out: its text may hold line breaks. */
export interface Para {
  text: string;
  font?: FontName;
  size?: number;
  color?: string;
  /** The paragraph opens this address (a link annotation over each of its lines). */
  link?: LinkTarget;
  /** Said once in the file (a comment's own words): not worth remembering its lines (Typesetter.wrap). */
  once?: boolean;
}

/** One laid-out line: the pieces drawn left to right, and its width. */
export interface Line {
  pieces: string[];
  widths: number[];
  width: number;
  font: FontName;
  size: number;
  color: string;
  link?: LinkTarget;
  /** Each piece's glyphs as the page shows them (null: drawn by pdfkit), filled in when first drawn. */
  glyphs?: Array<string | null>;
}

/** The part of pdfkit's embedded font used here (pdfkit's types do not describe it). */
export interface EmbeddedFont {
  id: string;
  ascender: number;
  widthOfString(text: string, size: number): number;
  ref(): unknown;
  font: { glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; codePoints: number[] } };
  subset: { includeGlyph(glyphId: number): number };
  /** Per glyph of the subset: its width and the characters it stands for (the ToUnicode map). */
  widths: number[];
  unicode: number[][];
  scale: number;
}

/** pdfkit's internal fragment writer: draws one piece at (x, y), top of the line, without measuring it again. */
export interface FragmentWriter {
  _fragment(text: string, x: number, y: number, options: { textWidth: number; wordCount: number }): void;
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown>; height: number };
}
