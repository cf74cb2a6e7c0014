/**
 * A document's details on its page (reference, language, working group, description, the edition it
 * came from, archived), the Word download, and for the Secretariat: edit the details, archive or bring
 * back, delete a draft that never opened for consultation, start the next edition.
 */
import { useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../shared/documentImport.ts';
import { MAX_DESCRIPTION_CHARS, MAX_REFERENCE_CHARS, MAX_TITLE_CHARS, MAX_WORKING_GROUP_CHARS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { documentPath, navigate } from '../router.tsx';
import { usePerson } from '../session.tsx';
import { documentAdminApi, type DeletionImpact } from './adminApi.ts';
import './documents.css';

const LANGUAGE_NAMES: Record<DocumentLanguage, string> = { en: 'English', fr: 'French' };

type Open = null | 'details' | 'archive' | 'delete' | 'edition';

export function DocumentDetails({ detail, refresh }: { detail: DocumentDetail; refresh: () => Promise<void> }) {
  const person = usePerson();
  const secretariat = person.role === 'secretariat';
  const [open, setOpen] = useState<Open>(null);
  const [impact, setImpact] = useState<DeletionImpact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const facts = [detail.reference, LANGUAGE_NAMES[detail.language], detail.workingGroup].filter(Boolean);

  const askDelete = async () => {
    setError(null);
    try {
      setImpact(await documentAdminApi.deletionImpact(detail.id));
      setOpen('delete');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section className="document-details" aria-label="About this document" data-testid="document-details">
      {detail.archived && <p className="notice notice--info">This document is archived: it can be read and exported, but no longer changed or commented on.</p>}
      <p className="document-details__facts">
        {facts.join(' · ')}
        {detail.editionOf && (
          <>
            {facts.length > 0 && ' · '}
            New edition of <a href={documentPath(detail.editionOf.id)}>{detail.editionOf.title}</a>
          </>
        )}
      </p>
      {detail.description && <p className="document-details__description">{detail.description}</p>}
      <div className="document-details__actions">
        <a className="button button--small" href={documentAdminApi.wordUrl(detail.id)} download>
          Download as Word
        </a>
        {secretariat && (
          <>
            {!detail.archived && (
              <button type="button" className="button button--small" onClick={() => setOpen('details')}>
                Edit details
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => setOpen('archive')}>
              {detail.archived ? 'Bring back from the archive' : 'Archive'}
            </button>
            {(detail.phase === 'adopted' || detail.archived) && (
              <button type="button" className="button button--small" onClick={() => setOpen('edition')}>
                Start a new edition
              </button>
            )}
            {detail.phase === 'drafting' && !detail.archived && (
              <button type="button" className="button button--small button--warning" onClick={() => void askDelete()}>
                Delete draft
              </button>
            )}
          </>
        )}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {open === 'details' && <DetailsDialog detail={detail} onSaved={refresh} onClose={() => setOpen(null)} />}
      {open === 'archive' && (
        <ConfirmDialog
          title={detail.archived ? 'Bring back from the archive?' : 'Archive this document?'}
          confirmLabel={detail.archived ? 'Bring back' : 'Archive'}
          onConfirm={async () => {
            await documentAdminApi.setArchived(detail.id, !detail.archived);
            await refresh();
          }}
          onClose={() => setOpen(null)}
        >
          <p>
            {detail.archived
              ? 'It will be listed again and follow the rules of its phase.'
              : 'Nobody will be able to change it or comment on it. It leaves the documents list (it stays under “Show archived”) and can still be read and exported.'}
          </p>
        </ConfirmDialog>
      )}
      {open === 'delete' && impact && <DeleteDialog impact={impact} onClose={() => setOpen(null)} />}
      {open === 'edition' && <EditionDialog detail={detail} onClose={() => setOpen(null)} />}
    </section>
  );
}

function DeleteDialog({ impact, onClose }: { impact: DeletionImpact; onClose: () => void }) {
  if (!impact.deletable) {
    return (
      <Modal title="This draft cannot be deleted" onClose={onClose}>
        {(close, ids) => (
          <>
            <p id={ids.body}>{impact.reason}</p>
            <div className="dialog__actions">
              <button type="button" className="button" onClick={close}>
                Close
              </button>
            </div>
          </>
        )}
      </Modal>
    );
  }
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return (
    <ConfirmDialog
      title={`Delete “${impact.title}”?`}
      confirmLabel="Delete for good"
      destructive
      onConfirm={async () => {
        await documentAdminApi.deleteDraft(impact.id);
        navigate('/');
      }}
      onClose={onClose}
    >
      <p>This deletes the draft and cannot be undone. Lost with it:</p>
      <ul>
        <li>its text and its history of changes</li>
        <li>{plural(impact.threads, 'comment')} and {plural(impact.replies, 'reply')}</li>
        <li>{plural(impact.versions, 'saved version')}</li>
      </ul>
    </ConfirmDialog>
  );
}

function EditionDialog({ detail, onClose }: { detail: DocumentDetail; onClose: () => void }) {
  const [title, setTitle] = useState(`${detail.title} (new edition)`.slice(0, MAX_TITLE_CHARS));
  return (
    <ConfirmDialog
      title="Start a new edition"
      confirmLabel="Start the new edition"
      onConfirm={async () => {
        const created = await documentAdminApi.startEdition(detail.id, title);
        navigate(documentPath(created.id));
      }}
      onClose={onClose}
    >
      <p>The text is copied into a new draft. Comments and members are not: the new edition starts afresh, and names this one as its source.</p>
      <Field label="Title of the new edition">{(control) => <input {...control} className="input" maxLength={MAX_TITLE_CHARS} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
    </ConfirmDialog>
  );
}

function DetailsDialog({ detail, onSaved, onClose }: { detail: DocumentDetail; onSaved: () => Promise<void>; onClose: () => void }) {
  const [form, setForm] = useState({ title: detail.title, reference: detail.reference, language: detail.language, description: detail.description, workingGroup: detail.workingGroup });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  return (
    <Modal title="Document details" onClose={onClose} testId="details-dialog">
      {(close, ids) => (
        <form
          id={ids.body}
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            documentAdminApi.updateDetails(detail.id, form).then(
              async () => {
                await onSaved();
                close();
              },
              (failure: unknown) => {
                setError(errorMessage(failure));
                setBusy(false);
              },
            );
          }}
        >
          <Field label="Title">{(c) => <input {...c} className="input" required maxLength={MAX_TITLE_CHARS} value={form.title} onChange={set('title')} />}</Field>
          <Field label="Reference" hint="For example P-PG/Training (2021) 2">
            {(c) => <input {...c} className="input" maxLength={MAX_REFERENCE_CHARS} value={form.reference} onChange={set('reference')} />}
          </Field>
          <Field label="Working language">
            {(c) => (
              <select {...c} className="input" value={form.language} onChange={set('language')}>
                {DOCUMENT_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Working group">{(c) => <input {...c} className="input" maxLength={MAX_WORKING_GROUP_CHARS} value={form.workingGroup} onChange={set('workingGroup')} />}</Field>
          <Field label="Description" hint="A few lines shown to participants.">
            {(c) => <textarea {...c} className="input" rows={3} maxLength={MAX_DESCRIPTION_CHARS} value={form.description} onChange={set('description')} />}
          </Field>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" disabled={busy} onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
