/**
 * The words the server puts in a document's page (server/documents/textHtml.ts) are drawn as the
 * page's own snapshot view draws them (client/editor/TextSnapshotView.tsx, rendered here by React),
 * so the page's styles lay both out alike; and nothing a text holds can become markup.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TextSnapshotNode } from '../../shared/api.ts';
import { textHtml } from '../../server/documents/textHtml.ts';
import { TextSnapshotView } from '../../client/editor/TextSnapshotView.tsx';

const text = (words: string, marks?: TextSnapshotNode['marks']): TextSnapshotNode => ({ type: 'text', text: words, ...(marks ? { marks } : {}) });

const EVERY_KIND: TextSnapshotNode[] = [
  { type: 'heading', attrs: { level: 2, id: 's-1' }, content: [text('1. Purpose')] },
  { type: 'paragraph', content: [text('Plain, '), text('bold', [{ type: 'bold' }]), text(' and '), text('both', [{ type: 'italic' }, { type: 'underline' }])] },
  { type: 'paragraph', content: [text('a link', [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b="2"' } }]), text(' and '), text('a trap', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] },
  { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] }] },
  { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('three')] }] }] },
  { type: 'blockquote', content: [{ type: 'paragraph', content: [text('quoted'), { type: 'hardBreak' }, text('line')] }] },
  { type: 'horizontalRule' },
  {
    type: 'table',
    content: [
      { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [text('head')] }] }] },
      { type: 'tableRow', content: [{ type: 'tableCell', attrs: { rowspan: 1 }, content: [{ type: 'paragraph', content: [text('cell')] }] }] },
    ],
  },
  { type: 'somethingNew', content: [text('unknown kinds keep their words')] },
  { type: 'paragraph', content: [text(`<script>alert('x')</script> & "quotes" $& $'`, [{ type: 'code' }, { type: 'strike' }])] },
];

/** React writes empty elements as `<hr/>`, an apostrophe as `&#x27;` and `colSpan` in camel case: the same HTML. */
const normalised = (html: string) =>
  html
    .replace(/<(hr|br)\/>/g, '<$1>')
    .replace(/&#x27;/g, '&#39;')
    .replace(/ (colSpan|rowSpan)=/g, (_, name: string) => ` ${name.toLowerCase()}=`);

describe('the words in the page', () => {
  it('are drawn as the snapshot view draws them', () => {
    const view = renderToStaticMarkup(createElement(TextSnapshotView, { content: EVERY_KIND, label: 'Text', lang: 'en' }));
    const inner = view.slice(view.indexOf('>') + 1, view.lastIndexOf('</div>'));
    expect(textHtml(EVERY_KIND)).toBe(normalised(inner));
  });

  it('never let a text become markup', () => {
    const html = textHtml(EVERY_KIND);
    expect(html).not.toMatch(/<script|javascript:/);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; $&amp; $&#39;');
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow">a link</a>');
    expect(textHtml([{ type: 'heading', attrs: { level: 9, id: '"><img src=x onerror=alert(1)>' }, content: [] }])).toBe('<h6 data-id="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"></h6>');
  });
});
