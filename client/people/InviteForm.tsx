/**
 * The invitation form: who the person is and what they may do. Checks each field as it is left and
 * everything on submit (focusing the first problem), and puts the server's refusals beside the field
 * they are about.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentListEntry, InviteResult } from '../../shared/api.ts';
import { ROLES, STAKEHOLDERS, type Role } from '../../shared/domain.ts';
import { LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { LANGUAGES, type Language } from '../../shared/notifications.ts';
import { api, errorMessage } from '../api.ts';
import { DocumentChoice, isArchived } from './DocumentChoice.tsx';
import { Field } from '../components/Field.tsx';
import { useLanguage, useT } from '../i18n/LanguageProvider.tsx';
import { countriesByName } from './countries.ts';
import { EMPTY_INVITE, fieldOfServerMessage, toNewPerson, validateInvite, type InviteErrors, type InviteFields } from './inviteValidation.ts';
import { peopleApi } from './peopleApi.ts';
import { roleDescription } from './roles.ts';

interface InviteFormProps {
  existingEmails: ReadonlySet<string>;
  onInvited: (result: InviteResult) => void;
}

const everyOpenDocument = (list: readonly DocumentListEntry[]) => new Set(list.filter((d) => !isArchived(d)).map((d) => d.id));

const ORDER: Array<keyof InviteFields> = ['name', 'email', 'role', 'country', 'stakeholder', 'organisation'];

export function InviteForm({ existingEmails, onInvited }: InviteFormProps) {
  const t = useT();
  const [fields, setFields] = useState<InviteFields>(EMPTY_INVITE);
  const [left, setLeft] = useState<ReadonlySet<keyof InviteFields>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<InviteErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Their e-mails are first suggested in the inviter's interface language (which follows a switch) until chosen.
  const interfaceLanguage = useLanguage().language;
  const [chosenLanguage, setLanguage] = useState<Language | null>(null);
  const language = chosenLanguage ?? interfaceLanguage;
  const form = useRef<HTMLFormElement>(null);
  // Which documents they join; until the list arrives, the server's default: every one not archived.
  const [documents, setDocuments] = useState<DocumentListEntry[] | null>(null);
  const [chosenDocuments, setChosenDocuments] = useState<Set<string>>(new Set());
  useEffect(() => {
    api.documents().then(
      (list) => {
        setDocuments(list);
        setChosenDocuments(everyOpenDocument(list));
      },
      () => setDocuments(null),
    );
  }, []);

  const checked = validateInvite(fields, existingEmails);
  // Before the first submit, only fields the person has filled in and left are judged.
  const shown = (name: keyof InviteFields) => serverErrors[name] ?? (submitted || (left.has(name) && fields[name] !== '') ? checked[name] : undefined);
  const problems = ORDER.filter((name) => shown(name));

  const set = (name: keyof InviteFields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setServerErrors((current) => ({ ...current, [name]: undefined }));
  };
  const leave = (name: keyof InviteFields) => () => setLeft((current) => new Set(current).add(name));
  const focusField = (name: keyof InviteFields) => (form.current?.elements.namedItem(name) as HTMLElement | null)?.focus();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const first = ORDER.find((name) => checked[name]);
    if (first) {
      focusField(first);
      return;
    }
    setBusy(true);
    try {
      const person = { ...toNewPerson(fields), language };
      const result = await peopleApi.invite(documents && person.role !== 'secretariat' ? { ...person, documents: [...chosenDocuments] } : person);
      setFields(EMPTY_INVITE);
      setLanguage(null);
      if (documents) setChosenDocuments(everyOpenDocument(documents));
      setLeft(new Set());
      setSubmitted(false);
      onInvited(result);
    } catch (failure) {
      const message = errorMessage(failure);
      const placed = fieldOfServerMessage(message);
      if (placed) {
        setServerErrors({ [placed.field]: placed.message });
        focusField(placed.field);
      } else setFormError(message);
    } finally {
      setBusy(false);
    }
  };

  const role = fields.role as Role | '';
  return (
    <form ref={form} onSubmit={submit} noValidate aria-describedby="invite-intro" data-testid="invite-form">
      {submitted && problems.length > 0 && (
        <p className="notice notice--error" role="alert">
          {t('invite.attentionCount', { count: problems.length })}
        </p>
      )}
      {formError && (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('invite.name')} error={shown('name')}>
          {(control) => <input {...control} name="name" className="input" autoComplete="off" value={fields.name} onChange={(e) => set('name')(e.target.value)} onBlur={leave('name')} />}
        </Field>
        <Field label={t('invite.email')} hint={t('invite.emailHint')} error={shown('email')}>
          {(control) => (
            <input {...control} name="email" type="email" className="input" autoComplete="off" spellCheck={false} value={fields.email} onChange={(e) => set('email')(e.target.value)} onBlur={leave('email')} />
          )}
        </Field>
        <Field label={t('invite.role')} hint={role ? roleDescription(role) : t('invite.roleHint')} error={shown('role')}>
          {(control) => (
            <select {...control} name="role" className="select" value={fields.role} onChange={(e) => set('role')(e.target.value)} onBlur={leave('role')}>
              <option value="">{t('invite.chooseRole')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('invite.country')} hint={t('invite.countryHint')} error={shown('country')}>
          {(control) => (
            <select {...control} name="country" className="select" value={fields.country} onChange={(e) => set('country')(e.target.value)} onBlur={leave('country')}>
              <option value="">{t('invite.chooseCountry')}</option>
              {countriesByName().map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('invite.stakeholder')} hint={t('invite.stakeholderHint')} error={shown('stakeholder')}>
          {(control) => (
            <select {...control} name="stakeholder" className="select" value={fields.stakeholder} onChange={(e) => set('stakeholder')(e.target.value)} onBlur={leave('stakeholder')}>
              <option value="">{t('invite.chooseGroup')}</option>
              {STAKEHOLDERS.map((s) => (
                <option key={s} value={s}>
                  {t(`stakeholder.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={<>{t('invite.organisation')} <span className="muted">{t('field.optional')}</span></>} hint={t('invite.organisationHint')} error={shown('organisation')}>
          {(control) => (
            <input {...control} name="organisation" className="input" autoComplete="off" value={fields.organisation} onChange={(e) => set('organisation')(e.target.value)} onBlur={leave('organisation')} />
          )}
        </Field>
        <Field label={t('invite.language')} hint={t('invite.languageHint')}>
          {(control) => (
            <select {...control} name="language" className="select" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {role === 'secretariat' ? (
        <p className="field__hint">{t('invite.secretariatEverywhere')}</p>
      ) : (
        documents && <DocumentChoice documents={documents} chosen={chosenDocuments} onChange={setChosenDocuments} />
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('invite.busy') : t('invite.submit')}
      </button>
    </form>
  );
}
