/** Naming the text as it is now, so it can be read, compared and restored later. */
import { useState, type FormEvent } from 'react';
import { MAX_TITLE_CHARS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { versionsApi, type VersionSummary } from './versionsApi.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function NameVersionForm({ documentId, onCreated }: { documentId: string; onCreated: (version: VersionSummary) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('versions.nameMissing'));
    if (trimmed.length > MAX_TITLE_CHARS) return setError(t('versions.nameTooLong', { max: MAX_TITLE_CHARS }));
    setBusy(true);
    setError(null);
    try {
      onCreated(await versionsApi.create(documentId, trimmed));
      setName('');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="name-version" onSubmit={submit} noValidate data-testid="name-version">
      <Field label={t('versions.nameLabel')} hint={t('versions.nameHint')} error={error}>
        {(control) => <input {...control} className="input" value={name} maxLength={MAX_TITLE_CHARS + 50} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('settings.saving') : t('versions.nameSubmit')}
      </button>
    </form>
  );
}
