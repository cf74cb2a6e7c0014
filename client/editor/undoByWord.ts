/**
 * Undo by word and by pause, as word processors do. Yjs's undo manager groups the changes made less
 * than `captureTimeout` apart; with its default of 500 ms a slow typist undoes one letter at a time,
 * and a fast one a whole paragraph. Here a longer pause (UNDO_PAUSE_MS) still ends a step, and so
 * does the end of every word: typing a space or a punctuation mark closes the step after it, so the
 * next word starts a new one.
 */
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';

/** A pause this long ends an undo step even within a word. */
export const UNDO_PAUSE_MS = 1_500;

const WORD_END = /[\s.,;:!?)\]}»”]/u;

export const UndoByWord = Extension.create({
  name: 'undoByWord',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        // The undo manager is made by the Collaboration extension with Yjs's default timeout.
        view(view) {
          const undoManager = yUndoPluginKey.getState(view.state)?.undoManager;
          if (undoManager) undoManager.captureTimeout = UNDO_PAUSE_MS;
          return {};
        },
        props: {
          handleTextInput(view, _from, _to, text) {
            if (WORD_END.test(text.slice(-1))) {
              // The text goes into the Y.Doc synchronously after this returns: close the step then.
              queueMicrotask(() => yUndoPluginKey.getState(view.state)?.undoManager?.stopCapturing());
            }
            return false;
          },
        },
      }),
    ];
  },
});
