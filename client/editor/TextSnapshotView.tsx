/**
 * The text as it stood when the page asked (GET /api/documents/:id/text), drawn as the editor draws
 * it (the same elements and the `document-text` styles), while the live editor and its socket are
 * still on their way: on a slow phone, or where a network lets HTTP through before the socket, people
 * read at once instead of watching a spinner. Read-only and marked busy; EditorArea puts the live
 * editor in its place as soon as that has the text. Only the schema's nodes and marks
 * (shared/schema.ts) are known; anything else shows its words without formatting.
 */
import { Fragment, type ReactNode } from 'react';
import type { TextSnapshotNode } from '../../shared/api.ts';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  listItem: 'li',
  tableRow: 'tr',
  horizontalRule: 'hr',
  hardBreak: 'br',
};

const MARKS: Record<string, string> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u', code: 'code' };

/** Only addresses a reader may safely follow; anything else (javascript:, data:) is not a link. */
const SAFE_HREF = /^(https?:|mailto:)/i;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined);

function marked(node: TextSnapshotNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    const tag = MARKS[mark.type];
    if (tag) out = <Tag tag={tag}>{out}</Tag>;
    else if (mark.type === 'link') {
      const href = text(mark.attrs?.href);
      out = href && SAFE_HREF.test(href) ? <a href={href} rel="noopener noreferrer nofollow">{out}</a> : out;
    }
  }
  return <Fragment key={key}>{out}</Fragment>;
}

function Tag({ tag: Element, children, ...rest }: { tag: string; children?: ReactNode } & Record<string, unknown>) {
  const Name = Element as 'div';
  return <Name {...rest}>{children}</Name>;
}

function nodes(list: TextSnapshotNode[] | undefined): ReactNode[] {
  return (list ?? []).map((node, i) => render(node, i));
}

function render(node: TextSnapshotNode, key: number): ReactNode {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text':
      return marked(node, key);
    case 'heading': {
      const level = Math.min(6, Math.max(1, count(attrs.level) ?? 1));
      return (
        <Tag key={key} tag={`h${level}`} data-id={text(attrs.id)}>
          {nodes(node.content)}
        </Tag>
      );
    }
    case 'orderedList':
      return (
        <ol key={key} start={count(attrs.start)}>
          {nodes(node.content)}
        </ol>
      );
    case 'table':
      return (
        <div key={key} className="tableWrapper">
          <table>
            <tbody>{nodes(node.content)}</tbody>
          </table>
        </div>
      );
    case 'tableCell':
    case 'tableHeader': {
      const Cell = node.type === 'tableHeader' ? 'th' : 'td';
      return (
        <Cell key={key} colSpan={count(attrs.colspan)} rowSpan={count(attrs.rowspan)}>
          {nodes(node.content)}
        </Cell>
      );
    }
    default: {
      const tag = BLOCKS[node.type];
      if (tag === 'hr' || tag === 'br') return <Tag key={key} tag={tag} />;
      return (
        <Tag key={key} tag={tag ?? 'div'}>
          {nodes(node.content)}
        </Tag>
      );
    }
  }
}

export function TextSnapshotView({ content, label, lang }: { content: TextSnapshotNode[]; label: string; lang: string }) {
  return (
    <div className="document-text document-text--snapshot" data-testid="text-snapshot" role="document" aria-label={label} aria-busy="true" lang={lang}>
      {nodes(content)}
    </div>
  );
}
