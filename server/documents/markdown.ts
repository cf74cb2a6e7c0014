/**
 * Turns a seed draft in Markdown into the editor's ProseMirror JSON. The first `#` heading is the
 * document's title; `##` headings become sections (heading level 1), `###` subsections (level 2), and
 * so on, each with a fresh stable id. Anything the schema has no node for (HTML, tables, images) is
 * kept as plain text rather than dropped, so no word of a draft is lost.
 */
import { randomUUID } from 'node:crypto';
import { marked, type Token, type Tokens } from 'marked';
import { HEADING_LEVELS } from '../../shared/limits.ts';

export interface JSONMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface JSONNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JSONNode[];
  text?: string;
  marks?: JSONMark[];
}

export interface ImportedDraft {
  title: string;
  doc: JSONNode;
}

const MAX_LEVEL = HEADING_LEVELS[HEADING_LEVELS.length - 1] ?? 3;

function inline(tokens: Token[] | undefined, marks: JSONMark[] = []): JSONNode[] {
  const out: JSONNode[] = [];
  const text = (value: string, extra: JSONMark[] = marks) => {
    if (value) out.push(extra.length ? { type: 'text', text: value, marks: extra } : { type: 'text', text: value });
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, [...marks, { type: 'bold' }]));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, [...marks, { type: 'italic' }]));
        break;
      case 'del':
        out.push(...inline((token as Tokens.Del).tokens, [...marks, { type: 'strike' }]));
        break;
      case 'codespan':
        text((token as Tokens.Codespan).text, [...marks, { type: 'code' }]);
        break;
      case 'link': {
        const link = token as Tokens.Link;
        out.push(...inline(link.tokens, [...marks, { type: 'link', attrs: { href: link.href } }]));
        break;
      }
      case 'br':
        out.push({ type: 'hardBreak' });
        break;
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens?.length) out.push(...inline(t.tokens, marks));
        else text(t.text);
        break;
      }
      default:
        text('text' in token && typeof token.text === 'string' ? token.text : token.raw);
    }
  }
  return out;
}

function paragraph(tokens: Token[] | undefined): JSONNode {
  const content = inline(tokens);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export interface MarkdownOptions {
  /**
   * The editor's heading level for a Markdown heading depth, or null to keep it as a bold paragraph.
   * The seed drafts shift every level up by one, their single `#` being the title.
   */
  levelOf: (depth: number) => number | null;
  /** Whether the first `#` heading is the document's title rather than a section. */
  titleFromFirstHeading: boolean;
}

const SEED_OPTIONS: MarkdownOptions = {
  levelOf: (depth) => Math.min(MAX_LEVEL, Math.max(1, depth - 1)),
  titleFromFirstHeading: true,
};

interface State {
  title: string | null;
  options: MarkdownOptions;
}

function blocks(tokens: Token[], state: State): JSONNode[] {
  const out: JSONNode[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        if (heading.depth === 1 && state.title === null && state.options.titleFromFirstHeading) {
          state.title = heading.text.trim();
          break;
        }
        const level = state.options.levelOf(heading.depth);
        if (level === null) {
          out.push({ type: 'paragraph', content: inline(heading.tokens, [{ type: 'bold' }]) });
          break;
        }
        out.push({ type: 'heading', attrs: { id: randomUUID(), level }, content: inline(heading.tokens) });
        break;
      }
      case 'paragraph':
        out.push(paragraph((token as Tokens.Paragraph).tokens));
        break;
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item) => {
          const content = blocks(item.tokens, state);
          return { type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] };
        });
        const start = typeof list.start === 'number' ? list.start : 1;
        out.push(list.ordered ? { type: 'orderedList', attrs: { start }, content: items } : { type: 'bulletList', content: items });
        break;
      }
      case 'blockquote': {
        const content = blocks((token as Tokens.Blockquote).tokens, state);
        out.push({ type: 'blockquote', content: content.length ? content : [{ type: 'paragraph' }] });
        break;
      }
      case 'hr':
        out.push({ type: 'horizontalRule' });
        break;
      case 'table': {
        // A pipe table: its header row as header cells, each cell one paragraph.
        const table = token as Tokens.Table;
        const cell = (type: string, c: Tokens.TableCell) => ({ type, content: [paragraph(c.tokens)] });
        const rows = [table.header.map((c) => cell('tableHeader', c)), ...table.rows.map((row) => row.map((c) => cell('tableCell', c)))];
        out.push({ type: 'table', content: rows.map((content) => ({ type: 'tableRow', content })) });
        break;
      }
      case 'text': {
        // Loose text inside list items.
        const t = token as Tokens.Text;
        out.push(t.tokens?.length ? paragraph(t.tokens) : paragraph([{ type: 'text', raw: t.text, text: t.text } as Token]));
        break;
      }
      case 'space':
        break;
      default:
        if (token.raw.trim()) out.push({ type: 'paragraph', content: [{ type: 'text', text: token.raw.trim() }] });
    }
  }
  return out;
}

export function importMarkdown(markdown: string, fallbackTitle: string, options: MarkdownOptions = SEED_OPTIONS): ImportedDraft {
  const state: State = { title: null, options };
  const content = blocks(marked.lexer(markdown), state);
  return {
    title: state.title || fallbackTitle,
    doc: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] },
  };
}
