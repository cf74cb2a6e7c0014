/**
 * Markdown footnotes (`text[^1]` and a `[^1]: the note` line) become endnotes at the end of the
 * section that cites them, numbered in the order they are cited, as Word footnotes do (htmlToDraft):
 * the editor has no footnotes, and a note far from its section is lost to the reader.
 *
 * Before parsing, each definition is taken out and each reference replaced by a marker no draft
 * contains (Unicode noncharacters); after parsing, every marker in the text becomes "[n]" and the
 * notes of a section are added as "[n] note" paragraphs before the next heading.
 */
import type { JSONNode } from '../markdown.ts';

const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const MARKER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
/** `[^label]: text`, with indented lines after it continuing the note. */
const DEFINITION = /^\[\^([^\]\s]+)\]:[ \t]*(.*(?:\n(?: {2,}|\t).*)*)/gm;
const REFERENCE = /\[\^([^\]\s]+)\]/g;

export interface MarkedNotes {
  text: string;
  /** The note's text by its number. */
  notes: Map<number, string>;
}

export function takeMarkdownNotes(markdown: string): MarkedNotes {
  const definitions = new Map<string, string>();
  const text = markdown.replace(DEFINITION, (_all, label: string, body: string) => {
    definitions.set(label, body.replace(/\s*\n\s*/g, ' ').trim());
    return '';
  });
  const numbers = new Map<string, number>();
  const notes = new Map<number, string>();
  const marked = text.replace(REFERENCE, (all, label: string) => {
    const note = definitions.get(label);
    // A reference to no note is left as written.
    if (note === undefined) return all;
    let number = numbers.get(label);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(label, number);
      notes.set(number, note);
    }
    return `${OPEN}${number}${CLOSE}`;
  });
  return { text: marked, notes };
}

/** Turns the markers back into "[n]" and puts each section's notes at its end. */
export function placeMarkdownNotes(content: JSONNode[], notes: ReadonlyMap<number, string>): JSONNode[] {
  if (notes.size === 0) return content;
  const out: JSONNode[] = [];
  let cited: number[] = [];
  const flush = () => {
    for (const n of cited) out.push({ type: 'paragraph', content: [{ type: 'text', text: `[${n}] ${notes.get(n) ?? ''}` }] });
    cited = [];
  };
  const rewrite = (node: JSONNode): JSONNode => {
    if (node.text !== undefined) {
      const text = node.text.replace(MARKER, (_all, n: string) => {
        if (!cited.includes(Number(n))) cited.push(Number(n));
        return `[${n}]`;
      });
      return { ...node, text };
    }
    return node.content ? { ...node, content: node.content.map(rewrite) } : node;
  };
  for (const node of content) {
    if (node.type === 'heading') flush();
    out.push(rewrite(node));
  }
  flush();
  return out;
}
