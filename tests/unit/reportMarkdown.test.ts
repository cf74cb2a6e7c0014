/** Markdown escaping: whatever a person types shows as that text, never as structure. */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { block, cellText, inline } from '../../server/report/markdown.ts';

const decode = (html: string) =>
  html.replace(/<br>/g, '\n').replace(/<\/?p>/g, '').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&').trim();

const INJECTIONS = [
  '# heading',
  '## heading',
  '- item',
  '+ item',
  '* item',
  '1. first',
  '12) twelfth',
  '> quote',
  '    indented code',
  '```js',
  '---',
  '===',
  '[link](http://example.org)',
  '![image](x.png)',
  '<script>alert(1)</script>',
  '<b>bold</b> &amp; &copy;',
  '**bold** _em_ ~~strike~~ `code`',
  'http://example.org and www.example.org and someone@example.org',
  '| a | b |',
  'back\\slash\\',
  'Zoé, ñ, ü, مرحبا, 😀',
];

describe('Markdown escaping', () => {
  it.each(INJECTIONS)('shows %j as plain text', async (text) => {
    const html = await marked.parse(block(text));
    expect(html).toMatch(/^<p>/);
    expect(html).not.toMatch(/<(?!\/?p>|br>)/);
    expect(decode(html)).toBe(text.trimStart());
  });

  it('keeps line breaks and paragraphs of a multi-line comment', async () => {
    const html = await marked.parse(block('first line\nsecond line\n\n# third paragraph'));
    expect(html).toBe('<p>first line<br>second line</p>\n<p># third paragraph</p>\n');
  });

  it('keeps a quote inside its blockquote, whatever it contains', async () => {
    const html = await marked.parse(block('one\n\n# two\n> three', '> '));
    expect(html).toBe('<blockquote>\n<p>one</p>\n<p># two<br>&gt; three</p>\n</blockquote>\n');
  });

  it('keeps table cells and headings to one line', async () => {
    expect(cellText('a | b\nc')).toBe('a \\| b c');
    expect(await marked.parse(`## ${cellText('1.2 [x](y)')}`)).toBe('<h2>1.2 [x](y)</h2>\n');
    expect(await marked.parse(`- ${inline('1. not a nested list')}`)).toBe('<ul>\n<li>1. not a nested list</li>\n</ul>\n');
  });
});
