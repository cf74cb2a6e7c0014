/**
 * "New document" (Secretariat): choose a Word, Markdown or text file, or an empty draft; see the
 * sections found and what could not be kept; then create. Nothing is stored until Create.
 */
import { useRef, useState } from 'react';
import type { ImportPreview } from '../../shared/documentImport.ts';
import { MAX_TITLE_CHARS, MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { documentPath, navigate } from '../router.tsx';
import { documentAdminApi } from './adminApi.ts';

type Source = 'file' | 'empty';
type Step = { status: 'choosing' } | { status: 'previewing' } | { status: 'previewed'; preview: ImportPreview } | { status: 'creating' };

export function NewDocumentDialog({ onClose }: { onClose: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [step, setStep] = useState<Step>({ status: 'choosing' });
  const [error, setError] = useState<string | null>(null);
  const busy = step.status === 'previewing' || step.status === 'creating';

  const choose = (next: File | null) => {
    setFile(next);
    setStep({ status: 'choosing' });
    setError(next && next.size > MAX_UPLOAD_BYTES ? `This file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` : null);
  };

  const preview = async () => {
    if (!file) return setError('Choose a file first.');
    setStep({ status: 'previewing' });
    setError(null);
    try {
      setStep({ status: 'previewed', preview: await documentAdminApi.previewFile(file, title) });
    } catch (failure) {
      setError(errorMessage(failure));
      setStep({ status: 'choosing' });
    }
  };

  const create = async (close: () => void) => {
    if (source === 'empty' && !title.trim()) return setError('Give the new draft a title.');
    const before = step;
    setStep({ status: 'creating' });
    setError(null);
    try {
      const created = source === 'file' && file ? await documentAdminApi.createFromFile(file, title) : await documentAdminApi.createEmpty(title.trim());
      close();
      navigate(documentPath(created.id));
    } catch (failure) {
      setError(errorMessage(failure));
      setStep(before.status === 'creating' ? { status: 'choosing' } : before);
    }
  };

  return (
    <Modal title="New document" initialFocus={cancel} onClose={onClose} testId="new-document-dialog">
      {(close, ids) => (
        <form
          className="new-document"
          onSubmit={(event) => {
            event.preventDefault();
            if (source === 'file' && step.status !== 'previewed') void preview();
            else void create(close);
          }}
        >
          <fieldset className="new-document__source" id={ids.body}>
            <legend>Start from</legend>
            <label>
              <input type="radio" name="source" checked={source === 'file'} onChange={() => setSource('file')} /> A file (Word .docx, Markdown .md or text .txt, up to{' '}
              {MAX_UPLOAD_BYTES / 1024 / 1024} MB)
            </label>
            <label>
              <input type="radio" name="source" checked={source === 'empty'} onChange={() => setSource('empty')} /> An empty draft
            </label>
          </fieldset>
          {source === 'file' && (
            <Field label="File" hint="Headings (Word's Heading 1–3, Markdown # to ###) become the sections.">
              {(control) => <input {...control} type="file" accept={UPLOAD_EXTENSIONS.join(',')} data-testid="new-document-file" onChange={(event) => choose(event.target.files?.[0] ?? null)} />}
            </Field>
          )}
          <Field label={source === 'empty' ? 'Title' : 'Title (optional)'} hint={source === 'file' ? "Leave empty to use the file's own title." : undefined}>
            {(control) => (
              <input
                {...control}
                className="input"
                maxLength={MAX_TITLE_CHARS}
                value={title}
                onChange={(event) => {
                  setTitle(event.target.value);
                  if (step.status === 'previewed') setStep({ status: 'choosing' });
                }}
              />
            )}
          </Field>
          {source === 'file' && step.status === 'previewed' && <PreviewSummary preview={step.preview} />}
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" ref={cancel} disabled={step.status === 'creating'} onClick={close}>
              Cancel
            </button>
            {source === 'file' && step.status !== 'previewed' ? (
              <button type="submit" className="button button--primary" disabled={busy || !file}>
                {step.status === 'previewing' ? 'Reading the file…' : 'Preview'}
              </button>
            ) : (
              <button type="submit" className="button button--primary" disabled={busy}>
                {step.status === 'creating' ? 'Creating…' : 'Create'}
              </button>
            )}
          </div>
        </form>
      )}
    </Modal>
  );
}

function PreviewSummary({ preview }: { preview: ImportPreview }) {
  return (
    <section className="import-preview" aria-label="Preview" data-testid="import-preview">
      <p>
        <strong>{preview.title}</strong>: {preview.sections.length} section{preview.sections.length === 1 ? '' : 's'}, {preview.words.toLocaleString('en-GB')} words.
      </p>
      <ol className="import-preview__sections" data-testid="import-sections">
        {preview.sections.map((section) => (
          <li key={section.number} className={`import-preview__level-${section.level}`}>
            <span className="import-preview__number">{section.number}</span> {section.title}
          </li>
        ))}
      </ol>
      {preview.notKept.length > 0 ? (
        <div className="notice notice--info" data-testid="import-not-kept">
          <p>Not kept as they are:</p>
          <ul>
            {preview.notKept.map((item) => (
              <li key={item.message}>{item.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">Everything in the file comes through.</p>
      )}
    </section>
  );
}
