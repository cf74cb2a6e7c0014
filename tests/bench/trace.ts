/**
 * The automerge-paper editing trace (Martin Kleppmann and Alastair Beresford, from Joseph Gentle's
 * editing-traces collection, CC BY 4.0; see ../shared/traces/README.md beside the repository): loading it, the text a
 * prefix of it gives, and typing it into a Y.XmlText the way an editor would, one transaction each.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';

/** The shared traces folder sits beside the repository (../shared/traces); TRACE_DIR overrides it. */
export const TRACE_FILE = path.join(process.env.TRACE_DIR ?? path.resolve(import.meta.dirname, '../../../shared/traces'), 'automerge-paper.json.gz');
export const TRACE_ATTRIBUTION =
  'Editing trace: automerge-paper by Martin Kleppmann and Alastair Beresford (automerge-perf), from ' +
  'the editing-traces collection by Joseph Gentle (github.com/josephg/editing-traces, commit 762fa6c), CC BY 4.0.';

/** [position in code points, characters deleted, text inserted] */
export type Patch = [number, number, string];

export interface Trace {
  endContent: string;
  txns: Array<{ patches: Patch[] }>;
}

let cached: Trace | null = null;

export function loadTrace(): Trace {
  if (cached) return cached;
  const trace = JSON.parse(gunzipSync(readFileSync(TRACE_FILE)).toString('utf8')) as Trace;
  // Yjs counts UTF-16 code units, the trace counts code points: they agree only without astral characters.
  const astral = /[\uD800-\uDFFF]/;
  if (astral.test(trace.endContent) || trace.txns.some((t) => t.patches.some((p) => astral.test(p[2])))) {
    throw new Error('the trace has characters outside the BMP; its positions would need converting to UTF-16');
  }
  cached = trace;
  return trace;
}

/** The text after the first `count` transactions, applied as plain string splices. */
export function textAfter(trace: Trace, count: number): string {
  if (count >= trace.txns.length) return trace.endContent;
  let text = '';
  for (const txn of trace.txns.slice(0, count)) {
    for (const [pos, del, ins] of txn.patches) text = text.slice(0, pos) + ins + text.slice(pos + del);
  }
  return text;
}

/** Applies one transaction of the trace to `text` (its own Yjs transaction, so one update). */
export function applyTransaction(doc: Y.Doc, text: Y.XmlText, patches: Patch[]): void {
  doc.transact(() => {
    for (const [pos, del, ins] of patches) {
      if (del > 0) text.delete(pos, del);
      if (ins) text.insert(pos, ins);
    }
  });
}

/** Appends an empty paragraph to the `default` fragment, as the editor's Enter at the end would. */
export function appendParagraph(doc: Y.Doc): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  doc.getXmlFragment('default').push([paragraph]);
  return paragraph.get(0) as Y.XmlText;
}

/** The Yjs state of a paragraph holding the whole trace, typed one transaction at a time. */
export function wholeTraceState(): Uint8Array {
  const trace = loadTrace();
  const doc = new Y.Doc();
  const text = appendParagraph(doc);
  for (const txn of trace.txns) applyTransaction(doc, text, txn.patches);
  if (text.toString() !== trace.endContent) throw new Error('applying the trace locally did not give its endContent');
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The plain text of the last paragraph of `default`, or null when it has none. */
export function lastParagraphText(doc: Y.Doc): Y.XmlText | null {
  const fragment = doc.getXmlFragment('default');
  const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
  if (!(last instanceof Y.XmlElement) || last.nodeName !== 'paragraph') return null;
  const text = last.get(0);
  return text instanceof Y.XmlText ? text : null;
}

/** The text of the paragraph with the most text: where the trace is, wherever Yjs ordered it. */
export function longestParagraphText(doc: Y.Doc): Y.XmlText | null {
  let longest: Y.XmlText | null = null;
  for (const node of doc.getXmlFragment('default').toArray()) {
    const text = node instanceof Y.XmlElement && node.nodeName === 'paragraph' ? node.get(0) : null;
    if (text instanceof Y.XmlText && text.length > (longest?.length ?? -1)) longest = text;
  }
  return longest;
}

export function plain(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}
