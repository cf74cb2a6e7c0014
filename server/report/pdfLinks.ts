/**
 * Lines of a tagged table cell some of which are links (a comment's reference, which opens the
 * document at the comment). As PDF/UA asks, each linked line is a Link structure element holding
 * both its text (marked content) and its link annotation (an object reference, OBJR, which pdfkit
 * adds when the annotation is given the element as its `structParent`), and the annotation carries
 * a description in /Contents for assistive technology. The cell's other lines stay in the cell's
 * own element.
 */
import type { Doc, Line, Typesetter } from './pdfLayout.ts';
import type { StructElement } from './pdfTable.ts';

const ESCAPED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
const NON_ASCII = /[\u0080-\uFFFF]/;
const TO_ESCAPE = /[\n\r\t\b\f()\\]/g;

/**
 * A PDF string, written exactly as pdfkit writes a String object (UTF-16 with a byte-order mark
 * when it is not all ASCII, then escaped), at a fraction of the cost: pdfkit reads a String object
 * character by character through its wrapper and copies it twice into byte arrays, a tenth of a
 * second for the two strings of each of 10,000 links. pdfkit writes a value of a type it does not
 * know as its text (PDFObject.convert's last case); the tag keeps it from being taken for a dictionary.
 */
export class PdfString {
  readonly [Symbol.toStringTag] = 'PdfString';
  constructor(private readonly text: string) {}

  toString(): string {
    let bytes = this.text;
    if (NON_ASCII.test(bytes)) {
      let utf16 = '\u00FE\u00FF';
      for (let i = 0; i < bytes.length; i++) {
        const code = bytes.charCodeAt(i);
        utf16 += String.fromCharCode(code >> 8, code & 0xff);
      }
      bytes = utf16;
    }
    return `(${bytes.replace(TO_ESCAPE, (c) => ESCAPED[c]!)})`;
  }
}

export interface CellBox {
  x: number;
  y: number;
  width: number;
  lineHeight: number;
  align?: 'left' | 'right';
}

/** Draws `lines` into `element` (a TD or TH); must stay on the current page, as the annotation's rectangle is placed on it. */
export function drawLinkedLines(doc: Doc, ts: Typesetter, element: StructElement, role: string, lines: readonly Line[], box: CellBox): void {
  let open = false;
  lines.forEach((line, n) => {
    const y = box.y + n * box.lineHeight;
    if (!line.link) {
      if (!open) element.add(doc.markStructureContent(role));
      open = true;
      ts.draw(line, box.x, y, box.align, box.width);
      return;
    }
    if (open) doc.endMarkedContent();
    open = false;
    const link = doc.struct('Link');
    element.add(link);
    link.add(doc.markStructureContent('Link'));
    ts.draw(line, box.x, y, box.align, box.width);
    doc.endMarkedContent();
    const x = box.align === 'right' ? box.x + box.width - line.width : box.x;
    // As pdfkit's link() makes it, with the action in the annotation rather than an object of its
    // own (one object fewer per comment). A plain string would be a name to pdfkit; its types do not
    // list structParent.
    const options = { Subtype: 'Link', A: { S: 'URI', URI: new PdfString(line.link.url) }, Contents: new PdfString(line.link.alt), structParent: link };
    doc.annotate(x, y, Math.max(line.width, 1), box.lineHeight, options as unknown as PDFKit.Mixins.AnnotationOption);
    link.end();
  });
  if (open) doc.endMarkedContent();
}
