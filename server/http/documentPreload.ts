/**
 * What the document page will ask for first, named in a `Link` header on the page itself, so the
 * browser fetches it while it is still reading the app's script instead of after running it: the
 * session, the document, and the document page's script. The client's own requests then take the
 * preloaded answers (same address, same CORS mode). Only for a path that is a possible document.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';

const DOCUMENT_PATH = /^\/documents\/([^/]+)$/;

/** The built document page's script, found again whenever the build changes. */
function pageScriptFinder(clientDir: string): () => string | null {
  let builtAt = -1;
  let script: string | null = null;
  return () => {
    let mtime: number;
    try {
      mtime = statSync(path.join(clientDir, 'index.html')).mtimeMs;
    } catch {
      return null;
    }
    if (mtime !== builtAt) {
      builtAt = mtime;
      try {
        script = readdirSync(path.join(clientDir, 'assets')).find((name) => /^DocumentPage-[\w-]+\.js$/.test(name)) ?? null;
      } catch {
        script = null;
      }
    }
    return script;
  };
}

export function documentPreloads(clientDir: string): (pathname: string) => string | null {
  const pageScript = pageScriptFinder(clientDir);
  return (pathname) => {
    const id = DOCUMENT_PATH.exec(pathname)?.[1];
    if (!id || !DOCUMENT_ID_PATTERN.test(id)) return null;
    const links = ['</api/session>; rel=preload; as=fetch; crossorigin', `</api/documents/${id}>; rel=preload; as=fetch; crossorigin`];
    const script = pageScript();
    if (script) links.push(`</assets/${script}>; rel=modulepreload`);
    return links.join(', ');
  };
}
