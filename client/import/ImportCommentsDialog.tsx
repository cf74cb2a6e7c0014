/**
 * "Import comments" (Secretariat): choose a filled-in comment table (.xlsx or .docx), see where each
 * row would go and who it would be entered for, fix or leave out the rows that cannot be placed, then
 * import them all at once. Nothing is stored before "Import N comments"; the new comments then reach
 * every open page through the document's live events.
 */
import { useId, useRef, useState } from 'react';
import type { DocumentDetail } from '../../shared/api.ts';
import type { ImportPreview, ImportResult } from '../../shared/commentImport.ts';
import { COMMENT_TABLE_EXTENSIONS, MAX_COMMENT_TABLE_BYTES, MAX_COMMENT_TABLE_ROWS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { Modal } from '../components/Modal.tsx';
import { importApi } from './importApi.ts';
import { editable, missing, toCommit, type EditableRow } from './importRows.ts';
import { ImportRowsTable } from './ImportRowsTable.tsx';
import './import.css';

type Step =
  | { status: 'choosing' }
  | { status: 'reading' }
  | { status: 'previewed'; preview: ImportPreview }
  | { status: 'importing'; preview: ImportPreview }
  | { status: 'done'; result: ImportResult };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ImportCommentsDialog({ detail, onClose }: { detail: DocumentDetail; onClose: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  const [file, setFile] = useState<File | null>(null);
  const [receivedOn, setReceivedOn] = useState(today);
  const [step, setStep] = useState<Step>({ status: 'choosing' });
  const [rows, setRows] = useState<EditableRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fileId = useId();
  const dateId = useId();

  const choose = (next: File | null) => {
    setFile(next);
    setStep({ status: 'choosing' });
    setError(next && next.size > MAX_COMMENT_TABLE_BYTES ? `This file is larger than ${MAX_COMMENT_TABLE_BYTES / 1024 / 1024} MB.` : null);
  };

  const preview = async () => {
    if (!file) return setError('Choose a file first.');
    setStep({ status: 'reading' });
    setError(null);
    try {
      const result = await importApi.preview(detail.id, file);
      setRows(editable(result.rows));
      setStep({ status: 'previewed', preview: result });
    } catch (failure) {
      setError(errorMessage(failure));
      setStep({ status: 'choosing' });
    }
  };

  const included = rows.filter((r) => r.include);
  const blocked = included.filter((r) => missing(r).length > 0);

  const commit = async (previewed: ImportPreview) => {
    if (blocked.length) return setError(`${plural(blocked.length, 'row')} still ${blocked.length === 1 ? 'needs' : 'need'} a choice: rows ${blocked.map((r) => r.preview.line).join(', ')}. Make the choice or leave the row out.`);
    if (!included.length) return setError('Every row is left out: there is nothing to import.');
    setStep({ status: 'importing', preview: previewed });
    setError(null);
    try {
      const result = await importApi.commit(detail.id, { rows: toCommit(rows), receivedAt: `${receivedOn || today}T00:00:00Z`, fileName: previewed.fileName });
      setStep({ status: 'done', result });
    } catch (failure) {
      setError(errorMessage(failure));
      setStep({ status: 'previewed', preview: previewed });
    }
  };

  const previewed = step.status === 'previewed' || step.status === 'importing' ? step.preview : null;
  return (
    <Modal title="Import comments" initialFocus={cancel} onClose={onClose} testId="comment-import-dialog">
      {(close, ids) => (
        <form
          className="comment-import"
          onSubmit={(event) => {
            event.preventDefault();
            if (step.status === 'done') close();
            else if (previewed) void commit(previewed);
            else void preview();
          }}
        >
          <div id={ids.body}>
            <p>
              Import a comment table filled in by member bodies: the ISO commenting template, or ours, as Excel (.xlsx) or Word (.docx), up to {MAX_COMMENT_TABLE_BYTES / 1024 / 1024} MB and{' '}
              {MAX_COMMENT_TABLE_ROWS} rows. Each row becomes a comment entered for the member who sent it. Nothing is stored until you import.
            </p>
            <p>
              Template to hand out, with this document’s sections:{' '}
              <a href={importApi.templateUrl(detail.id)} download data-testid="comment-import-template">
                Download the template (.xlsx)
              </a>{' '}
              ·{' '}
              <a href={importApi.templateUrl(detail.id, 'fr')} download lang="fr">
                Modèle en français (.xlsx)
              </a>
            </p>
          </div>
          {step.status !== 'done' && (
            <div className="comment-import__choose">
              <div className="field">
                <label className="field__label" htmlFor={fileId}>Comment table</label>
                <input id={fileId} type="file" accept={COMMENT_TABLE_EXTENSIONS.join(',')} data-testid="comment-import-file" disabled={step.status === 'importing'} onChange={(event) => choose(event.target.files?.[0] ?? null)} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={dateId}>Received on</label>
                <input id={dateId} type="date" className="input input--date" max={today} value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} data-testid="comment-import-received" />
              </div>
            </div>
          )}
          {previewed && (
            <section aria-label="Preview" className="comment-import__preview">
              <output className="comment-import__summary" data-testid="comment-import-summary">
                {plural(previewed.rows.length, 'row')} read from “{previewed.fileName}”: {plural(included.length - blocked.length, 'ready to import', 'ready to import')}
                {blocked.length > 0 && `, ${plural(blocked.length, 'needs a choice', 'need a choice')}`}
                {rows.length - included.length > 0 && `, ${rows.length - included.length} left out`}.
              </output>
              {previewed.ignoredColumns.length > 0 && <p className="muted">Columns not imported: {previewed.ignoredColumns.join(', ')}.</p>}
              <ImportRowsTable rows={rows} sections={detail.sections} authors={previewed.authors} onChange={(index, row) => setRows((current) => current.map((r, i) => (i === index ? row : r)))} />
            </section>
          )}
          {step.status === 'done' && (
            <output className="notice notice--info comment-import__done" data-testid="comment-import-done">
              {plural(step.result.count, 'comment')} imported
              {step.result.threads.length > 0 && `, ${step.result.threads[0]!.ref}${step.result.threads.length > 1 ? ` to ${step.result.threads.at(-1)!.ref}` : ''}`}. They are now in the comments of this document.
            </output>
          )}
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            {step.status === 'done' ? (
              <button type="submit" className="button button--primary">
                Close
              </button>
            ) : (
              <>
                <button type="button" className="button" ref={cancel} disabled={step.status === 'importing'} onClick={close}>
                  Cancel
                </button>
                {previewed ? (
                  <button type="submit" className="button button--primary" disabled={step.status === 'importing'} data-testid="comment-import-commit">
                    {step.status === 'importing' ? 'Importing…' : `Import ${plural(included.length, 'comment')}`}
                  </button>
                ) : (
                  <button type="submit" className="button button--primary" disabled={step.status === 'reading' || !file} data-testid="comment-import-preview">
                    {step.status === 'reading' ? 'Reading the table…' : 'Preview'}
                  </button>
                )}
              </>
            )}
          </div>
        </form>
      )}
    </Modal>
  );
}
