/** Entry point: mounts the app (the styles are linked from index.html). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { prefetchFor } from './prefetch.ts';
import { handOverBootText } from './bootText.ts';

/**
 * How long the first render waits for a document's socket and feed to open. React's first render
 * is one long task: rendered first, it held back the text's socket (and so the text) by as long.
 * The scripts, the session and the document are preloaded together (server/http/documentPreload.ts),
 * so the wait is usually a few milliseconds; on a slow network the page shows its loading state anyway.
 */
const EARLY_START_WAIT_MS = 100;

function mount(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  handOverBootText(root);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const earlyStarted = prefetchFor(window.location.pathname);
void Promise.race([earlyStarted, new Promise((resolve) => window.setTimeout(resolve, EARLY_START_WAIT_MS))]).then(mount);
