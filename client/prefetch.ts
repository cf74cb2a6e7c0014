/**
 * What the first page will ask for anyway, started at once: the document page's script and the
 * document itself travel together with the session check, instead of one after another (page, app
 * script, session, page script, document). Only the first load of the page a visitor opened is
 * prefetched; every later fetch goes through the page as usual.
 */
import type { DocumentDetail } from '../shared/api.ts';
import { DOCUMENT_ID_PATTERN } from '../shared/limits.ts';
import { api } from './api.ts';
import { matchRoute } from './router.tsx';

export const loadDocumentPage = () => import('./pages/DocumentPage.tsx');

const documents = new Map<string, Promise<DocumentDetail>>();

export function prefetchFor(path: string): void {
  const route = matchRoute(path);
  if (route.name !== 'document' || !DOCUMENT_ID_PATTERN.test(route.id)) return;
  void loadDocumentPage();
  const detail = api.document(route.id);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  detail.catch(() => undefined);
  documents.set(route.id, detail);
}

/**
 * The prefetched document, once: a second call (a refresh) must ask the server again. A prefetch
 * that failed is asked again too: it may have gone out before the person signed in.
 */
export function takePrefetchedDocument(id: string): Promise<DocumentDetail> | undefined {
  const detail = documents.get(id);
  documents.delete(id);
  return detail?.catch(() => api.document(id));
}
