/**
 * Whether a frame has painted the editor's text yet. What can wait a frame (the comments'
 * highlights, the sections' comment buttons: each one more pass over the whole text) waits for it,
 * so that a long text with many comments shows its words first.
 */
import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { afterPaint } from './afterPaint.ts';

export function useTextPainted(editor: Editor, shown: boolean): boolean {
  const [painted, setPainted] = useState<Editor | null>(null);
  useEffect(() => {
    if (!shown) return;
    return afterPaint(() => setPainted(editor));
  }, [editor, shown]);
  return shown && painted === editor;
}
