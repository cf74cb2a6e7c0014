/**
 * A very small router on the History API: the current path as React state, navigate(), and a Link
 * that keeps ordinary links working (new tab, copy address) while avoiding full page loads.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'accord:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type DocumentView = 'report' | 'versions' | 'review' | 'members';

export type Route =
  | { name: 'sign-in' }
  | { name: 'documents' }
  | { name: 'people' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'outbox' }
  | { name: 'my-comments' }
  | { name: 'accessibility' }
  | { name: 'document'; id: string }
  | { name: 'document-view'; id: string; view: DocumentView }
  | { name: 'version'; id: string; versionId: string }
  | { name: 'not-found' };

/** The parts of a path after a prefix, decoded; null when a part is not valid percent-encoding. */
function parts(match: RegExpExecArray): string[] | null {
  try {
    return match.slice(1).map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}

export function matchRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (trimmed === '/sign-in') return { name: 'sign-in' };
  if (trimmed === '/') return { name: 'documents' };
  if (trimmed === '/people') return { name: 'people' };
  if (trimmed === '/audit') return { name: 'audit' };
  if (trimmed === '/settings') return { name: 'settings' };
  if (trimmed === '/outbox') return { name: 'outbox' };
  if (trimmed === '/my-comments') return { name: 'my-comments' };
  if (trimmed === '/accessibility') return { name: 'accessibility' };
  const document = /^\/documents\/([^/]+)$/.exec(trimmed);
  const view = /^\/documents\/([^/]+)\/(report|versions|review|members)$/.exec(trimmed);
  const version = /^\/documents\/([^/]+)\/versions\/([^/]+)$/.exec(trimmed);
  const [first, second] = (document && parts(document)) ?? (view && parts(view)) ?? (version && parts(version)) ?? [];
  if (!first) return { name: 'not-found' };
  if (document) return { name: 'document', id: first };
  if (view) return { name: 'document-view', id: first, view: second as DocumentView };
  return second ? { name: 'version', id: first, versionId: second } : { name: 'not-found' };
}

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

export function documentViewPath(id: string, view: DocumentView): string {
  return `${documentPath(id)}/${view}`;
}

export function versionPath(id: string, versionId: string): string {
  return `${documentViewPath(id, 'versions')}/${encodeURIComponent(versionId)}`;
}

export function Link({ href, onClick, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
