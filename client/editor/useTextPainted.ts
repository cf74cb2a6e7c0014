/**
 * Whether a frame has painted the editor's text yet. What can wait a frame (the comments'
 * highlights, the sections' comment buttons: each one more pass over the whole text) waits for it,
 * so that a long text with many comments shows its words first.
 */
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';

export function useTextPainted(editor: Editor, shown: boolean): boolean {
  const [painted, setPainted] = useState<Editor | null>(null);
  useEffect(() => {
    if (!shown) return;
    let timer = 0;
    const after = () => {
      timer = window.setTimeout(() => setPainted(editor));
    };
    // A frame's callbacks run before it paints, so the task they queue runs after. A hidden tab
    // paints no frames: it need not wait for one.
    if (document.visibilityState === 'hidden') {
      after();
      return () => window.clearTimeout(timer);
    }
    const frame = requestAnimationFrame(after);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [editor, shown]);
  return shown && painted === editor;
}
