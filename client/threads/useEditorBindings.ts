/**
 * Keeps the editor's comment decorations in step with React: which threads to highlight and in what
 * state, which one is open or pointed at, whether section headings offer a comment button; routes
 * clicks on highlights back through the bridge; and listens for Ctrl+Alt+M anywhere on the page.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Editor } from '@tiptap/react';
import type { Thread } from '../../shared/api.ts';
import { useLanguage } from '../i18n/LanguageProvider.tsx';
import { highlightKey, setHighlights, type HighlightThread } from './highlightPlugin.ts';
import { useHoveredId } from './hoverStore.ts';
import type { Review } from './ReviewContext.tsx';
import type { ReviewBridge } from './reviewBridge.ts';
import { sectionButtonsKey } from './sectionButtons.ts';
import { afterPaint } from '../editor/afterPaint.ts';
import { appHighlightsDrawn } from '../bootText.ts';

export const COMMENT_SHORTCUT = 'Ctrl+Alt+M';

export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM';
}

/**
 * `text.synced`: the editor holds the live text; `text.painted`: a frame has painted it since. The
 * highlights wait for that frame, the section buttons for the one after the highlights (EditorArea).
 * `threadsLoaded`: the list has loaded (or failed to): the page's own words, with their highlights,
 * give way once the editor has drawn those of the list (client/bootText.ts).
 */
export function useEditorBindings(review: Review, bridge: ReviewBridge, threads: readonly Thread[], text: { synced: boolean; painted: boolean }, threadsLoaded: boolean): void {
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

  // The text first, then the highlights: each change of decorations is a pass over the whole text.
  // Once the text has painted they go at once; the first time, straight after the frame that painted
  // it, not after a render of the whole page (with the comments list) to learn that it has. A layout
  // effect, so that the frame waited for is the one that paints the text, not the one after.
  const sent = useRef<{ editor: Editor; highlighted: HighlightThread[] } | null>(null);
  const { synced, painted } = text;
  useLayoutEffect(() => {
    const last = sent.current;
    if (editor.isDestroyed || !synced) return;
    if (last?.editor === editor && last.highlighted === highlighted) {
      if (threadsLoaded) appHighlightsDrawn();
      return;
    }
    const send = () => {
      if (editor.isDestroyed) return;
      sent.current = { editor, highlighted };
      setHighlights(editor, { threads: highlighted });
      if (threadsLoaded) appHighlightsDrawn();
    };
    if (painted) send();
    else return afterPaint(send);
  }, [editor, highlighted, synced, painted, threadsLoaded]);

  // The sections' buttons come once the text has painted, and after the highlights have: each change
  // of decorations is a pass over the whole text, and only a pointer user needs the buttons.
  const canComment = rights.comment.allowed && painted;
  useEffect(() => {
    if (editor.isDestroyed || sectionButtonsKey.getState(editor.state)?.enabled === canComment) return;
    return afterPaint(() => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(sectionButtonsKey, canComment).setMeta('addToHistory', false));
    });
  }, [editor, canComment]);
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
