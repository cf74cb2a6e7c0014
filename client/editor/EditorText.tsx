/**
 * Puts the editor's text into the page. Not Tiptap's EditorContent: on mounting, that hands the view
 * its node views again, as new functions, and ProseMirror then draws the whole text a second time
 * (the table's node view is enough for that), which on a long text was a tenth of the time to the
 * first painted line. The view already has its node views from its creation, and nothing here
 * renders a node view through React, which is what EditorContent's second pass is for.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Editor } from '@tiptap/core';

export function EditorText({ editor }: { editor: Editor }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const host = ref.current;
    const parent = editor.view.dom.parentNode;
    // Tiptap mounts the view in an element of its own, off the page; what it holds moves here.
    if (!host || !parent || parent === host) return;
    host.append(...parent.childNodes);
    // Leaving (or a rebuilt editor) parks the text off the page again, where it can come back from.
    return () => document.createElement('div').append(...host.childNodes);
  }, [editor]);
  return <div ref={ref} />;
}
