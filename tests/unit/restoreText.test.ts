import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreBlocks } from '../../server/versions/restoreText.ts';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}
function heading(id: string, text: string): Y.XmlElement {
  const h = new Y.XmlElement('heading');
  h.setAttribute('id', id);
  h.setAttribute('level', '2');
  h.insert(0, [new Y.XmlText(text)]);
  return h;
}
function fragmentOf(doc: Y.Doc, blocks: Y.XmlElement[]): Y.XmlFragment {
  const fragment = doc.getXmlFragment('default');
  fragment.insert(0, blocks);
  return fragment;
}

describe('restoring a version block by block', () => {
  it('ends with exactly the version, keeping the very blocks that did not change', () => {
    const live = new Y.Doc();
    const current = fragmentOf(live, [heading('h1', 'Scope'), paragraph('Kept as it is.'), paragraph('Changed since the version.'), paragraph('Added since.')]);
    const old = new Y.Doc();
    const target = fragmentOf(old, [heading('h1', 'Scope'), paragraph('Kept as it is.'), paragraph('As the version had it.'), paragraph('Only in the version.')]);
    const keptHeading = current.get(0);
    const keptParagraph = current.get(1);

    live.transact(() => restoreBlocks(current, target));

    expect(current.toString()).toBe(target.toString());
    expect(current.get(0)).toBe(keptHeading);
    expect(current.get(1)).toBe(keptParagraph);
  });

  it('treats a change of formatting or of a heading attribute as a change', () => {
    const live = new Y.Doc();
    const bold = new Y.XmlText('Bold now.');
    bold.format(0, 4, { bold: true });
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [bold]);
    const current = fragmentOf(live, [heading('h1', 'Scope'), p]);
    const old = new Y.Doc();
    const target = fragmentOf(old, [heading('h2', 'Scope'), paragraph('Bold now.')]);
    live.transact(() => restoreBlocks(current, target));
    expect(current.toString()).toBe(target.toString());
  });

  it('empties the text when the version was empty, and fills an empty text', () => {
    const live = new Y.Doc();
    const current = fragmentOf(live, [paragraph('Something.')]);
    const empty = new Y.Doc().getXmlFragment('default');
    live.transact(() => restoreBlocks(current, empty));
    expect(current.length).toBe(0);
    const old = new Y.Doc();
    const target = fragmentOf(old, [paragraph('Back again.')]);
    live.transact(() => restoreBlocks(current, target));
    expect(current.toString()).toBe(target.toString());
  });
});
