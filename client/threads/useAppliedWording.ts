/**
 * Applying a proposed wording and undoing it, for every part of the page that offers either: the
 * card's confirmation, the applied marker's Undo button and the message at the bottom of the screen.
 * After an apply, the new words are marked in the text for a few seconds and the message offers
 * Undo; undoing asks the server (DELETE /api/threads/:id/apply), which puts the old words back for
 * every editor and the thread's answer as it was, and refuses once the words were edited since.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Thread } from '../../shared/api.ts';
import { errorMessage, threadApi } from '../api.ts';
import { t } from '../i18n/intl.ts';
import { markApplied } from './appliedMark.ts';
import type { ThreadStore } from './threadStore.ts';

export interface AppliedWording {
  /** The last wording applied from this page, while its message shows. */
  recent: { threadId: string; ref: string; serial: number } | null;
  /** Applies a thread's proposed wording; resolves with the server's refusal as a message, or null. */
  apply(threadId: string, response?: string): Promise<string | null>;
  /** Undoes the apply of a thread; resolves with the server's refusal as a message, or null. */
  undo(threadId: string): Promise<string | null>;
  dismiss(): void;
}

function afterUndo(thread: Thread): string {
  if (thread.status === 'open') return t('threads.undo.doneOpen', { ref: thread.ref });
  return t('threads.undo.doneAnswered', { ref: thread.ref, status: t(`status.${thread.status}`) });
}

type Announce = (message: string, options?: { onScreen?: boolean }) => void;

export function useAppliedWording(editor: Editor, store: ThreadStore, announce: Announce): AppliedWording {
  const [recent, setRecent] = useState<AppliedWording['recent']>(null);

  const apply = useCallback(
    async (threadId: string, response?: string) => {
      try {
        const thread = await threadApi.apply(threadId, response);
        store.upsert(thread);
        if (thread.anchor) markApplied(editor, thread.id, thread.anchor);
        setRecent((current) => ({ threadId, ref: thread.ref, serial: (current?.serial ?? 0) + 1 }));
        // The message with Undo shows the same words on screen.
        announce(t('threads.apply.done', { ref: thread.ref }), { onScreen: false });
        return null;
      } catch (failure) {
        return errorMessage(failure);
      }
    },
    [editor, store, announce],
  );

  const undo = useCallback(
    async (threadId: string) => {
      try {
        const thread = await threadApi.undoApply(threadId);
        store.upsert(thread);
        if (thread.anchor) markApplied(editor, thread.id, thread.anchor);
        setRecent((current) => (current?.threadId === threadId ? null : current));
        announce(afterUndo(thread));
        return null;
      } catch (failure) {
        return errorMessage(failure);
      }
    },
    [editor, store, announce],
  );

  const dismiss = useCallback(() => setRecent(null), []);
  return useMemo(() => ({ recent, apply, undo, dismiss }), [recent, apply, undo, dismiss]);
}
