/**
 * /settings, for everyone: the language of one's e-mails, and for each kind of message whether it
 * comes at once, in a daily digest, or not at all. Invitations and sign-in links always come.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { DELIVERIES, DELIVERY_LABELS, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type Delivery, type Language, type NotificationKind } from '../../shared/notifications.ts';
import { errorMessage } from '../api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { settingsApi, type MailSettings } from './settingsApi.ts';
import '../components/pages.css';
import './settings.css';

const LANGUAGE_LABELS: Record<Language, string> = { en: 'English', fr: 'Français' };

export function SettingsPage() {
  useDocumentTitle('E-mail settings');
  const load = useCallback(() => settingsApi.get(), []);
  const { state, retry } = useResource(load);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>E-mail settings</h1>
        <p className="lead">Choose the language of your e-mails and which ones you receive. Invitations and sign-in links are always sent.</p>
        {state.status === 'loading' && <p>Loading…</p>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && <SettingsForm initial={state.data} />}
      </main>
    </>
  );
}

function SettingsForm({ initial }: { initial: MailSettings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (kind: NotificationKind, delivery: Delivery) => {
    setSettings((current) => ({ ...current, notifications: { ...current.notifications, [kind]: delivery } }));
    setStatus(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await settingsApi.save(settings);
      setSettings({ language: saved.person.language, notifications: saved.notifications });
      setStatus({ text: 'Saved.', error: false });
    } catch (failure) {
      setStatus({ text: errorMessage(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} className="settings-form" data-testid="settings-form">
      <div className="field">
        <label htmlFor="mail-language" className="field__label">
          Language of your e-mails
        </label>
        <select
          id="mail-language"
          className="input settings-form__language"
          value={settings.language}
          onChange={(event) => {
            setSettings((current) => ({ ...current, language: event.target.value as Language }));
            setStatus(null);
          }}
        >
          {(Object.keys(LANGUAGE_LABELS) as Language[]).map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_LABELS[language]}
            </option>
          ))}
        </select>
      </div>
      {NOTIFICATION_KINDS.map((kind) => (
        <fieldset key={kind} className="settings-form__kind" data-kind={kind}>
          <legend>{NOTIFICATION_KIND_LABELS[kind]}</legend>
          <div className="settings-form__choices">
            {DELIVERIES.map((delivery) => (
              <label key={delivery} className="settings-form__choice">
                <input type="radio" name={kind} value={delivery} checked={settings.notifications[kind] === delivery} onChange={() => choose(kind, delivery)} />
                {DELIVERY_LABELS[delivery]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <output className={status?.error ? 'field__error' : 'settings-form__saved'} role={status?.error ? 'alert' : 'status'}>
          {status?.text}
        </output>
      </div>
    </form>
  );
}
