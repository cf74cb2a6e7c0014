/** Sign-in with the link or token from an invitation. There is no other way in, by design. */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api.ts';
import { useSession } from '../session.tsx';
import { tokenFromInput } from '../signInToken.ts';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { Link } from '../router.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

export function SignInPage({ notice }: { notice: string | null }) {
  const t = useT();
  useDocumentTitle(t('signIn.title'));
  const { signIn } = useSession();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromInput(value);
    if (!token) {
      setError(t('signIn.empty'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(token);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <header className="sign-in__brand">
        <p className="brand brand--dark">{t('brand.name')}</p>
        <p className="sign-in__tagline">{t('signIn.tagline')}</p>
        <LanguageSwitch tone="plain" />
        <p className="sign-in__a11y">
          <Link href="/accessibility">{t('a11y.link')}</Link>
        </p>
      </header>
      <main id="main" tabIndex={-1} className="sign-in__card">
        <h1>{t('signIn.title')}</h1>
        {notice && (
          <output className="notice notice--info">
            {notice}
          </output>
        )}
        <p className="sign-in__intro">{t('signIn.intro')}</p>
        <form onSubmit={submit} noValidate>
          <div className={`field${error ? ' field--error' : ''}`}>
            <label htmlFor={fieldId} className="field__label">
              {t('signIn.field')}
            </label>
            <p id={`${fieldId}-hint`} className="field__hint">
              {t('signIn.hint')}
            </p>
            {error && (
              <p id={`${fieldId}-error`} className="field__error" role="alert">
                {error}
              </p>
            )}
            <input
              id={fieldId}
              name="token"
              className="input"
              type="text"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
        <p className="sign-in__help">{t('signIn.help')}</p>
      </main>
    </div>
  );
}
