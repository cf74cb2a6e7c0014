/**
 * mammoth's HTML to the editor's ProseMirror JSON, the same intermediate the seed Markdown becomes
 * (markdown.ts), so both end in one Y.XmlFragment path. Headings 1–3 become sections with fresh
 * stable ids; lists, bold, italics, underline, strike, links and block quotes become the editor's
 * nodes and marks, and tables become the editor's tables (cells keep their paragraphs, spans kept).
 * Footnotes and endnotes become numbered paragraphs at the end of the section
 * that cites them. Every word arrives as text: nothing in the file is ever interpreted as markup.
 */
import { randomUUID } from 'node:crypto';
import type { JSONMark, JSONNode } from '../markdown.ts';
import { parseHtml, textOf, type HtmlElement, type HtmlNode } from './html.ts';
import { TITLE_CLASS } from './wordToHtml.ts';

export interface HtmlDraft {
  title: string | null;
  doc: JSONNode;
  tables: number;
  /** Headings below level 3, kept as bold paragraphs. */
  deepHeadings: number;
}

const NOTE_ID = /^(footnote|endnote)-(\d+)$/;
const NOTE_REF = /^#((?:footnote|endnote)-\d+)$/;
const SAFE_LINK = /^(https?:|mailto:)/i;
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'hr', 'div']);

interface State {
  title: string | null;
  notes: Map<string, JSONNode[]>;
  /** Notes cited in the current section, in order of first citation. */
  cited: string[];
  tables: number;
  deepHeadings: number;
}

const isElement = (node: HtmlNode): node is HtmlElement => typeof node !== 'string';

function inline(nodes: HtmlNode[], marks: JSONMark[], state: State): JSONNode[] {
  const out: JSONNode[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      if (node) out.push(marks.length ? { type: 'text', text: node, marks } : { type: 'text', text: node });
      continue;
    }
    const inner = (mark?: JSONMark) => inline(node.children, mark ? [...marks, mark] : marks, state);
    switch (node.tag) {
      case 'strong':
      case 'b':
        out.push(...inner({ type: 'bold' }));
        break;
      case 'em':
      case 'i':
        out.push(...inner({ type: 'italic' }));
        break;
      case 'u':
        out.push(...inner({ type: 'underline' }));
        break;
      case 's':
      case 'del':
        out.push(...inner({ type: 'strike' }));
        break;
      case 'br':
        out.push({ type: 'hardBreak' });
        break;
      case 'img':
        break;
      case 'a': {
        const href = node.attrs.href ?? '';
        const note = NOTE_REF.exec(href)?.[1];
        if (note) {
          if (!state.cited.includes(note)) state.cited.push(note);
          out.push(...inner());
        } else if (SAFE_LINK.test(href)) out.push(...inner({ type: 'link', attrs: { href } }));
        else out.push(...inner());
        break;
      }
      default:
        out.push(...inner());
    }
  }
  return out;
}

const paragraph = (content: JSONNode[]): JSONNode => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const hasText = (content: JSONNode[]) => content.some((n) => (n.text ?? '').trim() !== '');

/** Block children of an element, with loose inline runs gathered into paragraphs. */
function blocks(nodes: HtmlNode[], state: State, out: JSONNode[] = []): JSONNode[] {
  let run: HtmlNode[] = [];
  const flush = () => {
    const content = inline(run, [], state);
    if (hasText(content)) out.push(paragraph(content));
    run = [];
  };
  for (const node of nodes) {
    if (!isElement(node) || !BLOCK_TAGS.has(node.tag)) {
      run.push(node);
      continue;
    }
    flush();
    block(node, state, out);
  }
  flush();
  return out;
}

function flushNotes(state: State, out: JSONNode[]): void {
  for (const id of state.cited) {
    const content = state.notes.get(id);
    const number = NOTE_ID.exec(id)?.[2] ?? '';
    if (content) out.push(paragraph([{ type: 'text', text: `[${number}] ` }, ...content]));
  }
  state.cited = [];
}

function listItems(list: HtmlElement, state: State): JSONNode[] {
  return list.children.filter(isElement).map((li) => {
    const content = blocks(li.children, state);
    if (content[0]?.type !== 'paragraph') content.unshift({ type: 'paragraph' });
    return { type: 'listItem', content };
  });
}

