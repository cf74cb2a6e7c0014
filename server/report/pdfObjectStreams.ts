/**
 * Compressed object streams (PDF 1.5) for pdfkit, which writes every object on its own and in
 * clear. A tagged report has one structure element per table cell (and an annotation per comment):
 * for 10,000 comments some 150,000 small dictionaries, most of a 19 MB file, with a 20-byte
 * cross-reference line each. Here every object without a stream of its own is packed, a few
 * hundred at a time, into deflated /Type /ObjStm streams, and the cross-reference table is written
 * as a deflated /Type /XRef stream that says where each object is (6.5 MB in all). The objects
 * themselves are exactly those pdfkit made (the structure tree, tags and all), only stored
 * differently. Other streams (the pages' drawing, the fonts) are deflated here too, at a faster
 * level than pdfkit's.
 *
 * It replaces pdfkit methods on the one document object (ref, _finalize) and on its objects
 * (finalize), and relies on what they do in pdfkit 0.20 (the version in package.json): ref() makes
 * an object, an object's finalize() writes "N 0 obj", the value, "endobj" through its document and
 * then calls _refEnd(), and _finalize() writes the table and trailer once every object is written.
 * tests/integration/reportPdf.test.ts reads the file back with poppler; tests/helpers/pdfObjects.ts
 * reads the object streams.
 */
// oxlint-disable no-underscore-dangle -- every `_name` in this file is one of pdfkit's internals, described above
import { deflateSync } from 'node:zlib';
import type { Doc } from './pdfLayout.ts';
import { pdfValue } from './pdfValues.ts';

interface Ref {
  id: number;
  document: Internals;
  buffer: Uint8Array[];
  /** Whether pdfkit will deflate the stream (it has set /Filter /FlateDecode already). */
  compress: boolean;
  finalize(): void;
  end(chunk?: Uint8Array): void;
  data: Record<string, unknown>;
}

interface Internals {
  ref(data?: Record<string, unknown>): Ref;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: Ref): void;
  _finalize(): void;
  _offsets: Array<number | null>;
  _offset: number;
  _ended: boolean;
  _root: Ref;
  _info: Ref;
  _id: Uint8Array;
  _security: unknown;
  push(chunk: Uint8Array | null): boolean;
}

/** Objects per stream: a reader inflates a whole stream to reach one of them, so not too many. */
const PER_STREAM = 400;
/** zlib's level for object streams: small dictionaries much alike, which the fastest level packs nearly as well. */
const LEVEL = 1;
/** zlib's level for other streams (the pages' drawing, the fonts). */
const STREAM_LEVEL = 3;

/** Bytes per cross-reference entry: type, offset or stream (4), index (2); W [1 4 2]. */
const ENTRY = 7;

/**
 * The rows each stored as their difference from the row above, after a byte naming the filter
 * (PNG's "Up", /Predictor 12): neighbouring entries differ in a byte or two, so the table becomes
 * mostly zeros, which deflate packs in a fraction of the time and space (10,000 comments: 32 KiB
 * in 8 ms, against 236 KiB in 50 ms unfiltered).
 */
function upFiltered(table: Buffer, width: number): Buffer {
  const rows = table.length / width;
  const out = Buffer.alloc(rows * (width + 1));
  for (let r = 0; r < rows; r++) {
    const at = r * (width + 1);
    out[at] = 2;
    for (let i = 0; i < width; i++) out[at + 1 + i] = (table[r * width + i]! - (r > 0 ? table[(r - 1) * width + i]! : 0)) & 0xff;
  }
  return out;
}

const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && typeof (value as Partial<Ref>).finalize === 'function' && typeof (value as Partial<Ref>).id === 'number';

