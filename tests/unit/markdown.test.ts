import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { importMarkdown, type JSONNode } from '../../server/documents/markdown.ts';
import { draftState, schema } from '../../server/documents/draftState.ts';
import { seedIdOf } from '../../server/documents/seed.ts';
import { readSections, plainText, TEXT_FIELD } from '../../server/documents/text.ts';
import { ROOT } from '../helpers/testServer.ts';

const texts = (node: JSONNode): string => (node.text ?? '') + (node.content ?? []).map(texts).join('');
const find = (node: JSONNode, type: string): JSONNode[] =>
  (node.type === type ? [node] : []).concat(...(node.content ?? []).map((c) => find(c, type)));

describe('importMarkdown', () => {
  const sample = [
    '# The title',
    '',
    'Intro with **bold**, *italic* and `code`, plus a [link](https://example.org).',
    '',
    '## First section',
    '',
    'Text of the first section.',
    '',
    '### A subsection',
    '',
    '- one',
    '- two *emphasised*',
    '',
    '1. first',
    '2. second',
    '',
    '> A quoted line',
    '',
    '## Second section',
    '',
    'Café, naïve, «quotes» and <b>tags</b> stay text.',
  ].join('\n');

  it('takes the first # heading as the title and shifts the other headings up one level', () => {
    const { title, doc } = importMarkdown(sample, 'fallback');
    expect(title).toBe('The title');
    const headings = find(doc, 'heading');
    expect(headings.map((h) => [h.attrs?.level, texts(h)])).toEqual([
      [1, 'First section'],
      [2, 'A subsection'],
      [1, 'Second section'],
    ]);
  });

  it('gives every heading a distinct id', () => {
    const ids = find(importMarkdown(sample, 'x').doc, 'heading').map((h) => h.attrs?.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps marks, lists and quotes in the schema of the editor', () => {
    const { doc } = importMarkdown(sample, 'x');
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
    expect(find(doc, 'bulletList')).toHaveLength(1);
    expect(find(doc, 'orderedList')).toHaveLength(1);
    expect(find(doc, 'blockquote')).toHaveLength(1);
    const marks = find(doc, 'text').flatMap((t) => t.marks?.map((m) => m.type) ?? []);
    expect(marks).toEqual(expect.arrayContaining(['bold', 'italic', 'code', 'link']));
  });

  it('keeps HTML and accents as plain text, losing no word', () => {
    const all = texts(importMarkdown(sample, 'x').doc);
    expect(all).toContain('Café, naïve, «quotes» and <b>tags</b> stay text.');
  });

  it('falls back to the given title when the draft has none', () => {
    expect(importMarkdown('Just a paragraph.', 'fallback-title').title).toBe('fallback-title');
  });
});

describe('the seed drafts', () => {
  const dir = path.join(ROOT, 'docs-seed');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));

  it('are two Markdown drafts with slug ids', () => {
    expect(files.map(seedIdOf).toSorted()).toEqual(['cooperation-with-civil-society', 'reducing-drug-related-stigma']);
  });

  it.each(files)('%s has a title, at least 8 numbered top-level sections with subsections, and 2,000 words', (file) => {
    const markdown = readFileSync(path.join(dir, file), 'utf8');
    const { title, doc } = importMarkdown(markdown, file);
    expect(title.length).toBeGreaterThan(10);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, draftState(doc));
    const sections = readSections(ydoc);
    expect(sections.filter((s) => s.level === 1).length).toBeGreaterThanOrEqual(8);
    expect(sections.filter((s) => s.level === 2).length).toBeGreaterThanOrEqual(8);
    const words = plainText(ydoc.getXmlFragment(TEXT_FIELD)).split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(2000);
  });
});

describe('Markdown tables', () => {
  it('become tables in the editor, the header row as header cells', () => {
    const { doc } = importMarkdown('# T\n\n| Module | Month |\n| --- | --- |\n| I | **July** |\n', 'Draft');
    const table = doc.content?.find((node) => node.type === 'table');
    expect(table).toEqual({
      type: 'table',
      content: [
        { type: 'tableRow', content: [
          { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Module' }] }] },
          { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Month' }] }] },
        ] },
        { type: 'tableRow', content: [
          { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'I' }] }] },
          { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'July', marks: [{ type: 'bold' }] }] }] },
        ] },
      ],
    });
    // The schema takes it: the document can be stored and opened.
    expect(draftState(doc).byteLength).toBeGreaterThan(0);
  });
});
