/**
 * What the first page will ask for anyway, started at once: the session, and on a document's page
 * its script and the document itself, travel together instead of one after another (page, app
 * script, session, page script, document), and the text's socket and the comments' stream open as
 * soon as the session, the document and their own small script are here, without waiting for the
 * editor's. Only the first load of the page a visitor opened is
 * prefetched; every later fetch goes through the page as usual.
 */
import type { DocumentDetail, Person, TextSnapshot } from '../shared/api.ts';
import { DOCUMENT_ID_PATTERN } from '../shared/limits.ts';
import { api } from './api.ts';
import { matchRoute } from './router.tsx';

// The editor and Yjs are most of the code; sign-in and the list do not wait for them.
export type DocumentPageModule = typeof import('./pages/DocumentPage.tsx');
let documentPage: DocumentPageModule | undefined;

export const loadDocumentPage = (): Promise<DocumentPageModule> =>
  import('./pages/DocumentPage.tsx').then((module) => (documentPage = module));

/** The document page's module once it has arrived, so that rendering it need not suspend. */
export const loadedDocumentPage = (): DocumentPageModule | undefined => documentPage;

const documents = new Map<string, Promise<DocumentDetail>>();
/**
 * Each text snapshot on its way, replaced by the snapshot itself once it has arrived, so that the
 * page's first render can draw it at once.
 */
const texts = new Map<string, TextSnapshot | Promise<TextSnapshot>>();
let session: Promise<Person | null> | undefined;

/**
 * Starts what the page will need; settles once a document's live connections have started (or
 * could not be: signed out, no such document), at once on any other page.
 */
export function prefetchFor(path: string): Promise<void> {
  session = api.currentPerson();
  // As below: the session check takes it, and handles a failure.
  session.catch(() => undefined);
  const route = matchRoute(path);
  if (route.name !== 'document' || !DOCUMENT_ID_PATTERN.test(route.id)) return Promise.resolve();
  void loadDocumentPage().catch(() => undefined);
  // The live connections' code (Yjs, the socket, the feed) is a small script of its own: the text's
  // socket opens while the page's much larger script (the editor) is still arriving.
  const early = import('./document/earlyLive.ts');
  const detail = api.document(route.id);
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  detail.catch(() => undefined);
  documents.set(route.id, detail);
  // The words as they stand, shown while the editor and its socket are still on their way.
  const text = api.textSnapshot(route.id);
  text.then((snapshot) => texts.get(route.id) === text && texts.set(route.id, snapshot), () => undefined);
  texts.set(route.id, text);
  // The text and the comments need the person and the document's generation and rights: with those,
  // their socket and stream open before React has rendered the page (document/earlyLive.ts).
  return Promise.all([early, session, detail]).then(
    ([live, person, known]) => {
      if (person) live.startEarly(known, person);
    },
    () => undefined,
  );
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

/**
 * The prefetched text snapshot, once; none after that (a later visit asks again): the snapshot itself
 * when it has arrived, else the promise of it.
 */
export function takePrefetchedText(id: string): TextSnapshot | Promise<TextSnapshot> | undefined {
  const text = texts.get(id);
  texts.delete(id);
  return text;
}

/** The session check started with the page, once; later checks (a retry) ask the server again. */
export function takePrefetchedSession(): Promise<Person | null> {
  const first = session;
  session = undefined;
  return first ?? api.currentPerson();
}
