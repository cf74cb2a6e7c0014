/**
 * The comments' highlights in the words sent with a document's page (server/documents/threadSpans.ts,
 * textSnapshot's highlighted form, textHtml): each thread's words wrapped in the editor's <mark>,
 * cut at block boundaries, nested where threads overlap, and left out where the editor would not
 * draw one.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../shared/api.ts';
import { anchorInText, indexText } from '../../server/documents/anchors.ts';
import { TEXT_FIELD } from '../../server/documents/text.ts';
import { textHtml } from '../../server/documents/textHtml.ts';
import { textSnapshot } from '../../server/documents/textSnapshot.ts';
import { threadSpans, type HighlightedThread } from '../../server/documents/threadSpans.ts';

/** Two paragraphs as the editor's Yjs binding stores them; "gamma" bold. */
function twoParagraphs(): { doc: Y.Doc; first: Y.XmlText; second: Y.XmlText } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(TEXT_FIELD);
  const p1 = new Y.XmlElement('paragraph');
  const p2 = new Y.XmlElement('paragraph');
  fragment.insert(0, [p1, p2]);
  const first = new Y.XmlText();
  const second = new Y.XmlText();
  p1.insert(0, [first]);
  p2.insert(0, [second]);
  first.insert(0, 'Alpha beta ');
  first.insert(11, 'gamma', { bold: {} });
  second.insert(0, 'Delta epsilon');
  return { doc, first, second };
}

const position = (text: Y.XmlText, index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1))).toString('base64');
const across = (from: Y.XmlText, at: number, to: Y.XmlText, end: number): Anchor => ({ start: position(from, at), end: position(to, end) });
const open = (id: string, anchor: Anchor | null): HighlightedThread => ({ id, anchor, status: 'open' });
const mark = (id: string, words: string, state = 'open') => `<mark data-thread-id="${id}"${state === 'open' ? '' : ' data-answered'}>${words}</mark>`;

function html(doc: Y.Doc, threads: HighlightedThread[]): string {
  return textHtml(textSnapshot(doc, threadSpans(indexText(doc), threads)));
}

describe('highlights in the words of the page', () => {
  it("wrap a thread's words, inside their formatting", () => {
    const { doc, first } = twoParagraphs();
    expect(html(doc, [open('t1', anchorInText(first, 6, 10)), { id: 't2', anchor: anchorInText(first, 11, 16), status: 'accepted' }])).toBe(
      `<p>Alpha ${mark('t1', 'beta')} <strong>${mark('t2', 'gamma', 'answered')}</strong></p><p>Delta epsilon</p>`,
    );
  });

  it('are cut at the end of a block, as the editor cuts its decorations', () => {
    const { doc, first, second } = twoParagraphs();
    expect(html(doc, [open('t1', across(first, 6, second, 5))])).toBe(
      `<p>Alpha ${mark('t1', 'beta ')}<strong>${mark('t1', 'gamma')}</strong></p><p>${mark('t1', 'Delta')} epsilon</p>`,
    );
  });

  it('nest where threads overlap, one element a thread', () => {
    const { doc, second } = twoParagraphs();
    const out = html(doc, [open('a', anchorInText(second, 0, 10)), open('b', anchorInText(second, 6, 13))]);
    expect(out).toBe(`<p>Alpha beta <strong>gamma</strong></p><p>${mark('a', 'Delta ')}${mark('b', mark('a', 'epsi'))}${mark('b', 'lon')}</p>`);
  });

  it('follow the words through edits made after the comment', () => {
    const { doc, first } = twoParagraphs();
    const anchor = anchorInText(first, 6, 10);
    first.insert(0, 'New ');
    expect(html(doc, [open('t1', anchor)])).toContain(`New Alpha ${mark('t1', 'beta')} `);
  });

  it('are left out where the editor draws none: no anchor, deleted words, blank words, an unreadable anchor', () => {
    const { doc, first, second } = twoParagraphs();
    const gone = anchorInText(second, 0, 5);
    const blank = anchorInText(first, 5, 6);
    const backwards = across(second, 2, first, 1);
    second.delete(0, 6);
    const plain = '<p>Alpha beta <strong>gamma</strong></p><p>epsilon</p>';
    expect(html(doc, [open('none', null), open('gone', gone), open('blank', blank), open('backwards', backwards), open('junk', { start: '!!', end: 'AAAA' })])).toBe(plain);
    expect(textHtml(textSnapshot(doc))).toBe(plain);
  });

  it('never let an id become markup', () => {
    const { doc, first } = twoParagraphs();
    expect(html(doc, [open('"><script>x</script>', anchorInText(first, 0, 5))])).toContain('data-thread-id="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('leave the API snapshot as it was: no threads without spans', () => {
    const { doc } = twoParagraphs();
    expect(JSON.stringify(textSnapshot(doc))).not.toContain('threads');
  });
});
