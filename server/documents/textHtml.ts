/**
 * The text as it stands, as HTML, for the document page's first paint (server/http/documentBoot.ts):
 * the same elements the client's snapshot view draws (client/editor/TextSnapshotView.tsx), so the
 * page's `document-text` styles lay it out as the editor will. Every word and attribute is escaped;
 * only the schema's nodes and marks (shared/schema.ts) are known, and anything else shows its words
 * without formatting; a link is kept only to an address a reader may safely follow. Text nodes that
 * name threads (textSnapshot's highlighted form) get the editor's highlight marks around their words.
 */
import { escapeHtml } from '../html.ts';
import type { HighlightedNode } from './textSnapshot.ts';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  listItem: 'li',
  tableRow: 'tr',
};

const EMPTY: Record<string, string> = { horizontalRule: 'hr', hardBreak: 'br' };

const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u', code: 'code' };

const SAFE_HREF = /^(https?:|mailto:)/i;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

export function textHtml(nodes: HighlightedNode[] | undefined): string {
  return (nodes ?? []).map(render).join('');
}

function marked(node: HighlightedNode): string {
  let out = escapeHtml(node.text ?? '');
  // Comments' highlights innermost, one element a thread as the editor's decorations, but with no
  // more than the thread's id and whether it is answered (text-marks.css): a text with a thousand
  // comments has three thousand of them, every byte parsed before the page's first paint.
  for (const thread of node.threads ?? []) {
    out = `<mark data-thread-id="${escapeHtml(thread.id)}"${thread.state === 'open' ? '' : ' data-answered'}>${out}</mark>`;
  }
  for (const mark of node.marks ?? []) {
    const tag = MARKS[mark.type];
    if (tag) out = `<${tag}>${out}</${tag}>`;
    else if (mark.type === 'link') {
      const href = text(mark.attrs?.href);
      if (href && SAFE_HREF.test(href)) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${out}</a>`;
    }
  }
  return out;
}

function render(node: HighlightedNode): string {
  const attrs = node.attrs ?? {};
  const inner = () => textHtml(node.content);
  switch (node.type) {
    case 'text':
      return marked(node);
    case 'heading': {
      const level = Math.min(6, Math.max(1, count(attrs.level) ?? 1));
      const id = text(attrs.id);
      return `<h${level}${id === undefined ? '' : ` data-id="${escapeHtml(id)}"`}>${inner()}</h${level}>`;
    }
    case 'orderedList': {
      const start = count(attrs.start);
      return `<ol${start === undefined ? '' : ` start="${start}"`}>${inner()}</ol>`;
    }
    case 'table':
      return `<div class="tableWrapper"><table><tbody>${inner()}</tbody></table></div>`;
    case 'tableCell':
    case 'tableHeader': {
      const cell = node.type === 'tableHeader' ? 'th' : 'td';
      const colspan = count(attrs.colspan);
      const rowspan = count(attrs.rowspan);
      return `<${cell}${colspan === undefined ? '' : ` colspan="${colspan}"`}${rowspan === undefined ? '' : ` rowspan="${rowspan}"`}>${inner()}</${cell}>`;
    }
    default: {
      const empty = EMPTY[node.type];
      if (empty) return `<${empty}>`;
      const tag = BLOCKS[node.type] ?? 'div';
      return `<${tag}>${inner()}</${tag}>`;
    }
  }
}
