/** What a page shows when its data could not be loaded: the role message for a 403, else the server's words and a retry. */
import { Link } from '../router.tsx';
import type { LoadFailure } from './useResource.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function Forbidden() {
  const t = useT();
  return (
    <div className="notice notice--error" role="alert" data-testid="forbidden">
      <p>
        <strong>{t('load.forbidden')}</strong>
      </p>
      <p>
        {t('load.forbiddenHelp')} <Link href="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}

export function LoadError({ failure, onRetry }: { failure: LoadFailure; onRetry: () => void }) {
  const t = useT();
  if (failure.forbidden) return <Forbidden />;
  return (
    <div className="notice notice--error" role="alert">
      <p>{failure.message}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('load.retry')}
      </button>
    </div>
  );
}
