/**
 * Inviting a list of people: paste it or choose a CSV file, see the server's verdict on each row,
 * then confirm. Nothing is created before the confirmation, and the confirmation creates every
 * row shown as ready in one request (the server checks them all again and creates all or none).
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentListEntry } from '../../shared/api.ts';
import type { BulkInviteCreated, BulkInvitePreview, BulkInviteRequest, BulkRow } from '../../shared/bulkInvite.ts';
import type { Role } from '../../shared/domain.ts';
import { MAX_BULK_INVITE_FILE_BYTES, MAX_BULK_INVITE_ROWS } from '../../shared/limits.ts';
import { api, errorMessage } from '../api.ts';
import { Modal } from '../components/Modal.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { BulkListForm, type BulkChoices } from './BulkListForm.tsx';
import { BulkPreviewTable } from './BulkPreviewTable.tsx';
import { linksCsv, readFileText, readList } from './bulkList.ts';
import { peopleApi } from './peopleApi.ts';

interface BulkInviteDialogProps {
  onInvited: (created: BulkInviteCreated) => void;
  onClose: () => void;
}

type Step = { name: 'list' } | { name: 'preview'; rows: BulkRow[]; preview: BulkInvitePreview } | { name: 'done'; created: BulkInviteCreated };

function requestOf(rows: BulkRow[], choices: BulkChoices): BulkInviteRequest {
  return {
    rows,
    defaultRole: choices.defaultRole as Role,
    document: choices.documentId ? { id: choices.documentId, role: choices.documentRole } : null,
    sendInvitation: choices.sendInvitation,
  };
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function BulkInviteDialog({ onInvited, onClose }: BulkInviteDialogProps) {
  const t = useT();
  const [step, setStep] = useState<Step>({ name: 'list' });
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<BulkChoices>({ defaultRole: 'participant', documentId: '', documentRole: 'participant', sendInvitation: false });
  const [documents, setDocuments] = useState<DocumentListEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const summary = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api.documents().then(setDocuments, () => setDocuments([]));
  }, []);
  // Each step starts where the eye and the screen reader should be.
  useEffect(() => {
    if (step.name === 'list') textArea.current?.focus();
    else summary.current?.focus();
  }, [step]);

  const chooseFile = async (file: File) => {
    if (file.size > MAX_BULK_INVITE_FILE_BYTES) return setError(t('bulk.fileTooLarge', { mb: MAX_BULK_INVITE_FILE_BYTES / 1024 / 1024, max: MAX_BULK_INVITE_ROWS }));
    setError(null);
    setText(await readFileText(file));
  };

  const check = async () => {
    const { rows } = readList(text);
    if (rows.length === 0) return setError(t('bulk.empty'));
    if (rows.length > MAX_BULK_INVITE_ROWS) return setError(t('bulk.tooMany', { count: rows.length, max: MAX_BULK_INVITE_ROWS }));
    setBusy(true);
    setError(null);
    try {
      setStep({ name: 'preview', rows, preview: await peopleApi.previewBulk(requestOf(rows, choices)) });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (rows: BulkRow[], preview: BulkInvitePreview) => {
    const ready = rows.filter((_, index) => preview.rows[index]?.problems.length === 0);
    setBusy(true);
    setError(null);
    try {
      const created = await peopleApi.inviteBulk(requestOf(ready, choices));
      onInvited(created);
      setStep({ name: 'done', created });
    } catch (failure) {
      // The people list changed since the preview (someone else invited one of them): judge it again.
      setError(t('bulk.checkedAgain', { error: errorMessage(failure) }));
      setStep({ name: 'preview', rows, preview: await peopleApi.previewBulk(requestOf(rows, choices)).catch(() => preview) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('bulk.title')} onClose={onClose} testId="bulk-invite-dialog" wide initialFocus={textArea}>
      {(close, ids) => (
        <>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          {step.name === 'list' && (
            <>
              <p id={ids.body}>{t('bulk.intro')}</p>
              <BulkListForm ref={textArea} text={text} onText={setText} onFile={(file) => void chooseFile(file)} choices={choices} onChoices={setChoices} documents={documents} />
              <div className="dialog__actions">
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void check()}>
                  {busy ? t('bulk.checking') : t('bulk.check')}
                </button>
                <button type="button" className="button" onClick={close}>
                  {t('dialog.cancel')}
                </button>
              </div>
            </>
          )}
          {step.name === 'preview' && (
            <>
              <h3 ref={summary} tabIndex={-1} id={ids.body} data-testid="bulk-summary">
                {t(step.preview.invalid > 0 ? 'bulk.summaryWithProblems' : 'bulk.summary', { rows: step.preview.rows.length, valid: step.preview.valid, invalid: step.preview.invalid })}
              </h3>
              <p>
                {t('bulk.nobodyYet')} {step.preview.invalid > 0 && t('bulk.fixProblems')}
              </p>
              <BulkPreviewTable rows={step.preview.rows} />
              <div className="dialog__actions">
                <button type="button" className="button button--primary" disabled={busy || step.preview.valid === 0} onClick={() => void confirm(step.rows, step.preview)}>
                  {busy ? t('bulk.inviting') : t('bulk.invite', { count: step.preview.valid })}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setStep({ name: 'list' })}>
                  {t('bulk.back')}
                </button>
              </div>
            </>
          )}
          {step.name === 'done' && (
            <>
              <h3 ref={summary} tabIndex={-1} id={ids.body} data-testid="bulk-done">
                {t('bulk.done', { count: step.created.people.length })}
              </h3>
              <p>
                {step.created.emailed > 0 ? t('bulk.emailed', { count: step.created.emailed }) : t('bulk.notEmailed')}
              </p>
              <div className="dialog__actions">
                <button type="button" className="button" onClick={() => download(linksCsv(step.created.people), 'accord-sign-in-links.csv')}>
                  {t('bulk.downloadLinks')}
                </button>
                <button type="button" className="button button--primary" onClick={close}>
                  {t('people.done')}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
