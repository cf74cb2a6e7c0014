/**
 * An object's value as PDF text, exactly as pdfkit 0.20's PDFObject.convert writes it, for what the
 * report's packed objects hold (pdfObjectStreams.ts): names, numbers, booleans, null, arrays,
 * dictionaries, references to other objects, and strings (String, PdfString). pdfkit's convert asks
 * each value in turn whether it is a String, a byte array, a tree, a reference, a date, and builds
 * each dictionary as an array of lines joined: for the 150,000 objects of 10,000 comments, more than
 * any other step of writing them. Any other value (a date, bytes, a name tree) gives null, and pdfkit
 * writes that object itself.
 */
import { PdfString } from './pdfLinks.ts';

/** An object of the file, written elsewhere: pdfkit's PDFReference (its text "N 0 R"). */
const isReference = (value: object): boolean => typeof (value as { finalize?: unknown }).finalize === 'function' && typeof (value as { id?: unknown }).id === 'number';

export function pdfValue(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return `/${value}`;
    case 'number':
      // As pdfkit: six decimals at most, and a number too large for that is its error to raise.
      return value > -1e21 && value < 1e21 ? String(Math.round(value * 1e6) / 1e6) : null;
    case 'boolean':
      return String(value);
    case 'object':
      break;
    default:
      return null;
  }
  if (value === null) return 'null';
  if (value instanceof PdfString) return value.toString();
  // A String object (pdfkit's string type; a plain string is a name).
  if (Object.prototype.toString.call(value) === '[object String]') return new PdfString(String(value)).toString();
  if (isReference(value)) return String(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item = pdfValue(value[i] === undefined ? null : value[i]);
      if (item === null) return null;
      text += i === 0 ? item : ` ${item}`;
    }
    return `${text}]`;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return null;
  let text = '<<';
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const written = pdfValue(item);
    if (written === null) return null;
    text += `\n/${key} ${written}`;
  }
  return `${text}\n>>`;
}
