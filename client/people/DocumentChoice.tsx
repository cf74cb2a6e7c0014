/**
 * Which documents an invited person takes part in: a checkbox per document, every document that is
 * not archived ticked at first. A fieldset with a legend, so a screen reader names the group.
 */
import { useId } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import { useT } from '../i18n/LanguageProvider.tsx';
import '../report/downloads.css';

/** Archived documents (a flag a later release may set) are not chosen unless asked for. */
export const isArchived = (document: DocumentListEntry): boolean => Boolean((document as DocumentListEntry & { archived?: boolean }).archived);

interface DocumentChoiceProps {
  documents: readonly DocumentListEntry[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}

export function DocumentChoice({ documents, chosen, onChange }: DocumentChoiceProps) {
  const t = useT();
  const id = useId();
  const toggle = (documentId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(documentId);
    else next.delete(documentId);
    onChange(next);
  };
  return (
    <fieldset className="checkbox-group document-choice" aria-describedby={`${id}-hint`} data-testid="invite-documents">
      <legend className="field__label">{t('documentChoice.legend')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('documentChoice.hint')}
      </p>
      {documents.length === 0 ? (
        <p className="placeholder">{t('documentChoice.none')}</p>
      ) : (
        <>
          <p className="checkbox-group__bulk">
            <button type="button" className="link-button" onClick={() => onChange(new Set(documents.filter((d) => !isArchived(d)).map((d) => d.id)))}>
              {t('documentChoice.all')}
            </button>{' '}
            ·{' '}
            <button type="button" className="link-button" onClick={() => onChange(new Set())}>
              {t('documentChoice.noneButton')}
            </button>
          </p>
          {documents.map((document) => (
            <label key={document.id} className="checkbox">
              <input type="checkbox" name="documents" value={document.id} checked={chosen.has(document.id)} onChange={(e) => toggle(document.id, e.target.checked)} />
              <span>
                {document.title} <span className="muted">({isArchived(document) ? t('documentChoice.archived') : t(`phase.${document.phase}`)})</span>
              </span>
            </label>
          ))}
        </>
      )}
    </fieldset>
  );
}
