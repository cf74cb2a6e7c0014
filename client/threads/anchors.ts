/**
 * Anchors between the editor and the server: a selection becomes a pair of Yjs relative positions
 * (exactly as y-tiptap makes them, so the server can read them), and a thread's anchor becomes a
 * range of the current ProseMirror document again. Never writes to the document.
 */
import * as Y from 'yjs';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditorState } from '@tiptap/pm/state';
import type { Anchor } from '../../shared/api.ts';

type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

export interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The Y.Doc, fragment and node mapping the Collaboration extension keeps; null before it is bound. */
export function syncStateOf(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: ProsemirrorMapping } } | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The browser's own decoder where it has one (it decodes a thousand anchors in a fraction of the time). */
const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64?.bind(Uint8Array);

function fromBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The anchor for the text between two positions of the editor's document. */
export function anchorFor(state: EditorState, from: number, to: number): Anchor | null {
  const sync = syncStateOf(state);
  if (!sync) return null;
  const start = absolutePositionToRelativePosition(from, sync.type, sync.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, sync.type, sync.mapping) as Y.RelativePosition;
  return { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) };
}

// Decoding is pure and anchors never change, so each is decoded once for all the recomputations.
const decoded = new Map<string, Y.RelativePosition | null>();

function decode(base64: string): Y.RelativePosition | null {
  let position = decoded.get(base64);
  if (position === undefined) {
    try {
      position = Y.decodeRelativePosition(fromBase64(base64));
    } catch {
      position = null;
    }
    decoded.set(base64, position);
  }
  return position;
}

export interface AnchorRange {
  from: number;
  to: number;
}

/** Where an anchor lies in the document now; null when its words are gone or it cannot be read. */
export function resolveAnchor(sync: SyncState, anchor: Anchor): AnchorRange | null {
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (!start || !end) return null;
  const from = relativePositionToAbsolutePosition(sync.doc, sync.type, start, sync.mapping);
  const to = relativePositionToAbsolutePosition(sync.doc, sync.type, end, sync.mapping);
  if (from == null || to == null || to <= from) return null;
  return { from, to };
}
