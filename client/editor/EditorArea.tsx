/**
 * The outline and the text side by side, bound to one editor. Until the first sync it shows the
 * sections the API gave and a loading message, never an empty editor that looks like an empty text.
 */
import { EditorContent, useEditorState } from '@tiptap/react';
import type { DocumentDetail, Person } from '../../shared/api.ts';
import type { Collab } from './collabSession.ts';
import { useDocumentEditor } from './useDocumentEditor.ts';
import { headingPosition, sectionsOf } from './sections.ts';
import { useActiveSection } from './useActiveSection.ts';
import { Outline } from './Outline.tsx';
import { Toolbar } from './Toolbar.tsx';

interface EditorAreaProps {
  collab: Collab;
  synced: boolean;
  detail: DocumentDetail;
  person: Person;
  outlineId: string;
  outlineOpen: boolean;
  onOutlinePicked: () => void;
}

const prefersReducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function EditorArea({ collab, synced, detail, person, outlineId, outlineOpen, onOutlinePicked }: EditorAreaProps) {
  const editable = detail.access.edit;
  const editor = useDocumentEditor(collab, editable, person);
  const liveSections = useEditorState({ editor, selector: ({ editor: e }) => (e ? sectionsOf(e.state.doc) : []) });
  const [activeId, setActiveId] = useActiveSection(synced ? editor : null, liveSections);

  const pick = (id: string) => {
    const at = headingPosition(editor.state.doc, id);
    if (!at) return;
    editor.chain().setTextSelection(at.from + 1).run();
    if (editor.isEditable) editor.commands.focus(undefined, { scrollIntoView: false });
    const heading = editor.view.nodeDOM(at.from);
    if (heading instanceof HTMLElement) heading.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    setActiveId(id);
    onOutlinePicked();
  };

  return (
    <div className="doc-layout">
      {synced ? (
        <Outline id={outlineId} sections={liveSections} activeId={activeId} open={outlineOpen} onPick={pick} />
      ) : (
        <Outline id={outlineId} sections={detail.sections} activeId={null} open={outlineOpen} />
      )}
      <div className="doc-main">
        {!editable && detail.access.reason && (
          <p className="readonly-notice" data-testid="readonly-notice">
            <span className="readonly-notice__icon" aria-hidden="true">
              i
            </span>
            {detail.access.reason}
          </p>
        )}
        {editable && synced && <Toolbar editor={editor} />}
        <div className="paper">
          {synced ? (
            <EditorContent editor={editor} />
          ) : (
            <output className="paper__loading" data-testid="text-loading">
              <span className="spinner" aria-hidden="true" />
              Loading the text…
            </output>
          )}
        </div>
      </div>
    </div>
  );
}
