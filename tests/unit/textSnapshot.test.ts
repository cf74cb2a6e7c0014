/**
 * The text snapshot (GET /api/documents/:id/text) reads a Yjs text the way the editor's binding
 * writes it: a text stored from the editor's JSON comes back as the same tree of nodes and marks.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { draftState } from '../../server/documents/draftState.ts';
import { textSnapshot } from '../../server/documents/textSnapshot.ts';

const stored = (content: unknown[]) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, draftState({ type: 'doc', content } as Parameters<typeof draftState>[0]));
  return doc;
};

describe('textSnapshot', () => {
  it('gives headings with their level and id, paragraphs with their marks, lists and tables', () => {
    const doc = stored([
      { type: 'heading', attrs: { level: 2, id: 'h-1' }, content: [{ type: 'text', text: 'Purpose' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Civil society ' },
          { type: 'text', text: 'must', marks: [{ type: 'bold' }, { type: 'italic' }] },
          { type: 'text', text: ' be heard: ' },
          { type: 'text', text: 'see here', marks: [{ type: 'link', attrs: { href: 'https://www.coe.int/' } }] },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] },
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Both' }] }] }] }],
      },
    ]);
    const [heading, paragraph, list, table] = textSnapshot(doc);
    expect(heading).toEqual({ type: 'heading', attrs: expect.objectContaining({ level: 2, id: 'h-1' }), content: [{ type: 'text', text: 'Purpose' }] });
    expect(paragraph!.content).toEqual([
      { type: 'text', text: 'Civil society ' },
      { type: 'text', text: 'must', marks: expect.arrayContaining([{ type: 'bold' }, { type: 'italic' }]) },
      { type: 'text', text: ' be heard: ' },
      { type: 'text', text: 'see here', marks: [{ type: 'link', attrs: expect.objectContaining({ href: 'https://www.coe.int/' }) }] },
    ]);
    expect(list).toMatchObject({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] }] });
    expect(table).toMatchObject({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [{ type: 'paragraph' }] }] }] });
  });

  it('gives an empty paragraph no words, and an empty text no nodes', () => {
    expect(textSnapshot(stored([{ type: 'paragraph' }]))).toEqual([{ type: 'paragraph', content: [] }]);
    expect(textSnapshot(new Y.Doc())).toEqual([]);
  });
});
