/**
 * A keyboard caret for a read-only text. A read-only editor is not contenteditable, so browsers give
 * it no caret: readers could select words only with a mouse. This makes the text focusable, moves a
 * DOM selection with the arrow keys (Shift extends it, Ctrl moves by word or paragraph) through
 * Selection.modify, which browsers allow on any text, and draws a caret where it is. ProseMirror
 * reads that DOM selection like any other. Nothing here can change the text.
 *
 * A key that would type, delete or break a line is swallowed (a space would otherwise scroll the
 * page) and reported with TYPING_REFUSED_EVENT, so that the page can say why the text is closed and
 * how to comment instead of doing nothing.
 */
import { Extension } from '@tiptap/core';
import { Plugin, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

type Direction = 'backward' | 'forward';

/** Dispatched (bubbling) on the text when a reader tries to type into it. */
export const TYPING_REFUSED_EVENT = 'accord:typing-refused';

const EDITING_KEYS = new Set(['Backspace', 'Delete', 'Enter']);

/** A key press that would change the text in an editable editor (not a shortcut, not a move). */
const wouldType = (event: KeyboardEvent) => !event.ctrlKey && !event.metaKey && !event.altKey && (event.key.length === 1 || EDITING_KEYS.has(event.key));

/** Keys, their direction, and how far they go without and with Ctrl ('block' and 'text' are ours). */
const MOVES: Record<string, [Direction, string, string]> = {
  ArrowLeft: ['backward', 'character', 'word'],
  ArrowRight: ['forward', 'character', 'word'],
  ArrowUp: ['backward', 'line', 'block'],
  ArrowDown: ['forward', 'line', 'block'],
  Home: ['backward', 'lineboundary', 'text'],
  End: ['forward', 'lineboundary', 'text'],
};

const selectionIn = (view: EditorView) => {
  const selection = view.dom.ownerDocument.getSelection();
  return selection?.anchorNode && view.dom.contains(selection.anchorNode) && selection.focusNode && view.dom.contains(selection.focusNode) ? selection : null;
};

/**
 * Tells ProseMirror at once where the DOM selection now is. Left to the asynchronous selectionchange
 * event, any update in between (a remote caret, a highlight) would write the old selection back.
 */
function syncToState(view: EditorView) {
  const selection = selectionIn(view);
  if (!selection?.anchorNode || !selection.focusNode) return;
  const doc = view.state.doc;
  const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
  const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
  const next = TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  if (!next.eq(view.state.selection)) view.dispatch(view.state.tr.setSelection(next));
}

/** Sets the selection's focus (extend) or both ends (move) at a document position. */
function setPoint(view: EditorView, pos: number, extend: boolean) {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection) return;
  const { node, offset } = view.domAtPos(Math.max(0, Math.min(pos, view.state.doc.content.size)));
  if (extend && selection.anchorNode) selection.extend(node, offset);
  else selection.collapse(node, offset);
}

/** Start positions of the text blocks (paragraphs, headings, list items' paragraphs), in order. */
function blockStarts(view: EditorView): number[] {
  const starts: number[] = [];
  view.state.doc.descendants((node, pos) => {
    if (node.isTextblock) starts.push(pos + 1);
    return !node.isTextblock;
  });
  return starts;
}

/** Moves by whole blocks, or to either end of the text: browsers would run on past the text into the page. */
function moveWithinText(view: EditorView, selection: Selection, direction: Direction, unit: 'block' | 'text', extend: boolean) {
  if (!selection.focusNode) return;
  const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
  const starts = blockStarts(view);
  let target: number | undefined;
  if (unit === 'text') target = direction === 'forward' ? view.state.doc.content.size - 1 : starts[0];
  else if (direction === 'forward') target = starts.find((start) => start > head);
  else target = starts.findLast((start) => start < head);
  if (target !== undefined) setPoint(view, target, extend);
}

/**
 * Where to draw a caret at a DOM point: one line of text high, never the height of a paragraph. A
 * collapsed range at an element's edge (the start of a block, where the caret lands on Tab) often
 * has no box of its own; then the character beside it is measured, or else the first line of the
 * element.
 */
function caretBox(node: Node, offset: number): { left: number; top: number; height: number } | null {
  const range = document.createRange();
  range.setStart(node, offset);
  const rect = range.getClientRects()[0];
  if (rect && rect.height > 0) return { left: rect.left, top: rect.top, height: rect.height };
  if (node instanceof Text && node.length > 0) {
    const at = offset < node.length ? offset : node.length - 1;
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const char = range.getClientRects()[0];
    if (char) return { left: offset < node.length ? char.left : char.right, top: char.top, height: char.height };
  }
  if (node instanceof Element) {
    // The first text inside what follows the point (or precedes it, at the end).
    const child = node.childNodes[offset] ?? node.childNodes[offset - 1];
    const walker = child ? document.createTreeWalker(child, NodeFilter.SHOW_TEXT) : null;
    const text = child instanceof Text ? child : (walker?.nextNode() as Text | null);
    if (text && text.length > 0) return caretBox(text, child === node.childNodes[offset] ? 0 : text.length);
  }
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return null;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.4 || 20;
  return { left: box.left + (Number.parseFloat(style.paddingLeft) || 0), top: box.top, height: Math.min(box.height || line, line) };
}

