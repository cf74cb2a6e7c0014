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
import { BulkListForm, type BulkChoices } from './BulkListForm.tsx';
import { BulkPreviewTable } from './BulkPreviewTable.tsx';
import { linksCsv, readFileText, readList } from './bulkList.ts';
import { peopleApi } from './peopleApi.ts';

interface BulkInviteDialogProps {
  onInvited: (created: BulkInviteCreated) => void;
  onClose: () => void;
}

type Step = { name: 'list' } | { name: 'preview'; rows: BulkRow[]; preview: BulkInvitePreview } | { name: 'done'; created: BulkInviteCreated };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
    if (file.size > MAX_BULK_INVITE_FILE_BYTES) return setError(`The file is larger than ${MAX_BULK_INVITE_FILE_BYTES / 1024 / 1024} MB; a list of ${MAX_BULK_INVITE_ROWS} people is far smaller. Check that it is the right file.`);
    setError(null);
    setText(await readFileText(file));
  };

  const check = async () => {
    const { rows } = readList(text);
    if (rows.length === 0) return setError('The list is empty. Paste one person per line, or choose a CSV file.');
    if (rows.length > MAX_BULK_INVITE_ROWS) return setError(`The list has ${rows.length} rows; at most ${MAX_BULK_INVITE_ROWS} people can be invited at once. Split it into smaller lists.`);
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
      setError(`${errorMessage(failure)} The list has been checked again below.`);
      setStep({ name: 'preview', rows, preview: await peopleApi.previewBulk(requestOf(rows, choices)).catch(() => preview) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Invite a list of people" onClose={onClose} testId="bulk-invite-dialog" wide initialFocus={textArea}>
      {(close, ids) => (
        <>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          {step.name === 'list' && (
            <>
              <p id={ids.body}>
                One person per line, with these columns in this order, or under a header row that names them: name, e-mail, country (a code such as FR, or its English name),
                organisation, stakeholder group, role, language (en or fr). Columns may be separated by commas, semicolons or tabs, as a spreadsheet saves or copies them.
                Nobody is invited until you have seen the list checked and confirmed it.
              </p>
              <BulkListForm ref={textArea} text={text} onText={setText} onFile={(file) => void chooseFile(file)} choices={choices} onChoices={setChoices} documents={documents} />
              <div className="dialog__actions">
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void check()}>
                  {busy ? 'Checking the list…' : 'Check the list'}
                </button>
                <button type="button" className="button" onClick={close}>
                  Cancel
                </button>
              </div>
            </>
          )}
          {step.name === 'preview' && (
            <>
              <h3 ref={summary} tabIndex={-1} id={ids.body} data-testid="bulk-summary">
                {plural(step.preview.rows.length, 'row', 'rows')}: {plural(step.preview.valid, 'person is', 'people are')} ready to be invited
                {step.preview.invalid > 0 && `, ${plural(step.preview.invalid, 'row has', 'rows have')} problems and will be left out`}.
              </h3>
              <p>Nobody has been invited yet. {step.preview.invalid > 0 && 'To invite the rows with problems too, go back, correct them in the list and check it again.'}</p>
              <BulkPreviewTable rows={step.preview.rows} />
              <div className="dialog__actions">
                <button type="button" className="button button--primary" disabled={busy || step.preview.valid === 0} onClick={() => void confirm(step.rows, step.preview)}>
                  {busy ? 'Inviting…' : `Invite ${plural(step.preview.valid, 'person', 'people')}`}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => setStep({ name: 'list' })}>
                  Back to the list
                </button>
              </div>
            </>
          )}
          {step.name === 'done' && (
            <>
              <h3 ref={summary} tabIndex={-1} id={ids.body} data-testid="bulk-done">
                {plural(step.created.people.length, 'person has', 'people have')} been invited.
              </h3>
              <p>
                {step.created.emailed > 0
                  ? `Their invitations, each with a personal sign-in link, are being e-mailed (${plural(step.created.emailed, 'message', 'messages')}; see the Outbox).`
                  : 'No e-mail was sent. Download their sign-in links and send each person their own; the links are shown only now.'}
              </p>
              <div className="dialog__actions">
                <button type="button" className="button" onClick={() => download(linksCsv(step.created.people), 'accord-sign-in-links.csv')}>
                  Download the sign-in links (CSV)
                </button>
                <button type="button" className="button button--primary" onClick={close}>
                  Done
                </button>
              </div>
            </>
          )}
        </>
      )}
    </Modal>
  );
}
