/**
 * The link annotations' strings (pdfLinks.ts's PdfString) are written by our code instead of
 * pdfkit's, for speed: the bytes must be exactly those pdfkit writes for a String object, in ASCII
 * and in UTF-16, escapes included.
 */
import PDFKitDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PdfString } from '../../server/report/pdfLinks.ts';

/** The values of /A and /B in an object pdfkit writes with both. */
async function written(a: unknown, b: unknown): Promise<{ a: string; b: string }> {
  const doc = new PDFKitDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  const ref = doc.ref({ A: a, B: b } as object);
  // No stream data: only the dictionary is written.
  ref.end(null);
  doc.end();
  await ended;
  const text = Buffer.concat(chunks).toString('latin1');
  const line = (key: string) => new RegExp(`^/${key} (.*)$`, 'm').exec(text)![1]!;
  return { a: line('A'), b: line('B') };
}

describe('PdfString', () => {
  const samples = [
    'https://accord.example/documents/guidance?thread=DE-001',
    'Open comment FR-012 in Accord',
    'Brackets (and a backslash \\), a tab\tand a line\nbreak',
    'Ouvrir le commentaire ES-003 dans Accord — café',
    'فتح التعليق JO-004',
    'Emoji 😀 and ( in UTF-16 bytes: \u2829 \u5C00',
    '',
  ];
  it.each(samples)('writes %j as pdfkit writes a String', async (text) => {
    const { a, b } = await written(new String(text), new PdfString(text));
    expect(a).toMatch(/^\(/);
    expect(b).toBe(a);
  });
});