function block(node: HtmlElement, state: State, out: JSONNode[]): void {
  switch (node.tag) {
    case 'h1':
    case 'h2':
    case 'h3': {
      if (!textOf(node).trim()) return;
      if (node.attrs.class === TITLE_CLASS) {
        if (state.title === null) state.title = textOf(node).trim();
        else out.push(paragraph(inline(node.children, [{ type: 'bold' }], state)));
        return;
      }
      // The notes cited so far belong to the section this heading closes.
      flushNotes(state, out);
      const content = inline(node.children, [], state);
      out.push({ type: 'heading', attrs: { id: randomUUID(), level: Number(node.tag[1]) }, content });
      return;
    }
    case 'h4':
    case 'h5':
    case 'h6':
      state.deepHeadings++;
      out.push(paragraph(inline(node.children, [{ type: 'bold' }], state)));
      return;
    case 'p': {
      const content = inline(node.children, [], state);
      if (hasText(content)) out.push(paragraph(content));
      return;
    }
    case 'ul':
    case 'ol': {
      const items = listItems(node, state);
      if (items.length === 0) return;
      out.push(node.tag === 'ol' ? { type: 'orderedList', attrs: { start: 1 }, content: items } : { type: 'bulletList', content: items });
      return;
    }
    case 'blockquote': {
      const content = blocks(node.children, state);
      if (content.length) out.push({ type: 'blockquote', content });
      return;
    }
    case 'table': {
      state.tables++;
      const rows = rowsOf(node).flatMap((row): JSONNode[] => {
        const cells = row.children.filter(isElement).map((cell): JSONNode => {
          const content = blocks(cell.children, state);
          const attrs: Record<string, number> = {};
          const colspan = Number(cell.attrs.colspan ?? 1);
          const rowspan = Number(cell.attrs.rowspan ?? 1);
          if (colspan > 1) attrs.colspan = colspan;
          if (rowspan > 1) attrs.rowspan = rowspan;
          return { type: cell.tag === 'th' ? 'tableHeader' : 'tableCell', ...(Object.keys(attrs).length ? { attrs } : {}), content: content.length ? content : [{ type: 'paragraph' }] };
        });
        return cells.length ? [{ type: 'tableRow', content: cells }] : [];
      });
      if (rows.length) out.push({ type: 'table', content: rows });
      return;
    }
    case 'hr':
      out.push({ type: 'horizontalRule' });
      return;
    default:
      blocks(node.children, state, out);
  }
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  return table.children.filter(isElement).flatMap((child) => (child.tag === 'tr' ? [child] : rowsOf(child)));
}

/** A cell's paragraphs joined with spaces, so a row stays one line. */
function flattenBlocks(nodes: HtmlNode[]): HtmlNode[] {
  return nodes.flatMap((node, i) => (isElement(node) && BLOCK_TAGS.has(node.tag) ? [...(i > 0 ? [' '] : []), ...flattenBlocks(node.children)] : [node]));
}

/** Takes the footnote and endnote lists mammoth appends out of the tree, keyed by note id. */
function takeNotes(root: HtmlElement, state: State): void {
  root.children = root.children.filter((child) => {
    if (!isElement(child) || child.tag !== 'ol') return true;
    const items = child.children.filter(isElement);
    if (items.length === 0 || !items.every((li) => NOTE_ID.test(li.attrs.id ?? ''))) return true;
    for (const li of items) {
      const content = inline(flattenBlocks(withoutBackLinks(li.children)), [], state);
      state.notes.set(li.attrs.id!, trimEnd(content));
    }
    return false;
  });
}

function withoutBackLinks(nodes: HtmlNode[]): HtmlNode[] {
  return nodes
    .filter((n) => !(isElement(n) && n.tag === 'a' && /^#(footnote|endnote)-ref-/.test(n.attrs.href ?? '')))
    .map((n) => (isElement(n) ? { ...n, children: withoutBackLinks(n.children) } : n));
}

function trimEnd(content: JSONNode[]): JSONNode[] {
  const last = content[content.length - 1];
  if (last?.text !== undefined) {
    const text = last.text.trimEnd();
    return text ? [...content.slice(0, -1), { ...last, text }] : content.slice(0, -1);
  }
  return content;
}

export function htmlToDraft(html: string): HtmlDraft {
  const root = parseHtml(html);
  const state: State = { title: null, notes: new Map(), cited: [], tables: 0, deepHeadings: 0 };
  takeNotes(root, state);
  const content = blocks(root.children, state);
  flushNotes(state, content);
  return { title: state.title, doc: { type: 'doc', content }, tables: state.tables, deepHeadings: state.deepHeadings };
}
