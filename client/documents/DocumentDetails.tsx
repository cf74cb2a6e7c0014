/**
 * A document's details on its page (reference, language, working group, description, the edition it
 * came from, archived), the Word download, and for the Secretariat: edit the details, archive or bring
 * back, delete a draft that never opened for consultation, start the next edition.
 */
import { useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { DocumentDetail } from '../../shared/api.ts';
import { DOCUMENT_LANGUAGES } from '../../shared/documentImport.ts';
import { MAX_DESCRIPTION_CHARS, MAX_REFERENCE_CHARS, MAX_TITLE_CHARS, MAX_WORKING_GROUP_CHARS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { documentPath, navigate } from '../router.tsx';
import { usePerson } from '../session.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { documentAdminApi, type DeletionImpact } from './adminApi.ts';
import './documents.css';

/** <link> in a catalogue message: a link to href around the words it holds. */
const linkTo = (href: string) => (chunks: ReactNode[]) => <a href={href}>{chunks}</a>;

type Open = null | 'details' | 'archive' | 'delete' | 'edition';

export function DocumentDetails({ detail, refresh }: { detail: DocumentDetail; refresh: () => Promise<void> }) {
  const t = useT();
  const person = usePerson();
  const secretariat = person.role === 'secretariat';
  const [open, setOpen] = useState<Open>(null);
  const [impact, setImpact] = useState<DeletionImpact | null>(null);
  const [error, setError] = useState<string | null>(null);
  const facts = [detail.reference, t('docDetails.languageFact', { language: detail.language }), detail.workingGroup].filter(Boolean);

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
    <section className="document-details" aria-label={t('docDetails.label')} data-testid="document-details">
      {detail.archived && <p className="notice notice--info">{t('docDetails.archived')}</p>}
      <p className="document-details__facts">
        {facts.join(' · ')}
        {detail.editionOf && (
          <>
            {facts.length > 0 && ' · '}
            <FormattedMessage id="docDetails.editionOf" values={{ title: detail.editionOf.title, link: linkTo(documentPath(detail.editionOf.id)) }} />
          </>
        )}
      </p>
      {detail.description && <p className="document-details__description">{detail.description}</p>}
      <div className="document-details__actions">
        <a className="button button--small" href={documentAdminApi.wordUrl(detail.id)} download>
          {t('docDetails.downloadWord')}
        </a>
        {secretariat && (
          <>
            {!detail.archived && (
              <button type="button" className="button button--small" onClick={() => setOpen('details')}>
                {t('docDetails.edit')}
              </button>
            )}
            <button type="button" className="button button--small" onClick={() => setOpen('archive')}>
              {detail.archived ? t('docDetails.unarchive') : t('docDetails.archive')}
            </button>
            {(detail.phase === 'adopted' || detail.archived) && (
              <button type="button" className="button button--small" onClick={() => setOpen('edition')}>
                {t('docDetails.newEdition')}
              </button>
            )}
            {detail.phase === 'drafting' && !detail.archived && (
              <button type="button" className="button button--small button--warning" onClick={() => void askDelete()}>
                {t('docDetails.deleteDraft')}
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
          title={detail.archived ? t('docDetails.unarchiveTitle') : t('docDetails.archiveTitle')}
          confirmLabel={detail.archived ? t('docDetails.unarchiveConfirm') : t('docDetails.archive')}
          onConfirm={async () => {
            await documentAdminApi.setArchived(detail.id, !detail.archived);
            await refresh();
          }}
          onClose={() => setOpen(null)}
        >
          <p>
            {detail.archived ? t('docDetails.unarchiveExplain') : t('docDetails.archiveExplain')}
          </p>
        </ConfirmDialog>
      )}
      {open === 'delete' && impact && <DeleteDialog impact={impact} onClose={() => setOpen(null)} />}
      {open === 'edition' && <EditionDialog detail={detail} onClose={() => setOpen(null)} />}
    </section>
  );
}

function DeleteDialog({ impact, onClose }: { impact: DeletionImpact; onClose: () => void }) {
  const t = useT();
  if (!impact.deletable) {
    return (
      <Modal title={t('docDetails.cannotDelete')} onClose={onClose}>
        {(close, ids) => (
          <>
            {/* The one reason a draft is kept (server/documents/lifecycle.ts), in the reader's language. */}
            <p id={ids.body}>{t('docDetails.opened')}</p>
            <div className="dialog__actions">
              <button type="button" className="button" onClick={close}>
                {t('docDetails.close')}
              </button>
            </div>
          </>
        )}
      </Modal>
    );
  }
  return (
    <ConfirmDialog
      title={t('docDetails.deleteTitle', { title: impact.title })}
      confirmLabel={t('docDetails.deleteConfirm')}
      destructive
      onConfirm={async () => {
        await documentAdminApi.deleteDraft(impact.id);
        navigate('/');
      }}
      onClose={onClose}
    >
      <p>{t('docDetails.deleteExplain')}</p>
      <ul>
        <li>{t('docDetails.lostText')}</li>
        <li>{t('docDetails.lostComments', { threads: impact.threads, replies: impact.replies })}</li>
        <li>{t('docDetails.lostVersions', { count: impact.versions })}</li>
      </ul>
    </ConfirmDialog>
  );
}

function EditionDialog({ detail, onClose }: { detail: DocumentDetail; onClose: () => void }) {
  const t = useT();
  const [title, setTitle] = useState(() => t('docDetails.editionDefault', { title: detail.title }).slice(0, MAX_TITLE_CHARS));
  return (
    <ConfirmDialog
      title={t('docDetails.editionTitle')}
      confirmLabel={t('docDetails.editionConfirm')}
      onConfirm={async () => {
        const created = await documentAdminApi.startEdition(detail.id, title);
        navigate(documentPath(created.id));
      }}
      onClose={onClose}
    >
      <p>{t('docDetails.editionExplain')}</p>
      <Field label={t('docDetails.editionName')}>{(control) => <input {...control} className="input" maxLength={MAX_TITLE_CHARS} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
    </ConfirmDialog>
  );
}

function DetailsDialog({ detail, onSaved, onClose }: { detail: DocumentDetail; onSaved: () => Promise<void>; onClose: () => void }) {
  const t = useT();
  const [form, setForm] = useState({ title: detail.title, reference: detail.reference, language: detail.language, description: detail.description, workingGroup: detail.workingGroup });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));
  return (
    <Modal title={t('docDetails.dialogTitle')} onClose={onClose} testId="details-dialog">
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
          <Field label={t('docDetails.title')}>{(c) => <input {...c} className="input" required maxLength={MAX_TITLE_CHARS} value={form.title} onChange={set('title')} />}</Field>
          <Field label={t('docDetails.reference')} hint={t('docDetails.referenceHint')}>
            {(c) => <input {...c} className="input" maxLength={MAX_REFERENCE_CHARS} value={form.reference} onChange={set('reference')} />}
          </Field>
          <Field label={t('docDetails.language')}>
            {(c) => (
              <select {...c} className="input" value={form.language} onChange={set('language')}>
                {DOCUMENT_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`documentLanguage.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('docDetails.workingGroup')}>{(c) => <input {...c} className="input" maxLength={MAX_WORKING_GROUP_CHARS} value={form.workingGroup} onChange={set('workingGroup')} />}</Field>
          <Field label={t('docDetails.description')} hint={t('docDetails.descriptionHint')}>
            {(c) => <textarea {...c} className="input" rows={3} maxLength={MAX_DESCRIPTION_CHARS} value={form.description} onChange={set('description')} />}
          </Field>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" disabled={busy} onClick={close}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('docDetails.saving') : t('docDetails.save')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
