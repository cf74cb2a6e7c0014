/**
 * The text snapshot to show until the live editor has the text (TextSnapshotView): the one the page
 * prefetched with the document (at once, on the first render, when it has arrived), else asked for
 * now, while it is `needed` (the live text is not here yet). Null until it arrives, and when it
 * failed or is of another generation of the text: the spinner shows instead, and the live text comes
 * anyway.
 */
import { useEffect, useState } from 'react';
import type { TextSnapshot, TextSnapshotNode } from '../../shared/api.ts';
import { api } from '../api.ts';
import { takePrefetchedText } from '../prefetch.ts';

export function useTextSnapshot(documentId: string, generation: string, needed: boolean): TextSnapshotNode[] | null {
  const [first] = useState(() => takePrefetchedText(documentId));
  const arrived = first && !(first instanceof Promise) && first.generation === generation ? first.content : null;
  const [content, setContent] = useState<TextSnapshotNode[] | null>(arrived);
  useEffect(() => {
    if (arrived || !needed) return;
    let alive = true;
    const pending: Promise<TextSnapshot> = first instanceof Promise ? first : api.textSnapshot(documentId);
    pending.then(
      (snapshot) => {
        if (alive && snapshot.generation === generation) setContent(snapshot.content);
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [arrived, first, documentId, generation, needed]);
  return content;
}
