/**
 * "New document" (Secretariat): choose a Word, Markdown or text file, or an empty draft; see the
 * sections found and what could not be kept; then create. Nothing is stored until Create.
 */
import { useRef, useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { ImportPreview } from '../../shared/documentImport.ts';
import { MAX_TITLE_CHARS, MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { documentPath, navigate } from '../router.tsx';
import { documentAdminApi } from './adminApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

type Source = 'file' | 'empty';

/** <strong> in a catalogue message. */
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
type Step = { status: 'choosing' } | { status: 'previewing' } | { status: 'previewed'; preview: ImportPreview } | { status: 'creating' };

export function NewDocumentDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
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
    setError(next && next.size > MAX_UPLOAD_BYTES ? t('newDocument.fileTooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }) : null);
  };

  const preview = async () => {
    if (!file) return setError(t('newDocument.chooseFile'));
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
    if (source === 'empty' && !title.trim()) return setError(t('newDocument.needTitle'));
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
    <Modal title={t('newDocument.title')} initialFocus={cancel} onClose={onClose} testId="new-document-dialog">
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
            <legend>{t('newDocument.startFrom')}</legend>
            <label>
              <input type="radio" name="source" checked={source === 'file'} onChange={() => setSource('file')} /> {t('newDocument.fromFile', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })}
            </label>
            <label>
              <input type="radio" name="source" checked={source === 'empty'} onChange={() => setSource('empty')} /> {t('newDocument.empty')}
            </label>
          </fieldset>
          {source === 'file' && (
            <Field label={t('newDocument.file')} hint={t('newDocument.fileHint')}>
              {(control) => <input {...control} type="file" accept={UPLOAD_EXTENSIONS.join(',')} data-testid="new-document-file" onChange={(event) => choose(event.target.files?.[0] ?? null)} />}
            </Field>
          )}
          <Field label={source === 'empty' ? t('newDocument.titleLabel') : t('newDocument.titleOptional')} hint={source === 'file' ? t('newDocument.titleHint') : undefined}>
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
              {t('dialog.cancel')}
            </button>
            {source === 'file' && step.status !== 'previewed' ? (
              <button type="submit" className="button button--primary" disabled={busy || !file}>
                {step.status === 'previewing' ? t('newDocument.reading') : t('newDocument.preview')}
              </button>
            ) : (
              <button type="submit" className="button button--primary" disabled={busy}>
                {step.status === 'creating' ? t('newDocument.creating') : t('newDocument.create')}
              </button>
            )}
          </div>
        </form>
      )}
    </Modal>
  );
}

function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const t = useT();
  return (
    <section className="import-preview" aria-label={t('newDocument.previewLabel')} data-testid="import-preview">
      <p>
        <FormattedMessage
          id="newDocument.summary"
          values={{ title: preview.title, sections: preview.sections.length, words: preview.words, strong }}
        />
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
          <p>{t('newDocument.notKept')}</p>
          <ul>
            {preview.notKept.map((item) => (
              <li key={item.message}>{item.words ? t(item.words.key, item.words.values) : item.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">{t('newDocument.allKept')}</p>
      )}
    </section>
  );
}