/** Packs the objects `doc` writes from now on into object streams; call before anything is drawn. */
export function packObjects(doc: Doc): void {
  const d = doc as unknown as Internals;
  // Encrypted files would need each packed object's strings encrypted in its stream's place.
  if (d._security) return;
  /** Where each packed object is: its stream's object number and its index there. */
  const packed = new Map<number, [number, number]>();
  let batch: Array<{ id: number; text: string }> = [];

  const flush = () => {
    if (batch.length === 0) return;
    const objects = batch;
    batch = [];
    let header = '';
    let body = '';
    for (const { id, text } of objects) {
      header += `${id} ${body.length} `;
      body += `${text}\n`;
    }
    const stream = d.ref({ Type: 'ObjStm', N: objects.length, First: header.length, Filter: 'FlateDecode' });
    objects.forEach(({ id }, index) => packed.set(id, [stream.id, index]));
    // The text is pdfkit's: one byte per character (latin1), as its own _write converts it.
    stream.end(deflateSync(Buffer.from(header + body, 'latin1'), { level: LEVEL }));
  };

  // What pdfkit's finalize() of an object without a stream writes, caught instead of written: the
  // object is given this in place of its document while it finalizes, so the document is untouched.
  const catcher = {
    _offset: 0,
    _security: null,
    pieces: [] as Array<string | Uint8Array>,
    _write(piece: string | Uint8Array) {
      this.pieces.push(piece);
    },
    _refEnd() {},
  };
  const original = Object.getPrototypeOf(d._root) as { finalize(this: Ref): void };
  /** The value as pdfkit writes it ("N 0 obj", the value, "endobj"), for what pdfValue does not write. */
  const writtenByPdfkit = (ref: Ref): string => {
    catcher.pieces = [];
    ref.document = catcher as unknown as Internals;
    try {
      original.finalize.call(ref);
    } finally {
      ref.document = d;
    }
    return String(catcher.pieces[1]);
  };
  // Each object's finalize(): one with a stream is written as pdfkit writes it; any other's value
  // is written by pdfValue (or by pdfkit to the catcher), and goes into the batch.
  function finalize(this: Ref): void {
    if (this.buffer.length > 0) {
      if (this.compress) {
        // pdfkit deflates at zlib's default level (6); level 3 takes half the time for a file a
        // tenth larger (the pages of 10,000 comments: 37 MB of drawing, 3.4 MB against 3.8 MB).
        this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: STREAM_LEVEL })];
        this.compress = false;
      }
      return original.finalize.call(this);
    }
    batch.push({ id: this.id, text: pdfValue(this.data) ?? writtenByPdfkit(this) });
    if (batch.length >= PER_STREAM) flush();
    // pdfkit's _refEnd() may finish the file: it comes after the object is in its batch.
    d._refEnd(this);
  }
  const pack = (ref: Ref) => {
    ref.finalize = finalize;
    return ref;
  };
  const makeRef = d.ref.bind(d);
  d.ref = (data) => pack(makeRef(data));
  // The objects pdfkit made with the document (the catalogue, the structure tree's root with its
  // parent tree, a megabyte for 10,000 comments): none is written yet.
  pack(d._root);
  for (const value of Object.values(d._root.data)) if (isRef(value)) pack(value);

  d._finalize = () => {
    // Writing the last stream ends an object; its _refEnd() must not call this again.
    d._ended = false;
    flush();
    const xrefId = d._offsets.length + 1;
    const xrefOffset = d._offset;
    // Type 1: at an offset; type 2: in an object stream; W [1 4 2].
    const entries = Buffer.alloc(ENTRY * (xrefId + 1));
    entries.writeUInt8(0, 0);
    entries.writeUInt16BE(0xffff, 5);
    const entry = (n: number, type: number, field: number, index: number) => {
      entries.writeUInt8(type, ENTRY * n);
      entries.writeUInt32BE(field, ENTRY * n + 1);
      entries.writeUInt16BE(index, ENTRY * n + 5);
    };
    d._offsets.forEach((offset, i) => {
      const where = packed.get(i + 1);
      if (where) entry(i + 1, 2, where[0], where[1]);
      else entry(i + 1, 1, offset ?? 0, 0);
    });
    entry(xrefId, 1, xrefOffset, 0);
    const data = deflateSync(upFiltered(entries, ENTRY));
    const id = Buffer.from(d._id).toString('hex');
    d._write(`${xrefId} 0 obj`);
    d._write(`<<\n/Type /XRef\n/Size ${xrefId + 1}\n/W [1 4 2]\n/Root ${d._root}\n/Info ${d._info}\n/ID [<${id}> <${id}>]\n/Filter /FlateDecode\n/DecodeParms << /Predictor 12 /Columns ${ENTRY} >>\n/Length ${data.length}\n>>`);
    d._write('stream');
    d._write(data);
    d._write('\nendstream');
    d._write('endobj');
    d._write('startxref');
    d._write(String(xrefOffset));
    d._write('%%EOF');
    d.push(null);
  };
}
