/** A whole-page message for the moments before there is anything else to show. */
import { useT } from '../i18n/LanguageProvider.tsx';
import { BOOT_WAIT } from '../bootText.ts';

export function StatusScreen({ message, action, alert = false }: { message: string; action?: { label: string; onClick: () => void }; alert?: boolean }) {
  const t = useT();
  return (
    <main className="status-screen" id="main" tabIndex={-1}>
      <p className="brand brand--dark">{t('brand.name')}</p>
      <p role={alert ? 'alert' : 'status'} {...(alert ? {} : BOOT_WAIT)}>
        {message}
      </p>
      {action && (
        <button type="button" className="button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </main>
  );
}
