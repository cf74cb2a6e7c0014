/**
 * The document page with its words already in it. Opened by its address, the page otherwise shows
 * nothing until the app's scripts have run (about half a second of a laptop's main thread, more on a
 * phone); with the words sent in the page, people read from the first paint. The words sit in the
 * page's own layout and styles (the review layout's columns, the `document-text` styles), read-only
 * and marked busy, outside the app's root, with the comments' highlights; client/bootText.ts
 * removes them once the app shows the text with its highlights (or anything else than its loading
 * state).
 *
 * Only for a signed-in member of the document: anyone else gets the plain page, exactly as for an
 * unknown document. Nothing is written (the session check's own bookkeeping aside, as for any API
 * request). Anything that goes wrong leaves the plain page: the app then says what is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { may, textAccessOn } from '../../shared/access.ts';
import type { Role } from '../../shared/domain.ts';
import { RESERVED_DOCUMENT_IDS } from '../../shared/limits.ts';
import { translate } from '../i18n.ts';
import { memberOrNull } from '../rights.ts';
import { textSnapshot } from '../documents/textSnapshot.ts';
import { textHtml } from '../documents/textHtml.ts';
import { indexText } from '../documents/anchors.ts';
import { threadSpans } from '../documents/threadSpans.ts';
import { escapeHtml } from '../html.ts';
import type { Services } from './context.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { documentIdOfPath, type PageFiles } from './documentPreload.ts';

/** Where the words go: just before the app's root, which the app's style sheet then hides beneath them. */
const ROOT = '<div id="root"></div>';

/** index.html as built, read again whenever the build changes. */
function templateReader(clientDir: string): () => string | null {
  const file = path.join(clientDir, 'index.html');
  let builtAt = -1;
  let template: string | null = null;
  return () => {
    try {
      const mtime = statSync(file).mtimeMs;
      if (mtime !== builtAt) {
        template = readFileSync(file, 'utf8');
        builtAt = mtime;
      }
    } catch {
      return null;
    }
    return template;
  };
}

export type DocumentBoot = (c: Context) => Promise<string | null>;

export function documentBoot(services: Pick<Services, 'sessions' | 'records' | 'threads' | 'collab' | 'log'>, clientDir: string, pageFiles: () => PageFiles): DocumentBoot {
  const template = templateReader(clientDir);
  return async (c) => {
    const id = documentIdOfPath(c.req.path);
    if (!id || RESERVED_DOCUMENT_IDS.has(id)) return null;
    const page = template();
    if (!page?.includes(ROOT)) return null;
    try {
      const person = await services.sessions.resolve(getCookie(c, SESSION_COOKIE));
      if (!person || !may(person.role as Role, 'document.read')) return null;
      const found = await memberOrNull(services.records, person, id);
      if (!found) return null;
      // The comments' highlights too, as the editor will draw them: every thread not withdrawn (as
      // GET /api/documents/:id/threads lists them), so the page does not change when the app takes over.
      const threads = (await services.threads.list(id)).filter((thread) => !thread.withdrawnAt);
      const content = await services.collab.rooms.use(id, (room) => textSnapshot(room.doc, threadSpans(indexText(room.doc), threads)));
      const language = person.language === 'fr' ? 'fr' : 'en';
      // As the page says it (EditorArea's ReadOnlyNotice), so the text starts where it will stay.
      const access = textAccessOn(found.member.role, found.document);
      const notice = !access.edit && access.reason ? `<p class="readonly-notice"><span class="readonly-notice__icon" aria-hidden="true">i</span>${escapeHtml(translate(language, access.reason))}</p>` : '';
      const styles = pageFiles().page.styles.map((file) => `<link rel="stylesheet" crossorigin href="/${escapeHtml(file)}">`);
      const boot = [
        // What decides the heights of the app's banner and document bar above the text (the `.boot` rules).
        `<div id="boot-text" class="boot" data-testid="boot-text" data-role="${person.role === 'secretariat' ? 'secretariat' : escapeHtml(found.member.role)}" data-phase="${escapeHtml(found.document.phase)}"${access.edit ? ' data-edit' : ''}>`,
        `<div class="app-header boot__header"><div class="app-header__inner"><span class="brand">${escapeHtml(translate(language, 'brand.name'))}</span></div></div>`,
        `<div class="doc-page"><div class="docbar boot__bar"><div class="docbar__inner"><div class="docbar__heading"><div class="docbar__title-row">`,
        `<h1 class="docbar__title">${escapeHtml(found.document.title)}</h1>`,
        `</div></div></div></div>`,
        `<div class="doc-layout doc-layout--review"><div class="outline boot__column"></div><div class="doc-main">${notice}<div class="paper">`,
        `<div class="document-text document-text--snapshot" role="document" aria-label="${escapeHtml(translate(language, 'editor.textLabel'))}" aria-busy="true" lang="${found.document.language === 'fr' ? 'fr' : 'en'}">`,
        textHtml(content),
        `</div></div></div><div class="threads-panel boot__column"></div></div></div>`,
        `<p class="visually-hidden" role="status">${escapeHtml(translate(language, 'app.loadingDocument'))}</p>`,
        `</div>`,
      ].join('');
      // Replaced by functions: a replacement string would read `$&` and the like in the words as patterns.
      return page
        .replace('<html lang="en">', () => `<html lang="${language}">`)
        .replace('<title>Accord</title>', () => `<title>${escapeHtml(found.document.title)} · Accord</title>`)
        .replace('</head>', () => `${styles.join('')}</head>`)
        .replace(ROOT, () => `${boot}${ROOT}`);
    } catch (error) {
      services.log.debug(`The page of ${id} was sent without its words: ${(error as Error).message}`);
      return null;
    }
  };
}
