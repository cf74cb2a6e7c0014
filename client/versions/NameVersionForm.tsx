/** Naming the text as it is now, so it can be read, compared and restored later. */
import { useState, type FormEvent } from 'react';
import { MAX_TITLE_CHARS } from '../../shared/limits.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { versionsApi, type VersionSummary } from './versionsApi.ts';

export function NameVersionForm({ documentId, onCreated }: { documentId: string; onCreated: (version: VersionSummary) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the version a name.');
    if (trimmed.length > MAX_TITLE_CHARS) return setError(`The name can be at most ${MAX_TITLE_CHARS} characters.`);
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
      <Field label="Name a version of the current text" hint="For example: “After the working group meeting of 12 May”." error={error}>
        {(control) => <input {...control} className="input" value={name} maxLength={MAX_TITLE_CHARS + 50} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save this version'}
      </button>
    </form>
  );
}
