/**
 * Which documents an invited person takes part in: a checkbox per document, every document that is
 * not archived ticked at first. A fieldset with a legend, so a screen reader names the group.
 */
import { useId } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { PHASE_LABELS } from '../../shared/domain.ts';
import '../report/downloads.css';

/** Archived documents (a flag a later release may set) are not chosen unless asked for. */
export const isArchived = (document: DocumentListEntry): boolean => Boolean((document as DocumentListEntry & { archived?: boolean }).archived);

interface DocumentChoiceProps {
  documents: readonly DocumentListEntry[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}

export function DocumentChoice({ documents, chosen, onChange }: DocumentChoiceProps) {
  const id = useId();
  const toggle = (documentId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(documentId);
    else next.delete(documentId);
    onChange(next);
  };
  return (
    <fieldset className="checkbox-group document-choice" aria-describedby={`${id}-hint`} data-testid="invite-documents">
      <legend className="field__label">Documents</legend>
      <p id={`${id}-hint`} className="field__hint">
        They see and take part in the documents ticked here, with the role above. You can add them to others, or take them out, on each document’s Members page.
      </p>
      {documents.length === 0 ? (
        <p className="placeholder">There are no documents yet.</p>
      ) : (
        <>
          <p className="checkbox-group__bulk">
            <button type="button" className="link-button" onClick={() => onChange(new Set(documents.filter((d) => !isArchived(d)).map((d) => d.id)))}>
              All
            </button>{' '}
            ·{' '}
            <button type="button" className="link-button" onClick={() => onChange(new Set())}>
              None
            </button>
          </p>
          {documents.map((document) => (
            <label key={document.id} className="checkbox">
              <input type="checkbox" name="documents" value={document.id} checked={chosen.has(document.id)} onChange={(e) => toggle(document.id, e.target.checked)} />
              <span>
                {document.title} <span className="muted">({isArchived(document) ? 'Archived' : PHASE_LABELS[document.phase]})</span>
              </span>
            </label>
          ))}
        </>
      )}
    </fieldset>
  );
}
