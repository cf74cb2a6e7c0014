/**
 * What the document page will ask for first, named in a `Link` header on the page itself, so the
 * browser fetches it while it is still reading the app's script instead of after running it: the
 * session, the document, its text as it stands, and the document page's scripts and style sheets.
 * The client's own requests then take the preloaded answers (same address, same CORS mode). Only for
 * a path that is a possible document.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';

const DOCUMENT_PATH = /^\/documents\/([^/]+)$/;
/** The document page's module, as the build's manifest names it (relative to client/). */
const PAGE_SOURCE = 'pages/DocumentPage.tsx';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

export interface PageFiles {
  /** index.html's own scripts and style sheets, named first so that the page's never hold them up. */
  app: { scripts: string[]; styles: string[] };
  /** The document page's script, the scripts it imports (among them the live connections' one,
   * which prefetch.ts imports early) and their style sheets. */
  page: { scripts: string[]; styles: string[] };
}

const NO_FILES: PageFiles = { app: { scripts: [], styles: [] }, page: { scripts: [], styles: [] } };

/**
 * From the build's manifest (vite.config.ts). The browser opens only a few connections to one
 * server at a time and a preload takes one like any request, so the app's own files come first and
 * the page's largest file, its own script, last.
 */
function filesFromManifest(manifest: Record<string, ManifestChunk>): PageFiles {
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  };
  const files = (keys: string[]) => {
    const chunks = keys.map((key) => manifest[key]!);
    return { scripts: chunks.map((chunk) => chunk.file), styles: chunks.flatMap((chunk) => chunk.css ?? []) };
  };
  const app = new Set<string>();
  closure('index.html', app);
  const page = new Set<string>();
  closure(PAGE_SOURCE, page);
  const own = [...page].filter((key) => !app.has(key) && key !== PAGE_SOURCE);
  return { app: files([...app]), page: files(page.has(PAGE_SOURCE) ? [...own, PAGE_SOURCE] : own) };
}

/** Without a manifest (an older build): the page's own script, found by its name. */
function pageFilesByName(clientDir: string): PageFiles {
  const script = readdirSync(path.join(clientDir, 'assets')).find((name) => /^DocumentPage-[\w-]+\.js$/.test(name));
  return { ...NO_FILES, page: { scripts: script ? [`assets/${script}`] : [], styles: [] } };
}

/** The document page's files, found again whenever the build changes. */
export function pageFilesFinder(clientDir: string): () => PageFiles {
  const none = NO_FILES;
  let builtAt = -1;
  let files = none;
  return () => {
    let mtime: number;
    try {
      mtime = statSync(path.join(clientDir, 'index.html')).mtimeMs;
    } catch {
      return none;
    }
    if (mtime !== builtAt) {
      builtAt = mtime;
      try {
        files = filesFromManifest(JSON.parse(readFileSync(path.join(clientDir, '.vite', 'manifest.json'), 'utf8')));
      } catch {
        try {
          files = pageFilesByName(clientDir);
        } catch {
          files = none;
        }
      }
    }
    return files;
  };
}

/** The document a path opens (/documents/:id), or null. */
export function documentIdOfPath(pathname: string): string | null {
  const id = DOCUMENT_PATH.exec(pathname)?.[1];
  return id && DOCUMENT_ID_PATTERN.test(id) ? id : null;
}

export function documentPreloads(pageFiles: () => PageFiles): (pathname: string) => string | null {
  return (pathname) => {
    const id = documentIdOfPath(pathname);
    if (!id) return null;
    const { app, page } = pageFiles();
    // crossorigin everywhere: the page asks for all of these in CORS mode (index.html's tags, the
    // page script's own links, fetch), and the browser takes only a preload made in the same mode.
    const scripts = (files: string[]) => files.map((file) => `</${file}>; rel=modulepreload`);
    const styles = (files: string[]) => files.map((file) => `</${file}>; rel=preload; as=style; crossorigin`);
    return [
      ...scripts(app.scripts),
      ...styles(app.styles),
      '</api/session>; rel=preload; as=fetch; crossorigin',
      `</api/documents/${id}>; rel=preload; as=fetch; crossorigin`,
      // The words themselves, shown before the live editor has them (EditorArea's text snapshot).
      `</api/documents/${id}/text>; rel=preload; as=fetch; crossorigin`,
      ...scripts(page.scripts),
      ...styles(page.styles),
    ].join(', ');
  };
}
