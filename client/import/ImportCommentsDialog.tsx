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
import { useT } from '../i18n/LanguageProvider.tsx';
import { currentLanguage } from '../i18n/intl.ts';
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

export function ImportCommentsDialog({ detail, onClose }: { detail: DocumentDetail; onClose: () => void }) {
  const t = useT();
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
    setError(next && next.size > MAX_COMMENT_TABLE_BYTES ? t('import.fileTooLarge', { mb: MAX_COMMENT_TABLE_BYTES / 1024 / 1024 }) : null);
  };

  const preview = async () => {
    if (!file) return setError(t('import.chooseFile'));
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
    if (blocked.length) return setError(t('import.blocked', { count: blocked.length, lines: blocked.map((r) => r.preview.line).join(', ') }));
    if (!included.length) return setError(t('import.nothing'));
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
    <Modal title={t('import.title')} initialFocus={cancel} onClose={onClose} testId="comment-import-dialog">
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
            <p>{t('import.intro', { mb: MAX_COMMENT_TABLE_BYTES / 1024 / 1024, rows: MAX_COMMENT_TABLE_ROWS })}</p>
            <p>
              {t('import.templateLead')}{' '}
              <a href={importApi.templateUrl(detail.id)} download data-testid="comment-import-template">
                {t('import.templateEn')}
              </a>{' '}
              ·{' '}
              {/* In an English interface the French template is offered in French, to those who read it. */}
              <a href={importApi.templateUrl(detail.id, 'fr')} download lang={currentLanguage() === 'en' ? 'fr' : undefined}>
                {t('import.templateFr')}
              </a>
            </p>
          </div>
          {step.status !== 'done' && (
            <div className="comment-import__choose">
              <div className="field">
                <label className="field__label" htmlFor={fileId}>
                  {t('import.file')}
                </label>
                <input id={fileId} type="file" accept={COMMENT_TABLE_EXTENSIONS.join(',')} data-testid="comment-import-file" disabled={step.status === 'importing'} onChange={(event) => choose(event.target.files?.[0] ?? null)} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={dateId}>
                  {t('import.receivedOn')}
                </label>
                <input id={dateId} type="date" className="input input--date" max={today} value={receivedOn} onChange={(event) => setReceivedOn(event.target.value)} data-testid="comment-import-received" />
              </div>
            </div>
          )}
          {previewed && (
            <section aria-label={t('import.preview')} className="comment-import__preview">
              <output className="comment-import__summary" data-testid="comment-import-summary">
                {t('import.summary', { rows: previewed.rows.length, file: previewed.fileName, ready: included.length - blocked.length, blocked: blocked.length, left: rows.length - included.length })}
              </output>
              {previewed.ignoredColumns.length > 0 && <p className="muted">{t('import.ignoredColumns', { columns: previewed.ignoredColumns.join(', ') })}</p>}
              <ImportRowsTable rows={rows} sections={detail.sections} authors={previewed.authors} onChange={(index, row) => setRows((current) => current.map((r, i) => (i === index ? row : r)))} />
            </section>
          )}
          {step.status === 'done' && (
            <output className="notice notice--info comment-import__done" data-testid="comment-import-done">
              {t('import.done', { count: step.result.count, refs: doneRefs(step.result, t) })}
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
                {t('import.close')}
              </button>
            ) : (
              <>
                <button type="button" className="button" ref={cancel} disabled={step.status === 'importing'} onClick={close}>
                  {t('dialog.cancel')}
                </button>
                {previewed ? (
                  <button type="submit" className="button button--primary" disabled={step.status === 'importing'} data-testid="comment-import-commit">
                    {step.status === 'importing' ? t('import.importing') : t('import.commit', { count: included.length })}
                  </button>
                ) : (
                  <button type="submit" className="button button--primary" disabled={step.status === 'reading' || !file} data-testid="comment-import-preview">
                    {step.status === 'reading' ? t('import.reading') : t('import.preview')}
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

/** ", G-3" or ", G-3 to G-9": the references the new comments were given. */
function doneRefs(result: ImportResult, t: ReturnType<typeof useT>): string {
  const first = result.threads[0]?.ref;
  const last = result.threads.at(-1)?.ref;
  if (!first || !last) return '';
  return first === last ? t('import.doneRef', { ref: first }) : t('import.doneRefs', { first, last });
}
