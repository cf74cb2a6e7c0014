/**
 * A PDF's objects read back from its bytes, for tests that check what poppler's tools do not show
 * (link annotations, the structure elements that hold them). Objects written on their own and those
 * packed in compressed object streams (/Type /ObjStm) are both read; stream data is skipped by its
 * /Length, so binary content is never taken for an object.
 */
import { inflateSync } from 'node:zlib';

/** Each object's text (its dictionary or value, without a stream's data), by object number. */
export function pdfObjects(bytes: Buffer): Map<number, string> {
  const raw = bytes.toString('latin1');
  const objects = new Map<number, string>();
  const start = /(\d+) 0 obj\s*/g;
  for (let m = start.exec(raw); m; m = start.exec(raw)) {
    const from = m.index + m[0].length;
    // The keyword on a line of its own: a string in a dictionary ("Mainstreaming gender") holds no
    // bare line break, pdfkit escapes them.
    const keyword = /\nstream\r?\n/g;
    keyword.lastIndex = from;
    const stream = keyword.exec(raw);
    const endAt = raw.indexOf('endobj', from);
    if (!stream || endAt < stream.index) {
      objects.set(Number(m[1]), raw.slice(from, endAt).trim());
      start.lastIndex = endAt;
      continue;
    }
    const dictionary = raw.slice(from, stream.index).trim();
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const dataAt = stream.index + stream[0].length;
    objects.set(Number(m[1]), dictionary);
    if (/\/Type \/ObjStm/.test(dictionary)) {
      const data = bytes.subarray(dataAt, dataAt + length);
      const text = (/\/Filter \/FlateDecode/.test(dictionary) ? inflateSync(data) : data).toString('latin1');
      const first = Number(/\/First (\d+)/.exec(dictionary)![1]);
      const header = text.slice(0, first).trim().split(/\s+/).map(Number);
      for (let i = 0; i < header.length; i += 2) {
        const end = i + 3 < header.length ? first + header[i + 3]! : text.length;
        objects.set(header[i]!, text.slice(first + header[i + 1]!, end).trim());
      }
    }
    start.lastIndex = dataAt + length;
  }
  return objects;
}

/** A PDF string as text: literal `(…)` with its escapes, or hexadecimal `<…>`; UTF-16 when it starts with a byte-order mark. */
export function pdfText(value: string): string {
  let bytes: Buffer;
  if (value.startsWith('<')) {
    bytes = Buffer.from(value.slice(1, -1).replace(/\s/g, ''), 'hex');
  } else {
    const body = value.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, c: string) => {
      const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      return /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (named[c] ?? c);
    });
    bytes = Buffer.from(body, 'latin1');
  }
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
}

/** The value of `key` in an object's text: a string, a name, a number, a reference, an array or a dictionary, as written. */
export function entry(object: string, key: string): string | undefined {
  // A key starts a line (pdfkit writes one entry a line), a value follows it on the same line: so
  // `/S /URI` is a value, `/URI (…)` the key.
  const at = new RegExp(`(?:^|[\\n<])/${key}(?=[\\s(<[/])\\s*`).exec(object);
  if (!at) return undefined;
  const rest = object.slice(at.index + at[0].length);
  if (rest.startsWith('<<')) {
    // A dictionary: up to the `>>` that closes it.
    let depth = 0;
    for (let i = 0; i < rest.length - 1; i++) {
      const two = rest.slice(i, i + 2);
      if (two !== '<<' && two !== '>>') continue;
      depth += two === '<<' ? 1 : -1;
      i++;
      if (depth === 0) return rest.slice(0, i + 1);
    }
  }
  if (rest.startsWith('(')) {
    // A literal string: up to the bracket that closes it, escaped brackets skipped.
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === '(') depth++;
      else if (rest[i] === ')' && --depth === 0) return rest.slice(0, i + 1);
    }
  }
  if (rest.startsWith('<') && !rest.startsWith('<<')) return rest.slice(0, rest.indexOf('>') + 1);
  if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1);
  return /^(\d+ \d+ R|[^\s/<>[\]()]+|\/[^\s/<>[\]()]+)/.exec(rest)?.[0];
}

export interface PdfLink {
  id: number;
  uri: string;
  /** The annotation's description for assistive technology (/Contents). */
  contents: string;
  /** [x1, y1, x2, y2] in points, from the bottom left of the page. */
  rect: number[];
  /** The page whose /Annots list it, counted from 1 (pdfkit writes one /Pages node with every page as its kid). */
  page: number;
  /** The structure element that holds it (through an OBJR), with its type. */
  parent: { id: number; type: string } | null;
}

/** Every URI link annotation of the file, with its page and the structure element that holds it. */
export function pdfLinks(bytes: Buffer): PdfLink[] {
  const objects = pdfObjects(bytes);
  const ref = (value: string | undefined) => (value ? Number(/^(\d+) 0 R$/.exec(value)?.[1]) : NaN);
  const pages = new Map<number, number>();
  let order: number[] = [];
  const holders = new Map<number, { id: number; type: string }>();
  for (const [id, text] of objects) {
    if (/\/Type \/Pages\b/.test(text)) order = [...(entry(text, 'Kids') ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    if (/\/Type \/Page\b/.test(text)) {
      const annots = entry(text, 'Annots');
      for (const m of annots?.matchAll(/(\d+) 0 R/g) ?? []) pages.set(Number(m[1]), id);
    }
    if (/\/Type \/StructElem|\/S \/\w+/.test(text) && text.includes('/OBJR')) {
      for (const m of text.matchAll(/\/Type \/OBJR\s*\/Obj (\d+) 0 R/g)) holders.set(Number(m[1]), { id, type: entry(text, 'S')!.slice(1) });
    }
  }
  const links: PdfLink[] = [];
  for (const [id, text] of objects) {
    if (!/\/Subtype \/Link/.test(text)) continue;
    // The action: in the annotation, or an object of its own.
    const action = objects.get(ref(entry(text, 'A'))) ?? entry(text, 'A') ?? '';
    if (!/\/S \/URI/.test(action)) continue;
    links.push({
      id,
      uri: pdfText(entry(action, 'URI')!),
      contents: pdfText(entry(text, 'Contents') ?? '()'),
      rect: entry(text, 'Rect')!.slice(1, -1).trim().split(/\s+/).map(Number),
      page: order.indexOf(pages.get(id) ?? -1) + 1,
      parent: holders.get(id) ?? null,
    });
  }
  return links;
}
