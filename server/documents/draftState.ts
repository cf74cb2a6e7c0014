/**
 * The editor's schema on the server (shared/schema.ts, built by Tiptap) and the conversions that need
 * it: a ProseMirror document into the Yjs state of a draft, and a Yjs text back into ProseMirror JSON.
 * Tiptap and ProseMirror cost the server about 10 MB of memory and are needed only to seed, create,
 * convert or export a text, so the server's modules load this one with import() when they first need
 * it, never at start (the import worker, which converts files, loads it as it starts).
 */
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { documentExtensions } from '../../shared/schema.ts';
import type { JSONNode } from './markdown.ts';
import { TEXT_FIELD } from './text.ts';

export const schema = getSchema(documentExtensions());

/** The Yjs state of a draft, ready to store. */
export function draftState(doc: JSONNode): Uint8Array {
  const ydoc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, doc, ydoc.getXmlFragment(TEXT_FIELD));
  return Y.encodeStateAsUpdate(ydoc);
}

/** The text of a document as the editor's JSON. */
export function textJson(doc: Y.Doc): ReturnType<ReturnType<typeof yXmlFragmentToProseMirrorRootNode>['toJSON']> {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FIELD), schema).toJSON();
}

/** A new draft's text: one empty paragraph. */
export const emptyDraftState = () => draftState({ type: 'doc', content: [{ type: 'paragraph' }] });
