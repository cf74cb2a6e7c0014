/**
 * Keeps the editor's comment decorations in step with React: which threads to highlight and in what
 * state, which one is open or pointed at, whether section headings offer a comment button; routes
 * clicks on highlights back through the bridge; and listens for Ctrl+Alt+M anywhere on the page.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/react';
import type { Thread } from '../../shared/api.ts';
import { useLanguage } from '../i18n/LanguageProvider.tsx';
import { highlightKey, setHighlights, type HighlightThread } from './highlightPlugin.ts';
import { useHoveredId } from './hoverStore.ts';
import type { Review } from './ReviewContext.tsx';
import type { ReviewBridge } from './reviewBridge.ts';
import { sectionButtonsKey } from './sectionButtons.ts';

export const COMMENT_SHORTCUT = 'Ctrl+Alt+M';

export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM';
}

/** `textShown`: the text has painted once; until then the section buttons wait (EditorArea). */
export function useEditorBindings(review: Review, bridge: ReviewBridge, threads: readonly Thread[], textShown: boolean): void {
  const { editor, draft, activeId, hover, openThread, startComment, rights } = review;
  const hoverId = useHoveredId(hover);

  useEffect(() => {
    bridge.connect({
      openThread: (id) => openThread(id, { revealCard: true }),
      hoverThread: (id) => hover.set(id),
      commentOnSection: (sectionId) => startComment({ type: 'section', sectionId }),
    });
  });

  const draftAnchor = draft?.target.type === 'words' ? draft.target.anchor : null;
  const highlighted = useMemo(() => {
    const list: HighlightThread[] = [];
    for (const thread of threads) {
      if (thread.anchor) list.push({ id: thread.id, anchor: thread.anchor, state: thread.status === 'open' ? 'open' : 'answered' });
    }
    if (draftAnchor) list.push({ id: 'draft', anchor: draftAnchor, state: 'draft' });
    return list;
  }, [threads, draftAnchor]);

  // The threads' highlights and the sections' buttons go out in one transaction when both change,
  // as they do once the text has painted: every change of decorations is a pass over the whole text.
  const canComment = rights.comment.allowed && textShown;
  const sent = useRef<{ editor: Editor; highlighted: HighlightThread[] } | null>(null);
  useEffect(() => {
    if (editor.isDestroyed) return;
    const tr = editor.state.tr.setMeta('addToHistory', false);
    const last = sent.current;
    if (last?.editor !== editor || last.highlighted !== highlighted) tr.setMeta(highlightKey, { threads: highlighted });
    if (sectionButtonsKey.getState(editor.state)?.enabled !== canComment) tr.setMeta(sectionButtonsKey, canComment);
    sent.current = { editor, highlighted };
    editor.view.dispatch(tr);
  }, [editor, highlighted, canComment]);
  useEffect(() => setHighlights(editor, { activeId, hoverId }), [editor, activeId, hoverId]);

  // The highlights' spoken names are words: a change of language writes them again.
  const { language } = useLanguage();
  const spokenIn = useRef(language);
  useEffect(() => {
    if (spokenIn.current === language || editor.isDestroyed) return;
    spokenIn.current = language;
    editor.view.dispatch(editor.state.tr.setMeta(highlightKey, { recompute: true }).setMeta('addToHistory', false));
  }, [editor, language]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // In a form field the keys may be a character (AltGr is Ctrl+Alt on some keyboards).
      if (!isCommentShortcut(event) || (event.target instanceof HTMLElement && event.target.closest('input, textarea, select'))) return;
      event.preventDefault();
      startComment();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startComment]);
}
