/**
 * The shell: waits for the session, sends signed-out visitors to the sign-in page (and back where
 * they were going afterwards), and picks the page for the current path.
 */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { DOCUMENT_ID_PATTERN } from '../shared/limits.ts';
import { SessionProvider, useSession } from './session.tsx';
import { matchRoute, navigate, usePath } from './router.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { DocumentsPage } from './pages/DocumentsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { StatusScreen } from './components/StatusScreen.tsx';
import { LoadingPage } from './components/LoadingPage.tsx';
import { LanguageProvider, useT } from './i18n/LanguageProvider.tsx';
import { loadDocumentPage, loadedDocumentPage, type DocumentPageModule } from './prefetch.ts';
// Each of these is used by few people or rarely: loaded when first opened.
const PeoplePage = lazy(() => import('./people/PeoplePage.tsx').then((module) => ({ default: module.PeoplePage })));
const SettingsPage = lazy(() => import('./settings/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })));
const MyCommentsPage = lazy(() => import('./mine/MyCommentsPage.tsx').then((module) => ({ default: module.MyCommentsPage })));
const OutboxPage = lazy(() => import('./outbox/OutboxPage.tsx').then((module) => ({ default: module.OutboxPage })));
const AuditPage = lazy(() => import('./audit/AuditPage.tsx').then((module) => ({ default: module.AuditPage })));
const ReportPage = lazy(() => import('./report/ReportPage.tsx').then((module) => ({ default: module.ReportPage })));
const VersionsPage = lazy(() => import('./versions/VersionsPage.tsx').then((module) => ({ default: module.VersionsPage })));
const VersionPage = lazy(() => import('./versions/VersionPage.tsx').then((module) => ({ default: module.VersionPage })));
const ReviewPage = lazy(() => import('./review/ReviewPage.tsx').then((module) => ({ default: module.ReviewPage })));

// The accessibility statement, the one page open to everyone, signed in or not.
const AccessibilityPage = lazy(() => import('./pages/AccessibilityPage.tsx').then((module) => ({ default: module.AccessibilityPage })));
const MembersPage = lazy(() => import('./members/MembersPage.tsx').then((module) => ({ default: module.MembersPage })));
const DOCUMENT_VIEWS = { report: ReportPage, versions: VersionsPage, review: ReviewPage, members: MembersPage };

export function App() {
  return (
    <SessionProvider>
      <InPersonsLanguage>
        <Pages />
      </InPersonsLanguage>
    </SessionProvider>
  );
}

/** The interface speaks the signed-in person's language; before sign-in, the browser's. */
function InPersonsLanguage({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return <LanguageProvider personLanguage={state.status === 'signed-in' ? state.person.language : null}>{children}</LanguageProvider>;
}

function Pages() {
  const { state, retry } = useSession();
  const t = useT();
  const path = usePath();
  const route = matchRoute(path);
  /** Where a signed-out visitor was going, so sign-in can take them there. */
  const returnTo = useRef<string | null>(null);
  const previousPath = useRef(path);

  // After an in-app navigation, start screen readers and the Tab key at the new page's content.
  useEffect(() => {
    if (previousPath.current === path) return;
    previousPath.current = path;
    const frame = requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [path]);

  useEffect(() => {
    if (state.status === 'signed-out' && route.name !== 'sign-in' && route.name !== 'accessibility') {
      if (route.name !== 'not-found') returnTo.current = path;
      navigate('/sign-in', { replace: true });
    } else if (state.status === 'signed-in' && route.name === 'sign-in') {
      const target = returnTo.current ?? '/';
      returnTo.current = null;
      navigate(target, { replace: true });
    }
  }, [state.status, route.name, path]);

  if (state.status === 'loading') return <StatusScreen message={t('app.loading')} />;
  if (state.status === 'error') {
    return <StatusScreen message={t('app.unreachable')} action={{ label: t('load.retry'), onClick: retry }} alert />;
  }
  if (route.name === 'accessibility') {
    return (
      <Suspense fallback={state.status === 'signed-in' ? <LoadingPage message={t('app.loadingPage')} /> : <StatusScreen message={t('app.loadingPage')} />}>
        <AccessibilityPage signedIn={state.status === 'signed-in'} />
      </Suspense>
    );
  }
  if (state.status === 'signed-out') return route.name === 'sign-in' ? <SignInPage notice={state.notice} /> : null;
  switch (route.name) {
    case 'sign-in':
      return null;
    case 'documents':
      return <DocumentsPage />;
    case 'document':
      // Not even a possible id: no need to ask the server (which would call it invalid input).
      if (!DOCUMENT_ID_PATTERN.test(route.id)) return <NotFoundPage what="document" />;
      return <DocumentRoute key={route.id} documentId={route.id} />;
    case 'people':
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <PeoplePage />
        </Suspense>
      );
    case 'audit':
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <AuditPage />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <SettingsPage />
        </Suspense>
      );
    case 'my-comments':
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <MyCommentsPage />
        </Suspense>
      );
    case 'outbox':
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <OutboxPage />
        </Suspense>
      );
    case 'document-view': {
      if (!DOCUMENT_ID_PATTERN.test(route.id)) return <NotFoundPage what="document" />;
      const View = DOCUMENT_VIEWS[route.view];
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <View key={route.id} documentId={route.id} />
        </Suspense>
      );
    }
    case 'version':
      if (!DOCUMENT_ID_PATTERN.test(route.id)) return <NotFoundPage what="document" />;
      return (
        <Suspense fallback={<LoadingPage message={t('app.loadingPage')} />}>
          <VersionPage key={`${route.id}/${route.versionId}`} documentId={route.id} versionId={route.versionId} />
        </Suspense>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}

/**
 * The document page, once its script is here (prefetch.ts usually has it by the time the session
 * is known). Not React.lazy: after a Suspense fallback has shown, React holds the revealed page back
 * for up to 300 ms, which was a third of the time to the first line of text.
 */
function DocumentRoute({ documentId }: { documentId: string }) {
  const t = useT();
  const [page, setPage] = useState<{ module?: DocumentPageModule; failed?: boolean }>(() => ({ module: loadedDocumentPage() }));
  useEffect(() => {
    if (page.module || page.failed) return;
    let current = true;
    loadDocumentPage().then(
      (module) => current && setPage({ module }),
      () => current && setPage({ failed: true }),
    );
    return () => {
      current = false;
    };
  }, [page]);
  if (page.module) return <page.module.DocumentPage documentId={documentId} />;
  if (page.failed) return <StatusScreen message={t('app.unreachable')} action={{ label: t('load.retry'), onClick: () => setPage({}) }} alert />;
  return <LoadingPage message={t('app.loadingDocument')} />;
}