/** Puts the caret at the start of the first block that shows below the sticky bar. */
function placeCaretInView(view: EditorView) {
  const barBottom = document.querySelector('.docbar')?.getBoundingClientRect().bottom ?? 0;
  const blocks = [...view.dom.children];
  const first = blocks.find((block) => block.getBoundingClientRect().bottom > barBottom + 8) ?? blocks[0];
  if (first) setPoint(view, view.posAtDOM(first, 0), false);
}

function keepInView(selection: Selection) {
  if (!selection.focusNode) return;
  const box = caretBox(selection.focusNode, selection.focusOffset);
  if (!box) return;
  const rect = { top: box.top, bottom: box.top + box.height };
  const barBottom = document.querySelector('.docbar')?.getBoundingClientRect().bottom ?? 0;
  if (rect.top < barBottom + 16) window.scrollBy(0, rect.top - barBottom - 48);
  else if (rect.bottom > window.innerHeight - 16) window.scrollBy(0, rect.bottom - window.innerHeight + 48);
}

/** The drawn caret: a thin line over the text where a collapsed selection is, while the text has focus. */
class CaretView {
  private readonly caret = document.createElement('div');

  constructor(private readonly view: EditorView) {
    this.caret.className = 'reading-caret';
    this.caret.setAttribute('aria-hidden', 'true');
    this.hide();
    view.dom.parentElement?.append(this.caret);
    view.dom.addEventListener('focus', this.draw);
    view.dom.addEventListener('blur', this.draw);
    document.addEventListener('selectionchange', this.draw);
    window.addEventListener('resize', this.draw);
  }

  draw = () => {
    // Tiptap moves the editor between elements when it mounts: follow it.
    if (this.caret.parentElement !== this.view.dom.parentElement) this.view.dom.parentElement?.append(this.caret);
    const selection = selectionIn(this.view);
    const focused = this.view.dom.ownerDocument.activeElement === this.view.dom;
    const parent = this.caret.offsetParent;
    if (!selection || !selection.isCollapsed || !focused || !parent || !selection.focusNode) {
      this.hide();
      return;
    }
    const box = caretBox(selection.focusNode, selection.focusOffset);
    if (!box) {
      this.hide();
      return;
    }
    const origin = parent.getBoundingClientRect();
    this.caret.style.visibility = 'visible';
    this.caret.style.left = `${box.left - origin.left}px`;
    this.caret.style.top = `${box.top - origin.top}px`;
    this.caret.style.height = `${box.height}px`;
    // Restart the blink, so the caret is solid while it moves.
    this.caret.classList.remove('reading-caret--blink');
    void this.caret.offsetWidth;
    this.caret.classList.add('reading-caret--blink');
  };

  /** Hidden, not removed from layout: its offsetParent is where its coordinates start. */
  private hide() {
    this.caret.style.visibility = 'hidden';
  }

  update() {
    this.draw();
  }

  destroy() {
    this.view.dom.removeEventListener('focus', this.draw);
    this.view.dom.removeEventListener('blur', this.draw);
    document.removeEventListener('selectionchange', this.draw);
    window.removeEventListener('resize', this.draw);
    this.caret.remove();
  }
}

export const ReadingCaret = Extension.create({
  name: 'readingCaret',
  addProseMirrorPlugins() {
    let pointer = false;
    return [
      new Plugin({
        props: {
          attributes: { tabindex: '0' },
          handleDOMEvents: {
            mousedown: () => {
              pointer = true;
              return false;
            },
            focus: (view) => {
              // A click puts the caret where it lands; a Tab (or the skip link) needs one put for it.
              if (!pointer && !selectionIn(view)) {
                placeCaretInView(view);
                syncToState(view);
              }
              pointer = false;
              return false;
            },
            keydown: (view, event) => {
              const selection = selectionIn(view);
              if (event.key === 'a' && (event.ctrlKey || event.metaKey) && !event.altKey) {
                // Select the text, not the whole page around it.
                event.preventDefault();
                view.dom.ownerDocument.getSelection()?.selectAllChildren(view.dom);
                syncToState(view);
                return true;
              }
              if (wouldType(event)) {
                event.preventDefault();
                view.dom.dispatchEvent(new CustomEvent(TYPING_REFUSED_EVENT, { bubbles: true }));
                return true;
              }
              const move = MOVES[event.key];
              if (!move || event.altKey || event.metaKey) return false;
              if (!selection) placeCaretInView(view);
              const current = selectionIn(view);
              if (!current?.anchorNode || !current.focusNode) return false;
              event.preventDefault();
              const [direction, plain, withCtrl] = move;
              const unit = event.ctrlKey ? withCtrl : plain;
              const before = [current.anchorNode, current.anchorOffset, current.focusNode, current.focusOffset] as const;
              if (unit === 'block' || unit === 'text') moveWithinText(view, current, direction, unit, event.shiftKey);
              else current.modify(event.shiftKey ? 'extend' : 'move', direction, unit);
              // Never let the caret wander out of the text into the rest of the page.
              if (!selectionIn(view)) current.setBaseAndExtent(...before);
              syncToState(view);
              keepInView(current);
              return true;
            },
          },
        },
        view: (view) => new CaretView(view),
      }),
    ];
  },
});
