/**
 * The comment being written, kept in localStorage (per document and person) until it is sent or
 * discarded, so a reload or a closed tab does not lose it.
 */
import { useCallback, useState } from 'react';
import { THREAD_KINDS, type ThreadKind } from '../../shared/domain.ts';
import type { CommentTarget } from './types.ts';

export interface Draft {
  target: CommentTarget;
  kind: ThreadKind;
  body: string;
  proposedText: string;
}

const storageKey = (documentId: string, personId: string) => `accord:comment-draft:${documentId}:${personId}`;

const isString = (value: unknown): value is string => typeof value === 'string';

/** Reads a stored draft, accepting only the shape we write (storage is outside our control). */
function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Draft> & { target?: Partial<CommentTarget> & { anchor?: { start?: unknown; end?: unknown } } };
    const target = value.target;
    if (!target || !isString(target.sectionId) || !isString(value.body) || !isString(value.proposedText)) return null;
    if (!THREAD_KINDS.includes(value.kind as ThreadKind)) return null;
    if (target.type === 'section') return { target: { type: 'section', sectionId: target.sectionId }, kind: value.kind!, body: value.body, proposedText: value.proposedText };
    if (target.type === 'words' && isString(target.quote) && isString(target.anchor?.start) && isString(target.anchor?.end)) {
      return {
        target: { type: 'words', sectionId: target.sectionId, quote: target.quote, anchor: { start: target.anchor.start, end: target.anchor.end } },
        kind: value.kind!,
        body: value.body,
        proposedText: value.proposedText,
      };
    }
  } catch {
    // A damaged entry is dropped below.
  }
  return null;
}

export function useDraft(documentId: string, personId: string): [Draft | null, (draft: Draft | null) => void] {
  const key = storageKey(documentId, personId);
  const [draft, setState] = useState<Draft | null>(() => {
    try {
      return parseDraft(window.localStorage.getItem(key));
    } catch {
      return null;
    }
  });
  const setDraft = useCallback(
    (next: Draft | null) => {
      setState(next);
      try {
        if (next) window.localStorage.setItem(key, JSON.stringify(next));
        else window.localStorage.removeItem(key);
      } catch {
        // Storage full or disabled: the draft still lives for this page.
      }
    },
    [key],
  );
  return [draft, setDraft];
}
