/** What an unknown address or an unknown document shows: plain words and a way back. */
import { AppHeader } from '../components/AppHeader.tsx';
import { Link } from '../router.tsx';
import { useDocumentTitle } from '../useDocumentTitle.ts';

export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'document' }) {
  const title = what === 'document' ? 'Document not found' : 'Page not found';
  useDocumentTitle(title);
  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} className="page" data-testid="not-found">
        <h1>{title}</h1>
        <p className="lead">
          {what === 'document'
            ? 'There is no document at this address. The link may be mistyped, or the document may have been removed.'
            : 'There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date.'}
        </p>
        <p>
          <Link href="/">Go to the list of documents</Link>
        </p>
      </main>
    </>
  );
}
