/**
 * The document schema, as Tiptap extensions. The server builds its ProseMirror schema from this list
 * (to import the seed drafts and read sections) and the client's editor starts from it, so both sides
 * always agree on node names and attributes: `heading` with `level` and a stable `id`.
 */
import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { UniqueID } from '@tiptap/extension-unique-id';
import { TableKit } from '@tiptap/extension-table';
import type { Transaction } from '@tiptap/pm/state';
import { HEADING_LEVELS } from './limits.ts';
import { SECTION_NODE } from './schemaNames.ts';

export interface SchemaOptions {
  /**
   * Returns true for transactions whose ids must not be touched (remote changes arriving from Yjs),
   * so that two editors never both re-id the same heading.
   */
  skipIdsFor?: (tr: Transaction) => boolean;
  /** False on read-only editors: they must not try to write ids they could never save. */
  assignIds?: boolean;
}

export { SECTION_NODE, TEXT_FIELD } from './schemaNames.ts';

export function documentExtensions(options: SchemaOptions = {}): AnyExtension[] {
  const skip = options.skipIdsFor;
  return [
    StarterKit.configure({
      // Yjs has its own undo manager; ProseMirror's history would undo other people's typing.
      undoRedo: false,
      heading: { levels: [...HEADING_LEVELS] },
      codeBlock: false,
      link: { openOnClick: false, autolink: false },
      // A trailing paragraph added by each editor on its own would be written by two at once, and a
      // read-only editor would add one it can never save.
      trailingNode: false,
    }),
    // Simple tables, as drafts brought in from Word have them; no column resizing, which would store
    // pixel widths that mean nothing on another screen.
    TableKit.configure({ table: { resizable: false } }),
    UniqueID.configure({
      types: [SECTION_NODE],
      attributeName: 'id',
      updateDocument: options.assignIds ?? true,
      filterTransaction: skip ? (tr: Transaction) => !skip(tr) : null,
    }),
  ];
}
