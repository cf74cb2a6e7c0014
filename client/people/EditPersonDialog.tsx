/**
 * Correcting a person's details: name, e-mail address, country, organisation, stakeholder group and
 * the language of their e-mails. Only what changed is sent; the server's refusal (an address already
 * taken, a malformed one) is shown beside its field. The role has its own dialog (ChangeRoleDialog).
 */
import { useRef, useState, type FormEvent } from 'react';
import { STAKEHOLDER_LABELS, STAKEHOLDERS, type Stakeholder } from '../../shared/domain.ts';
import { LANGUAGES, type Language } from '../../shared/notifications.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { COUNTRIES } from './countries.ts';
import { fieldOfServerMessage, type InviteErrors } from './inviteValidation.ts';
import { peopleApi, type ManagedPerson, type PersonChange } from './peopleApi.ts';

interface EditPersonDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

type Details = Pick<ManagedPerson, 'name' | 'email' | 'country' | 'organisation' | 'stakeholder' | 'language'>;

export function EditPersonDialog({ person, onChanged, onClose }: EditPersonDialogProps) {
  const [details, setDetails] = useState<Details>({
    name: person.name,
    email: person.email,
    country: person.country,
    organisation: person.organisation,
    stakeholder: person.stakeholder,
    language: person.language,
  });
  const [errors, setErrors] = useState<InviteErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const set = <K extends keyof Details>(key: K) => (value: Details[K]) => {
    setDetails((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  return (
    <Modal title={`Edit the details of ${person.name}`} initialFocus={nameInput} onClose={onClose} testId="edit-person-dialog">
      {(close, ids) => {
        const submit = async (event: FormEvent) => {
          event.preventDefault();
          const change: PersonChange = {};
          for (const key of Object.keys(details) as Array<keyof Details>) {
            const value = typeof details[key] === 'string' ? details[key].trim() : details[key];
            if (value !== person[key]) Object.assign(change, { [key]: value });
          }
          if (Object.keys(change).length === 0) return close();
          if (change.name === '') return setErrors({ name: 'Enter the person’s full name.' });
          setBusy(true);
          setFormError(null);
          try {
            onChanged(await peopleApi.change(person.id, change));
            close();
          } catch (failure) {
            const message = errorMessage(failure);
            const placed = fieldOfServerMessage(message);
            if (placed) setErrors({ [placed.field]: placed.message });
            else setFormError(message);
            setBusy(false);
          }
        };
        return (
          <form onSubmit={submit} noValidate>
            <p id={ids.body}>Their sign-in link, role and documents stay as they are. A new e-mail address is used from the next message on.</p>
            {formError && (
              <p className="notice notice--error" role="alert">
                {formError}
              </p>
            )}
            <Field label="Full name" error={errors.name}>
              {(control) => <input {...control} ref={nameInput} className="input" autoComplete="off" value={details.name} onChange={(e) => set('name')(e.target.value)} />}
            </Field>
            <Field label="Email address" error={errors.email}>
              {(control) => <input {...control} type="email" className="input" autoComplete="off" spellCheck={false} value={details.email} onChange={(e) => set('email')(e.target.value)} />}
            </Field>
            <Field label="Country" error={errors.country}>
              {(control) => (
                <select {...control} className="select" value={details.country} onChange={(e) => set('country')(e.target.value)}>
                  {!COUNTRIES.some((c) => c.code === details.country) && <option value={details.country}>{details.country}</option>}
                  {COUNTRIES.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={<>Organisation <span className="muted">(optional)</span></>} error={errors.organisation}>
              {(control) => <input {...control} className="input" autoComplete="off" value={details.organisation} onChange={(e) => set('organisation')(e.target.value)} />}
            </Field>
            <Field label="Stakeholder group" error={errors.stakeholder}>
              {(control) => (
                <select {...control} className="select" value={details.stakeholder} onChange={(e) => set('stakeholder')(e.target.value as Stakeholder)}>
                  {STAKEHOLDERS.map((s) => (
                    <option key={s} value={s}>
                      {STAKEHOLDER_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Language of their e-mails">
              {(control) => (
                <select {...control} className="select" value={details.language} onChange={(e) => set('language')(e.target.value as Language)}>
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l} lang={l}>
                      {l === 'fr' ? 'Français' : 'English'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Saving…' : 'Save details'}
              </button>
              <button type="button" className="button" disabled={busy} onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        );
      }}
    </Modal>
  );
}
