/**
 * Moving the reader's eyes and keyboard focus to a place in the text: scrolling commented words into
 * view from the panel, and giving the focus back to the text after writing a comment, with the caret
 * where it was (a read-only text has no caret of its own: the DOM selection is set directly).
 */
import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { Editor } from '@tiptap/react';

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Scrolls the words at `pos` to the middle of the screen, unless they are already in sight. */
export function revealInText(editor: Editor, pos: number): void {
  if (editor.isDestroyed || !editor.isInitialized) return;
  revealPosition(editor.view, pos);
}

/** The same, from a ProseMirror view (for plugins). */
export function revealPosition(view: EditorView, pos: number): void {
  const { node } = view.domAtPos(pos);
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return;
  const box = element.getBoundingClientRect();
  const barBottom = document.querySelector('.docbar')?.getBoundingClientRect().bottom ?? 0;
  if (box.top >= barBottom + 24 && box.bottom <= window.innerHeight - 24) return;
  element.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
}

export function focusTextAt(editor: Editor, pos: number | null): void {
  if (editor.isDestroyed || !editor.isInitialized) return;
  const view = editor.view;
  if (view.editable) {
    editor.commands.focus(pos ?? undefined, { scrollIntoView: false });
    return;
  }
  view.dom.focus({ preventScroll: true });
  if (pos === null) return;
  const at = Math.min(pos, view.state.doc.content.size);
  const { node, offset } = view.domAtPos(at);
  view.dom.ownerDocument.getSelection()?.collapse(node, offset);
  // ProseMirror's own state must agree at once, or its next redraw puts the old selection back.
  view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at))));
}
