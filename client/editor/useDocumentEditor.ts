/**
 * The Tiptap editor bound to a document's Y.Doc. It is rebuilt when edit rights change, because the
 * id-assigning part of the schema is configured at creation: a read-only editor must never write
 * ids, and an editor that becomes writable must give new headings theirs.
 */
import { useEffect } from 'react';
import { useEditor } from '@tiptap/react';
import { Collaboration, isChangeOrigin } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import type { Person } from '../../shared/api.ts';
import { documentExtensions, TEXT_FIELD } from '../../shared/schema.ts';
import type { Collab } from './collabSession.ts';
import { ThreadHighlights } from '../threads/highlightPlugin.ts';
import { SectionCommentButtons } from '../threads/sectionButtons.ts';
import type { ReviewBridge } from '../threads/reviewBridge.ts';
import { ReadingCaret } from './readingCaret.ts';
import { UndoByWord } from './undoByWord.ts';

/** The Y.XmlFragment holding the text, as the contract names it. */

/** Our own caret is never drawn and the server stamps the colour others see, so any valid colour does. */
const OWN_CARET_COLOR = '#1d70b8';

/** How the text element introduces itself: its name in the reader's language, its words' own language. */
export interface TextLabels {
  label: string;
  lang: string;
}

function textAttributes(editable: boolean, { label, lang }: TextLabels): Record<string, string> {
  return {
    id: 'document-text',
    class: 'document-text',
    'data-testid': 'editor',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': editable ? 'false' : 'true',
    lang,
  };
}

export function useDocumentEditor(collab: Collab, editable: boolean, person: Person, bridge: ReviewBridge, labels: TextLabels) {
  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions({ skipIdsFor: isChangeOrigin, assignIds: editable }),
        Collaboration.configure({ document: collab.ydoc, field: TEXT_FIELD }),
        CollaborationCaret.configure({ provider: collab.provider, user: { name: person.name, color: OWN_CARET_COLOR } }),
        // Comments are decorations over the text, on every editor, whether it may change the text or not.
        ThreadHighlights.configure({ bridge }),
        SectionCommentButtons.configure({ bridge }),
        ...(editable ? [UndoByWord] : [ReadingCaret]),
      ],
      editable,
      // Re-rendering the whole page on every keystroke is wasteful; parts subscribe with useEditorState.
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: textAttributes(editable, labels) },
    },
    [collab, editable, bridge],
  );

  // Switching the interface language renames the text without rebuilding the editor (and losing the caret).
  const { label, lang } = labels;
  useEffect(() => {
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: textAttributes(editable, { label, lang }) } });
  }, [editor, editable, label, lang]);
  return editor;
}
