/**
 * Correcting a person's details: name, e-mail address, country, organisation, stakeholder group and
 * the language of their e-mails. Only what changed is sent; the server's refusal (an address already
 * taken, a malformed one) is shown beside its field. The role has its own dialog (ChangeRoleDialog).
 */
import { useRef, useState, type FormEvent } from 'react';
import { STAKEHOLDERS, type Stakeholder } from '../../shared/domain.ts';
import { LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { LANGUAGES, type Language } from '../../shared/notifications.ts';
import { errorMessage } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { countriesByName, isCountryCode } from './countries.ts';
import { fieldOfServerMessage, type InviteErrors } from './inviteValidation.ts';
import { peopleApi, type ManagedPerson, type PersonChange } from './peopleApi.ts';

interface EditPersonDialogProps {
  person: ManagedPerson;
  onChanged: (person: ManagedPerson) => void;
  onClose: () => void;
}

type Details = Pick<ManagedPerson, 'name' | 'email' | 'country' | 'organisation' | 'stakeholder' | 'language'>;

export function EditPersonDialog({ person, onChanged, onClose }: EditPersonDialogProps) {
  const t = useT();
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
    <Modal title={t('editPerson.title', { name: person.name })} initialFocus={nameInput} onClose={onClose} testId="edit-person-dialog">
      {(close, ids) => {
        const submit = async (event: FormEvent) => {
          event.preventDefault();
          const change: PersonChange = {};
          for (const key of Object.keys(details) as Array<keyof Details>) {
            const value = typeof details[key] === 'string' ? details[key].trim() : details[key];
            if (value !== person[key]) Object.assign(change, { [key]: value });
          }
          if (Object.keys(change).length === 0) return close();
          if (change.name === '') return setErrors({ name: t('invite.error.name') });
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
            <p id={ids.body}>{t('editPerson.intro')}</p>
            {formError && (
              <p className="notice notice--error" role="alert">
                {formError}
              </p>
            )}
            <Field label={t('invite.name')} error={errors.name}>
              {(control) => <input {...control} ref={nameInput} className="input" autoComplete="off" value={details.name} onChange={(e) => set('name')(e.target.value)} />}
            </Field>
            <Field label={t('invite.email')} error={errors.email}>
              {(control) => <input {...control} type="email" className="input" autoComplete="off" spellCheck={false} value={details.email} onChange={(e) => set('email')(e.target.value)} />}
            </Field>
            <Field label={t('invite.country')} error={errors.country}>
              {(control) => (
                <select {...control} className="select" value={details.country} onChange={(e) => set('country')(e.target.value)}>
                  {!isCountryCode(details.country) && <option value={details.country}>{details.country}</option>}
                  {countriesByName().map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={<>{t('invite.organisation')} <span className="muted">{t('field.optional')}</span></>} error={errors.organisation}>
              {(control) => <input {...control} className="input" autoComplete="off" value={details.organisation} onChange={(e) => set('organisation')(e.target.value)} />}
            </Field>
            <Field label={t('invite.stakeholder')} error={errors.stakeholder}>
              {(control) => (
                <select {...control} className="select" value={details.stakeholder} onChange={(e) => set('stakeholder')(e.target.value as Stakeholder)}>
                  {STAKEHOLDERS.map((s) => (
                    <option key={s} value={s}>
                      {t(`stakeholder.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('invite.language')}>
              {(control) => (
                <select {...control} className="select" value={details.language} onChange={(e) => set('language')(e.target.value as Language)}>
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l} lang={l}>
                      {LANGUAGE_NAMES[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="dialog__actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t('editPerson.saving') : t('editPerson.save')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={close}>
                {t('dialog.cancel')}
              </button>
            </div>
          </form>
        );
      }}
    </Modal>
  );
}
