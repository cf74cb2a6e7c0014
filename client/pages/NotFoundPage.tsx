/** What an unknown address or an unknown document shows: plain words and a way back. */
import { AppHeader } from '../components/AppHeader.tsx';
import { Link } from '../router.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'document' }) {
  const t = useT();
  const title = what === 'document' ? t('notFound.document') : t('notFound.page');
  useDocumentTitle(title);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page" data-testid="not-found">
        <h1>{title}</h1>
        <p className="lead">
          {what === 'document' ? t('notFound.documentText') : t('notFound.pageText')}
        </p>
        <p>
          <Link href="/">{t('notFound.back')}</Link>
        </p>
      </main>
    </>
  );
}
