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
    // own (one object fewer per comment). PDF strings are String objects to pdfkit (a plain string
    // is a name); its types do not list structParent.
    const options = { Subtype: 'Link', A: { S: 'URI', URI: new String(line.link.url) }, Contents: new String(line.link.alt), structParent: link };
    doc.annotate(x, y, Math.max(line.width, 1), box.lineHeight, options as unknown as PDFKit.Mixins.AnnotationOption);
    link.end();
  });
  if (open) doc.endMarkedContent();
}
