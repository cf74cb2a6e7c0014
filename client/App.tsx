/**
 * The shell: waits for the session, sends signed-out visitors to the sign-in page (and back where
 * they were going afterwards), and picks the page for the current path.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { SessionProvider, useSession } from './session.tsx';
import { matchRoute, navigate, usePath } from './router.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { DocumentsPage } from './pages/DocumentsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { StatusScreen } from './components/StatusScreen.tsx';
import { LoadingPage } from './components/LoadingPage.tsx';

// The editor and Yjs are most of the code; sign-in and the list should not wait for them.
const DocumentPage = lazy(() => import('./pages/DocumentPage.tsx').then((module) => ({ default: module.DocumentPage })));

export function App() {
  return (
    <SessionProvider>
      <Pages />
    </SessionProvider>
  );
}

function Pages() {
  const { state, retry } = useSession();
  const path = usePath();
  const route = matchRoute(path);
  /** Where a signed-out visitor was going, so sign-in can take them there. */
  const returnTo = useRef<string | null>(null);

  useEffect(() => {
    if (state.status === 'signed-out' && route.name !== 'sign-in') {
      if (route.name !== 'not-found') returnTo.current = path;
      navigate('/sign-in', { replace: true });
    } else if (state.status === 'signed-in' && route.name === 'sign-in') {
      const target = returnTo.current ?? '/';
      returnTo.current = null;
      navigate(target, { replace: true });
    }
  }, [state.status, route.name, path]);

  if (state.status === 'loading') return <StatusScreen message="Loading Accord…" />;
  if (state.status === 'error') {
    return <StatusScreen message="Accord could not reach the server." action={{ label: 'Try again', onClick: retry }} alert />;
  }
  if (state.status === 'signed-out') return route.name === 'sign-in' ? <SignInPage notice={state.notice} /> : null;
  switch (route.name) {
    case 'sign-in':
      return null;
    case 'documents':
      return <DocumentsPage />;
    case 'document':
      return (
        <Suspense fallback={<LoadingPage message="Loading the document…" />}>
          <DocumentPage key={route.id} documentId={route.id} />
        </Suspense>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}
