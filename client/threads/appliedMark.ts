/**
 * The mark on words just put into the text by "Apply proposed wording": a decoration over the
 * applied thread's new anchor for a few seconds, so the reader sees what changed and where. Like the
 * comment highlights it is never written into the text. The range is read again on every
 * transaction while the mark shows: the applied words reach this editor over the socket, possibly
 * after the server's answer, and the mark appears as soon as they are there.
 */
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Editor } from '@tiptap/react';
import type { Anchor } from '../../shared/api.ts';
import { resolveAnchor, syncStateOf } from './anchors.ts';
import { revealPosition } from './textFocus.ts';

/** How long the mark shows. */
export const APPLIED_MARK_MS = 6_000;

interface AppliedMarkState {
  mark: { threadId: string; anchor: Anchor; serial: number } | null;
  decorations: DecorationSet;
}

const appliedMarkKey = new PluginKey<AppliedMarkState>('appliedMark');

function decorate(state: EditorState, mark: AppliedMarkState['mark']): DecorationSet {
  const sync = mark && syncStateOf(state);
  const range = sync && mark ? resolveAnchor(sync, mark.anchor) : null;
  if (!mark || !range || range.to > state.doc.content.size) return DecorationSet.empty;
  return DecorationSet.create(state.doc, [Decoration.inline(range.from, range.to, { class: 'applied-mark', 'data-applied-thread': mark.threadId })]);
}

export function appliedMarkPlugin(): Plugin<AppliedMarkState> {
  return new Plugin<AppliedMarkState>({
    key: appliedMarkKey,
    state: {
      init: () => ({ mark: null, decorations: DecorationSet.empty }),
      apply: (tr, previous, _old, state) => {
        const meta = tr.getMeta(appliedMarkKey) as { mark: AppliedMarkState['mark'] } | undefined;
        const mark = meta ? meta.mark : previous.mark;
        if (!mark) return previous.mark ? { mark: null, decorations: DecorationSet.empty } : previous;
        if (!meta && !tr.docChanged) return previous;
        return { mark, decorations: decorate(state, mark) };
      },
    },
    props: { decorations: (state) => appliedMarkKey.getState(state)?.decorations },
    view: () => {
      let revealed = 0;
      return {
        // Once the marked words are in this editor, bring them into sight, once per mark.
        update(view) {
          const state = appliedMarkKey.getState(view.state);
          const found = state?.decorations.find()[0];
          if (!state?.mark || !found || revealed === state.mark.serial) return;
          revealed = state.mark.serial;
          revealPosition(view, found.from);
        },
      };
    },
  });
}

let serial = 0;

/** Marks the words of `threadId`'s anchor for APPLIED_MARK_MS; a later mark replaces it. */
export function markApplied(editor: Editor, threadId: string, anchor: Anchor): void {
  if (editor.isDestroyed) return;
  const mark = { threadId, anchor, serial: ++serial };
  editor.view.dispatch(editor.state.tr.setMeta(appliedMarkKey, { mark }).setMeta('addToHistory', false));
  window.setTimeout(() => {
    if (editor.isDestroyed || appliedMarkKey.getState(editor.state)?.mark?.serial !== mark.serial) return;
    editor.view.dispatch(editor.state.tr.setMeta(appliedMarkKey, { mark: null }).setMeta('addToHistory', false));
  }, APPLIED_MARK_MS);
}
