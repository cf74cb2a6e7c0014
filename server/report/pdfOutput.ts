/**
 * Cheaper writing for pdfkit, for reports of thousands of comments. pdfkit turns every drawing
 * operator (addContent) and every piece of every object it writes (_write) into its own byte array,
 * one character at a time, and pushes each object piece through its output stream as a chunk: for
 * 10,000 comments, about a million small arrays, a fifth of the time, and as much again collecting
 * them. Here operators are gathered into one string per table row, and written pieces into chunks
 * of about a megabyte, each converted to bytes at once by Buffer (native code).
 *
 * Both replace pdfkit methods on the one document object and rely on what they do in pdfkit 0.20
 * (the version in package.json); tests/integration/reportPdf.test.ts reads every page back.
 */
import type { Doc } from './pdfLayout.ts';

interface Internals {
  addContent(data: string): unknown;
  page: { write(chunk: Uint8Array): void };
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array | null): boolean;
}

const CHUNK = 1 << 20;

/** Gathers what pdfkit writes into large chunks; the last one goes out before the end of the stream. */
export function batchOutput(doc: Doc): void {
  const d = doc as unknown as Internals;
  const push = d.push.bind(d);
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return;
    push(Buffer.from(pending.join(''), 'latin1'));
    pending = [];
    size = 0;
  };
  // oxlint-disable-next-line no-underscore-dangle -- pdfkit's internals, described at the top of this file
  d._write = (data) => {
    if (typeof data === 'string') {
      // As pdfkit's own _write: a line of text, each character one byte.
      pending.push(data, '\n');
      size += data.length + 1;
      // oxlint-disable-next-line no-underscore-dangle -- pdfkit's internals, described at the top of this file
      d._offset += data.length + 1;
      if (size >= CHUNK) flush();
      return;
    }
    flush();
    push(data);
    // oxlint-disable-next-line no-underscore-dangle -- pdfkit's internals, described at the top of this file
    d._offset += data.length;
  };
  d.push = (chunk) => {
    flush();
    return push(chunk);
  };
}

/**
 * Runs `draw`, which must stay on the current page, with its drawing operators gathered and added
 * to the page in one piece.
 */
export function gathered(doc: Doc, draw: () => void): void {
  const d = doc as unknown as Internals;
  const parts: string[] = [];
  d.addContent = (data: string) => {
    parts.push(data);
    return doc;
  };
  try {
    draw();
  } finally {
    // Back to the prototype's method.
    delete (d as Partial<Internals>).addContent;
  }
  if (parts.length) d.page.write(Buffer.from(`${parts.join('\n')}\n`, 'latin1'));
}
