/**
 * The packed objects' values are written by pdfValue (pdfValues.ts) instead of pdfkit, for speed:
 * the text must be exactly what pdfkit writes for the same value, and anything else is left to pdfkit.
 */
import PDFKitDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PdfString } from '../../server/report/pdfLinks.ts';
import { pdfValue } from '../../server/report/pdfValues.ts';

/** What pdfkit writes as the value of an object holding `data`, between "N 0 obj" and "endobj". */
async function writtenByPdfkit(data: Record<string, unknown>): Promise<string> {
  const doc = new PDFKitDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  const ref = doc.ref(data);
  // No stream data: only the dictionary is written.
  ref.end(null);
  doc.end();
  await ended;
  const text = Buffer.concat(chunks).toString('latin1');
  return new RegExp(`\\n${ref.toString().replace(' R', '')} obj\\n([^]*?)\\nendobj`).exec(text)![1]!;
}

describe('pdfValue', () => {
  it('writes what pdfkit writes, for every kind of value the report holds', async () => {
    const doc = new PDFKitDocument({ compress: false });
    const other = doc.ref({ Type: 'Annot' });
    const data = {
      S: 'TD',
      P: other,
      K: [0, 1, other, { Type: 'OBJR', Obj: other }, undefined, [1.25, -3.1234567]],
      Rect: [39, 378.48, 69.1171875, 387.4800000001],
      A: { O: 'Table', Scope: 'Column', Skipped: undefined },
      Empty: {},
      List: [],
      Marked: true,
      Off: false,
      Nothing: null,
      Title: new String('Disposition of comments (draft) \\ café'),
      Lang: new String('en-GB'),
      Alt: new PdfString('فتح التعليق JO-004 😀'),
      Big: 123456789.12345,
    };
    expect(pdfValue(data)).toBe(await writtenByPdfkit(data));
  });

  it('leaves to pdfkit what it does not write itself', () => {
    expect(pdfValue({ CreationDate: new Date(0) })).toBeNull();
    expect(pdfValue({ Data: new Uint8Array([1, 2]) })).toBeNull();
    expect(pdfValue([1, { At: new Date(0) }])).toBeNull();
  });
});
