/**
 * /settings, for everyone: one's language (of the interface and of the e-mails alike), and for each
 * kind of message whether it comes at once, in a daily digest, or not at all. Invitations and
 * sign-in links always come.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { DELIVERIES, NOTIFICATION_KINDS, type Delivery, type Language, type NotificationKind } from '../../shared/notifications.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n/languages.ts';
import { useLanguage, useT } from '../i18n/LanguageProvider.tsx';
import { errorMessage } from '../api.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { useResource } from '../components/useResource.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { settingsApi, type MailSettings } from './settingsApi.ts';
import '../components/pages.css';
import './settings.css';

export function SettingsPage() {
  const t = useT();
  useDocumentTitle(t('settings.title'));
  const load = useCallback(() => settingsApi.get(), []);
  const { state, retry } = useResource(load);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page">
        <h1>{t('settings.title')}</h1>
        <p className="lead">{t('settings.lead')}</p>
        {state.status === 'loading' && <output className="placeholder">{t('app.loadingPage')}</output>}
        {state.status === 'error' && <LoadError failure={state} onRetry={retry} />}
        {state.status === 'ready' && <SettingsForm initial={state.data} />}
      </main>
    </>
  );
}

function SettingsForm({ initial }: { initial: MailSettings }) {
  const t = useT();
  const interfaceLanguage = useLanguage();
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
      // One language for both: the interface follows the one just saved (already stored, so no second save).
      await interfaceLanguage.choose(saved.person.language);
      // The words are chosen when shown, in the language just switched to.
      setStatus({ text: '', error: false });
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
          {t('settings.language')}
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
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </select>
      </div>
      {NOTIFICATION_KINDS.map((kind) => (
        <fieldset key={kind} className="settings-form__kind" data-kind={kind}>
          <legend>{t(`notifications.${kind}`)}</legend>
          <div className="settings-form__choices">
            {DELIVERIES.map((delivery) => (
              <label key={delivery} className="settings-form__choice">
                <input type="radio" name={kind} value={delivery} checked={settings.notifications[kind] === delivery} onChange={() => choose(kind, delivery)} />
                {t(`delivery.${delivery}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('settings.saving') : t('settings.save')}
        </button>
        <output className={status?.error ? 'field__error' : 'settings-form__saved'} role={status?.error ? 'alert' : 'status'}>
          {status && (status.error ? status.text : t('settings.saved'))}
        </output>
      </div>
    </form>
  );
}
