/** Markdown footnotes become numbered endnotes at the end of the section that cites them. */
import { describe, expect, it } from 'vitest';
import { importMarkdown, type JSONNode } from '../../server/documents/markdown.ts';
import { placeMarkdownNotes, takeMarkdownNotes } from '../../server/documents/import/markdownNotes.ts';

const textOf = (node: JSONNode): string => node.text ?? (node.content ?? []).map(textOf).join('');

function convert(markdown: string): string[] {
  const notes = takeMarkdownNotes(markdown);
  const draft = importMarkdown(notes.text, 'Draft', { titleFromFirstHeading: false, levelOf: (depth) => (depth <= 3 ? depth : null) });
  return placeMarkdownNotes(draft.doc.content ?? [], notes.notes).map((node) => `${node.type}: ${textOf(node)}`);
}

describe('Markdown footnotes', () => {
  it('numbers notes in citing order and puts them at the end of their section', () => {
    const markdown = [
      '# Scope',
      '',
      'Harm reduction saves lives[^who] and money[^cost].',
      '',
      'A second paragraph[^who].',
      '',
      '# Principles',
      '',
      'Trust comes first[^trust].',
      '',
      '[^cost]: Estimates from 2019,',
      '    revised in 2021.',
      '[^who]: WHO guidance.',
      '[^trust]: As agreed in 2016.',
      '[^unused]: Never cited.',
    ].join('\n');
    expect(convert(markdown)).toEqual([
      'heading: Scope',
      'paragraph: Harm reduction saves lives[1] and money[2].',
      'paragraph: A second paragraph[1].',
      'paragraph: [1] WHO guidance.',
      'paragraph: [2] Estimates from 2019, revised in 2021.',
      'heading: Principles',
      'paragraph: Trust comes first[3].',
      'paragraph: [3] As agreed in 2016.',
    ]);
  });

  it('leaves a reference to no note as written, and a draft without notes untouched', () => {
    expect(convert('# A\n\nSee [^missing] here.')).toEqual(['heading: A', 'paragraph: See [^missing] here.']);
    expect(convert('# A\n\nPlain [link](https://example.org).')).toEqual(['heading: A', 'paragraph: Plain link.']);
  });
});
