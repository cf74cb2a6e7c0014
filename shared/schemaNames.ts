/**
 * The names in the document schema that code reads without building an editor (the server reads
 * sections straight from the Yjs text). Apart from shared/schema.ts so that reading them does not
 * load Tiptap and ProseMirror; shared/schema.ts re-exports them for the editor.
 */

/** The node that opens a section. */
export const SECTION_NODE = 'heading';

/** The Y.XmlFragment that holds the text, as the Collaboration extension names it. */
export const TEXT_FIELD = 'default';
