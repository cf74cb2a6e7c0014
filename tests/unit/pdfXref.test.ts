/**
 * The PDF report's cross-reference stream (pdfObjectStreams.ts), read back by hand: stored with PNG's
 * "Up" predictor, it must still say where every object is, at an offset of the file or in an object
 * stream. poppler repairs a broken table without failing, so the integration tests alone would not
 * tell a wrong one.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { reportPdf } from '../../server/report/pdf.ts';
import { warmUpJobs } from '../../server/report/warmUp.ts';
import { reportWords } from '../../server/report/words.ts';

async function samplePdf(): Promise<Buffer> {
  const job = warmUpJobs().find((j) => j.kind === 'report' && j.format === 'pdf');
  if (job?.kind !== 'report') throw new Error('no report in the warm-up jobs');
  return reportPdf(job.report, reportWords('en'));
}

/** The rows of the stream, the predictor undone: each row is its difference from the row above. */
function undoUp(data: Buffer, columns: number): Buffer {
  const rows = data.length / (columns + 1);
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    if (data[r * (columns + 1)] !== 2) throw new Error(`row ${r}: filter ${data[r * (columns + 1)]}, not Up`);
    for (let i = 0; i < columns; i++) out[r * columns + i] = (data[r * (columns + 1) + 1 + i]! + (r > 0 ? out[(r - 1) * columns + i]! : 0)) & 0xff;
  }
  return out;
}

describe('the PDF report cross-reference stream', () => {
  it('is stored with the Up predictor and locates every object', async () => {
    const bytes = await samplePdf();
    const raw = bytes.toString('latin1');
    const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(raw)![1]);
    const head = /^(\d+) 0 obj\s*<<([\s\S]*?)>>\s*stream\r?\n/.exec(raw.slice(xrefAt))!;
    const dictionary = head[2]!;
    expect(dictionary).toMatch(/\/Type \/XRef/);
    expect(dictionary).toMatch(/\/DecodeParms << \/Predictor 12 \/Columns 7 >>/);
    expect(dictionary).toMatch(/\/W \[1 4 2\]/);
    const size = Number(/\/Size (\d+)/.exec(dictionary)![1]);
    const length = Number(/\/Length (\d+)/.exec(dictionary)![1]);
    const dataAt = xrefAt + head[0].length;
    const table = undoUp(inflateSync(bytes.subarray(dataAt, dataAt + length)), 7);
    expect(table.length).toBe(7 * size);

    const entries = Array.from({ length: size - 1 }, (_, i) => ({
      n: i + 1,
      type: table[7 * (i + 1)],
      field: table.readUInt32BE(7 * (i + 1) + 1),
      index: table.readUInt16BE(7 * (i + 1) + 5),
    }));
    expect(entries.filter((e) => e.type !== 1 && e.type !== 2)).toEqual([]);
    // At an offset: the object begins there (the table itself included).
    const atOffset = entries.filter((e) => e.type === 1);
    expect(atOffset.filter((e) => !raw.startsWith(`${e.n} 0 obj`, e.field))).toEqual([]);
    // In an object stream: one written at an offset, and within its count.
    const streams = new Map<number, number>();
    for (const e of atOffset) {
      const count = /^\d+ 0 obj\s*<<\s*\/Type \/ObjStm\s*\/N (\d+)/.exec(raw.slice(e.field, e.field + 100));
      if (count) streams.set(e.n, Number(count[1]));
    }
    const packed = entries.filter((e) => e.type === 2);
    expect(packed.length).toBeGreaterThan(100);
    expect(packed.filter((e) => !(e.index < (streams.get(e.field) ?? 0)))).toEqual([]);
  });
});
