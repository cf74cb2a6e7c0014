/**
 * What the document page will ask for first, named in a `Link` header on the page itself, so the
 * browser fetches it while it is still reading the app's script instead of after running it: the
 * session, the document, and the document page's scripts and style sheets. The client's own requests
 * then take the preloaded answers (same address, same CORS mode). Only for a path that is a possible
 * document.
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

/**
 * The files the document page loads before it runs, beyond those index.html loads already: its own
 * script, the scripts it imports (among them the live connections' script, which prefetch.ts also
 * imports early) and their style sheets, from the build's manifest (vite.config.ts), page script first.
 */
function pageFiles(manifest: Record<string, ManifestChunk>): { scripts: string[]; styles: string[] } {
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  };
  const loaded = new Set<string>();
  closure('index.html', loaded);
  const needed = new Set<string>();
  closure(PAGE_SOURCE, needed);
  const chunks = [...needed].filter((key) => !loaded.has(key)).map((key) => manifest[key]!);
  return { scripts: chunks.map((chunk) => chunk.file), styles: chunks.flatMap((chunk) => chunk.css ?? []) };
}

/** Without a manifest (an older build): the page's own script, found by its name. */
function pageFilesByName(clientDir: string): { scripts: string[]; styles: string[] } {
  const script = readdirSync(path.join(clientDir, 'assets')).find((name) => /^DocumentPage-[\w-]+\.js$/.test(name));
  return { scripts: script ? [`assets/${script}`] : [], styles: [] };
}

/** The document page's files, found again whenever the build changes. */
function pageFilesFinder(clientDir: string): () => { scripts: string[]; styles: string[] } {
  const none = { scripts: [], styles: [] };
  let builtAt = -1;
  let files: { scripts: string[]; styles: string[] } = none;
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
        files = pageFiles(JSON.parse(readFileSync(path.join(clientDir, '.vite', 'manifest.json'), 'utf8')));
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

export function documentPreloads(clientDir: string): (pathname: string) => string | null {
  const pageFiles = pageFilesFinder(clientDir);
  return (pathname) => {
    const id = DOCUMENT_PATH.exec(pathname)?.[1];
    if (!id || !DOCUMENT_ID_PATTERN.test(id)) return null;
    const links = ['</api/session>; rel=preload; as=fetch; crossorigin', `</api/documents/${id}>; rel=preload; as=fetch; crossorigin`];
    const { scripts, styles } = pageFiles();
    for (const script of scripts) links.push(`</${script}>; rel=modulepreload`);
    // crossorigin: the page's script links its style sheets in CORS mode, and only a preload in the same
    // mode is taken.
    for (const style of styles) links.push(`</${style}>; rel=preload; as=style; crossorigin`);
    return links.join(', ');
  };
}
