/**
 * The "Comment" button that appears beside selected words. It is the next tab stop after the text,
 * and Ctrl+Alt+M does the same from anywhere. When commenting is closed it says why instead.
 */
import { useEffect, useState, type RefObject } from 'react';
import { useEditorState } from '@tiptap/react';
import { useT } from '../i18n/LanguageProvider.tsx';
import { useReview } from './ReviewContext.tsx';
import { selectedText } from './selection.ts';
import { COMMENT_SHORTCUT } from './useEditorBindings.ts';

/** Whether the browser's selection is in the text (a read-only text keeps an old one in its state). */
function useSelectionInText(container: RefObject<HTMLElement | null>): boolean {
  const [inside, setInside] = useState(false);
  useEffect(() => {
    const check = () => {
      const selection = document.getSelection();
      const node = selection?.focusNode;
      const active = document.activeElement;
      setInside(Boolean((node && container.current?.contains(node) && !selection.isCollapsed) || (active && active.closest('.comment-float'))));
    };
    document.addEventListener('selectionchange', check);
    document.addEventListener('focusin', check);
    return () => {
      document.removeEventListener('selectionchange', check);
      document.removeEventListener('focusin', check);
    };
  }, [container]);
  return inside;
}

export function CommentButton({ paper }: { paper: RefObject<HTMLDivElement | null> }) {
  const { editor, rights, startComment } = useReview();
  const t = useT();
  const range = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      if (!e || e.isDestroyed) return null;
      const text = selectedText(e.state);
      return text ? { from: text.from, to: text.to } : null;
    },
  });
  const inText = useSelectionInText(paper);
  if (!range || !inText || !paper.current || !editor.isInitialized) return null;

  const box = paper.current.getBoundingClientRect();
  let end: { left: number; bottom: number };
  try {
    end = editor.view.coordsAtPos(range.to);
  } catch {
    return null;
  }
  const left = Math.max(8, Math.min(end.left - box.left - 40, box.width - 220));
  const top = end.bottom - box.top + 8;

  return (
    <div className="comment-float" style={{ left, top }} data-testid="comment-float">
      {rights.comment.allowed ? (
        <button
          type="button"
          className="button button--primary comment-float__button"
          aria-keyshortcuts="Control+Alt+M"
          // Keep the selection: pressing the button must not move it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => startComment()}
        >
          {t('threads.commentButton')}
          <kbd className="comment-float__kbd">{COMMENT_SHORTCUT}</kbd>
        </button>
      ) : (
        <p className="comment-float__closed">{rights.comment.reason}</p>
      )}
    </div>
  );
}
