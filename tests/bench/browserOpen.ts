/**
 * (e) A browser opening a document that has 1,000 threads: Debian's Chromium (playwright-core) loads
 * /documents/:id in a fresh context (empty cache) as a signed-in working-group member.
 *
 * client/dist is shared with whoever else builds it (browser tests rebuild it when stale, and a
 * build empties the folder first), so the server here serves a private copy of a complete build. A script
 * installed before the page's own records, on the page's clock (0 = navigation start), when the
 * text's words first show (from the words sent in the page, the page's text snapshot or the live
 * editor, whichever is first), when the live editor has them, and when every anchored thread's
 * highlight (<mark data-thread-id>) is there, first in the words sent in the page or the live
 * editor, and in the live editor, each at the next animation frame (the frame that paints it). The
 * live editor's text and highlights are drawn unseen beneath the page's own words, which give way
 * once it has both (client/bootText.ts).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { launchBrowser } from '../browser/browser.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { ROOT, startTestServer, type TestServer } from '../helpers/testServer.ts';
import type { BenchContext } from './context.ts';
import { DOCUMENTS, median, until, type Figure, type ScenarioResult, type Verdict } from './helpers.ts';
import { writeSeedDir } from './servers.ts';

const THREADS = 1000;
const HIGHLIGHT = '[data-testid="editor"] [data-thread-id]';
const BOOT_TEXT = '[data-testid="boot-text"] p';
const BOOT_HIGHLIGHT = '[data-testid="boot-text"] [data-thread-id]';
const KINDS = ['general', 'technical', 'editorial', 'question'] as const;

interface Marks {
  /** The text's words on screen, from the page itself, the snapshot or the live editor, whichever is first. */
  text?: number;
  /** The live editor's words in the page (unseen beneath the page's own words until it has its highlights). */
  liveText?: number;
  /** Every anchored thread highlighted, in the page's own words or the live editor, whichever is first. */
  highlights?: number;
  /** Every anchored thread highlighted in the live editor. */
  liveHighlights?: number;
  count?: number;
  domContentLoaded?: number;
  /** When the requests that the text waits for started and ended (ms from navigation start). */
  requests?: Array<{ name: string; start: number; end: number }>;
}

/** The requests worth showing in the waterfall, by a part of their URL. */
const WATERFALL = ['/assets/index-', '/api/session', '/assets/DocumentPage-', '/api/documents/', '/threads', '/events'];

/**
 * Runs in the page before any of its scripts. A string, not a function: tsx's transform adds helper
 * calls to functions that do not exist in the page.
 */
export function recordMarks(expected: number): string {
  return `(() => {
    const marks = {};
    window.accordBenchMarks = marks;
    const painted = (key) => requestAnimationFrame(() => { marks[key] = performance.now(); });
    let textSeen = false;
    let liveSeen = false;
    let highlightsSeen = ${expected} === 0;
    let liveHighlightsSeen = ${expected} === 0;
    const hasWords = (selector) => {
      const paragraph = document.querySelector(selector);
      return Boolean(paragraph && paragraph.textContent.trim().length > 0);
    };
    // How many threads have a highlight under the selector. Counting elements first keeps the watcher
    // cheap (it runs on every change to the page): a thread has at least one element, so ids are
    // collected only once they could be enough.
    const threadsUnder = (selector) => {
      const elements = document.querySelectorAll(selector);
      if (elements.length < ${expected}) return elements.length;
      const ids = new Set();
      for (const element of elements) ids.add(element.getAttribute('data-thread-id'));
      return ids.size;
    };
    const check = () => {
      // The text, first from the words sent in the page (server/http/documentBoot.ts) or the
      // snapshot the app shows until the live editor has it (if it does), and the live editor's
      // own, each at the frame that paints it.
      if (!textSeen && (hasWords(${JSON.stringify(BOOT_TEXT)}) || hasWords('[data-testid="text-snapshot"] p') || hasWords('[data-testid="editor"] p'))) { textSeen = true; painted('text'); }
      if (!liveSeen && hasWords('[data-testid="editor"] p')) { liveSeen = true; painted('liveText'); }
      // Every anchored thread's highlight: first in the page's words or the live editor, whichever
      // has them all first; and in the live editor.
      if (!liveHighlightsSeen) {
        const live = threadsUnder(${JSON.stringify(HIGHLIGHT)});
        marks.count = live;
        if (live >= ${expected}) { liveHighlightsSeen = true; painted('liveHighlights'); }
      }
      if (!highlightsSeen && (liveHighlightsSeen || threadsUnder(${JSON.stringify(BOOT_HIGHLIGHT)}) >= ${expected})) { highlightsSeen = true; painted('highlights'); }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  })();`;
}

/**
 * Threads are posted while the document is held open (as it is while anyone edits it); otherwise
 * every request would load the document and write it back when done.
 */
export async function createThreads(server: TestServer, cookie: string): Promise<{ anchored: number; ms: number }> {
  const documentId = DOCUMENTS.browser;
  const rooms = server.server.services.collab.rooms;
  const room = await rooms.acquire(documentId);
  try {
    const places = paragraphs(room.doc);
    if (places.length === 0) throw new Error('the browser document has no paragraphs');
    const bodies = Array.from({ length: THREADS }, (_, i) => {
      const place = places[i % places.length]!;
      // One in ten on a whole section, the rest on a few words somewhere in a paragraph.
      const from = (i * 13) % Math.max(1, place.text.length - 40);
      const anchor = i % 10 === 9 ? null : anchorOn(place.text, from, from + 8 + (i % 25)).anchor;
      return { sectionId: place.sectionId, anchor, kind: KINDS[i % KINDS.length], body: `Comment ${i + 1}: this wording could say more precisely who does what.` };
    });
    const started = performance.now();
    for (let i = 0; i < bodies.length; i += 8) {
      await Promise.all(
        bodies.slice(i, i + 8).map(async (body) => {
          const res = await server.api('POST', `/api/documents/${documentId}/threads`, { cookie, body });
          if (res.status !== 201) throw new Error(`creating a thread failed: ${res.status} ${JSON.stringify(res.body)}`);
        }),
      );
    }
    return { anchored: bodies.filter((b) => b.anchor).length, ms: performance.now() - started };
  } finally {
    await rooms.release(room);
  }
}

function highlightUiBuilt(dir: string): boolean {
  const assets = path.join(dir, 'assets');
  return readdirSync(assets).some((name) => name.endsWith('.js') && readFileSync(path.join(assets, name), 'utf8').includes('data-thread-id'));
}

/** True when every asset that index.html and the scripts name is in `dir` (no build was half-way). */
function complete(dir: string): boolean {
  if (!existsSync(path.join(dir, 'index.html'))) return false;
  const files = ['index.html', ...readdirSync(path.join(dir, 'assets')).filter((n) => /\.(js|css)$/.test(n)).map((n) => `assets/${n}`)];
  return files.every((file) => {
    const named = readFileSync(path.join(dir, file), 'utf8').match(/assets\/[\w.-]+\.(?:js|css)\b/g) ?? [];
    return named.every((asset) => existsSync(path.join(dir, asset)));
  });
}

/** React's development build says this on the console; a production build never does. */
function developmentBuild(dir: string): boolean {
  const assets = path.join(dir, 'assets');
  return readdirSync(assets).some((name) => name.endsWith('.js') && readFileSync(path.join(assets, name), 'utf8').includes('Download the React DevTools'));
}

/**
 * A private copy of a complete production build of the web app: client/dist (built first when it
 * is stale), or, when client/dist is half-written by another build or holds a development build
 * (vite keeps a NODE_ENV it finds set, and vitest sets it to `test`), a production build of our own.
 */
async function snapshotClient(ctx: BenchContext, notes: string[]): Promise<string> {
  const dist = path.join(ROOT, 'client', 'dist');
  const copy = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-client-'));
  if (clientBuildIsStale(ROOT, dist)) {
    ctx.log('(e) building the web app (client/dist is missing or stale)…');
    const started = performance.now();
    await buildClient(ROOT);
    notes.push(`(e) built the web app first (${((performance.now() - started) / 1000).toFixed(1)} s, not measured).`);
  }
  cpSync(dist, copy, { recursive: true });
  if (complete(copy) && !developmentBuild(copy)) return copy;
  const why = complete(copy) ? 'holds a development build of React' : 'changed while it was copied (another build)';
  ctx.log(`(e) client/dist ${why}: making a production build of our own…`);
  notes.push(`(e) client/dist ${why}; measured a production build made for this run instead.`);
  const { build } = await import('vite');
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir: copy, emptyOutDir: true },
  });
  return copy;
}

export async function runBrowserOpen(ctx: BenchContext): Promise<ScenarioResult> {
  const notes: string[] = [];
  const clientDir = await snapshotClient(ctx, notes);
  const seedDir = writeSeedDir([DOCUMENTS.browser], []);
  const server = await startTestServer({ config: { seedDir, clientDir } });
  try {
    await server.setPhase(DOCUMENTS.browser, 'revision');
    const editor = await server.person({ role: 'working-group', name: 'Browser reader' });
    return await measure(ctx, server, editor.cookie, highlightUiBuilt(clientDir), notes);
  } finally {
    await server.close();
    rmSync(clientDir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });
  }
}

async function measure(ctx: BenchContext, server: TestServer, cookie: string, withHighlights: boolean, notes: string[]): Promise<ScenarioResult> {
  const scenario = '(e) browser opens a document with 1,000 threads';
  ctx.log(`(e) creating ${THREADS} threads through the REST API…`);
  const created = await createThreads(server, cookie);
  notes.push(`(e) ${THREADS} threads (${created.anchored} anchored, ${THREADS - created.anchored} on whole sections) created through POST /api/documents/:id/threads in ${(created.ms / 1000).toFixed(1)} s, 8 at a time.`);

  const listTimes: number[] = [];
  const detailTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    let started = performance.now();
    const res = await server.api('GET', `/api/documents/${DOCUMENTS.browser}/threads`, { cookie });
    if (res.status !== 200 || res.body.length !== THREADS) throw new Error(`listing the threads failed: ${res.status}`);
    listTimes.push(performance.now() - started);
    started = performance.now();
    const detail = await server.api('GET', `/api/documents/${DOCUMENTS.browser}`, { cookie });
    if (detail.status !== 200) throw new Error(`reading the document failed: ${detail.status}`);
    detailTimes.push(performance.now() - started);
  }

  const runs = ctx.options.quick ? 1 : 5;
  const results: Marks[] = [];
  const pageErrors: string[] = [];
  const browser = await launchBrowser();
  try {
    const [name, value] = cookie.split('=') as [string, string];
    for (let run = 0; run < runs; run++) {
      ctx.log(`(e) opening the document in Chromium, run ${run + 1}/${runs}…`);
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      try {
        await context.addCookies([{ name, value, url: server.url }]);
        const page = await context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
        page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
        await page.addInitScript(recordMarks(withHighlights ? created.anchored : 0));
        await page.goto(`${server.url}/documents/${DOCUMENTS.browser}`);
        // Polled with evaluate: the app's Content-Security-Policy forbids the eval that waitForFunction needs.
        const read = async () => (await page.evaluate(`({ ...(window.accordBenchMarks ?? {}) })`)) as Marks;
        await until(async () => {
          const marks = await read();
          return marks.text !== undefined && (!withHighlights || marks.liveHighlights !== undefined);
        }, 20_000, 'the text and highlights to show').catch((error: Error) => ctx.log(`(e) ${error.message}`));
        const marks = (await page.evaluate(`({
          ...(window.accordBenchMarks ?? {}),
          domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
          requests: performance.getEntriesByType('resource')
            .filter((e) => ${JSON.stringify(WATERFALL)}.some((part) => e.name.includes(part)))
            .map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
        })`)) as Marks;
        results.push(marks);
        if (marks.text === undefined || (withHighlights && marks.highlights === undefined)) {
          const shot = path.join(os.tmpdir(), `accord-bench-browser-run${run + 1}.png`);
          await page.screenshot({ path: shot });
          notes.push(`(e) run ${run + 1} timed out; screenshot in ${shot}.`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const last = results.at(-1);
  if (last?.requests?.length) {
    const steps = last.requests.map((r) => `${r.name.replace(/-[\w-]{8}\.(js|css)$/, '.$1')} ${r.start.toFixed(0)}→${r.end.toFixed(0)}`);
    notes.push(`(e) waterfall of the last load (ms from navigation start): ${steps.join(', ')}; text at ${last.text?.toFixed(0) ?? '–'}, highlights at ${last.highlights?.toFixed(0) ?? '–'}, live editor's text at ${last.liveText?.toFixed(0) ?? '–'} and highlights at ${last.liveHighlights?.toFixed(0) ?? '–'}.`);
  }
  if (pageErrors.length) notes.push(`(e) the page reported ${pageErrors.length} errors, the first: ${pageErrors[0]}`);
  const textTimes = results.map((r) => r.text ?? Number.NaN);
  const highlightTimes = results.map((r) => r.highlights ?? Number.NaN);
  const failed = results.filter((r) => r.text === undefined || (withHighlights && r.liveHighlights === undefined));
  if (failed.length) notes.push(`(e) ${failed.length} of ${runs} runs did not show ${withHighlights ? 'text and every highlight' : 'text'} within 20 s (highlighted threads seen, at most: ${failed.map((r) => r.count ?? 0).join(', ')} of ${created.anchored}).`);

  const figures: Figure[] = [
    { scenario, metric: 'GET /api/documents/:id/threads (1,000), median', unit: 'ms', ours: median(listTimes), better: 'lower' },
    { scenario, metric: 'GET /api/documents/:id (title, phase, sections), median', unit: 'ms', ours: median(detailTimes), better: 'lower' },
    { scenario, metric: 'navigation → DOMContentLoaded, median', unit: 'ms', ours: median(results.map((r) => r.domContentLoaded ?? Number.NaN)), better: 'lower' },
    { scenario, metric: `navigation → text painted, median of ${runs}`, unit: 'ms', ours: median(textTimes), better: 'lower' },
    { scenario, metric: `navigation → text painted, worst of ${runs}`, unit: 'ms', ours: Math.max(...textTimes), better: 'lower' },
    { scenario, metric: `navigation → live editor's text painted, median of ${runs}`, unit: 'ms', ours: median(results.map((r) => r.liveText ?? Number.NaN)), better: 'lower' },
  ];
  let shown = textTimes;
  if (withHighlights) {
    figures.push(
      { scenario, metric: `navigation → all ${created.anchored} highlights painted, median`, unit: 'ms', ours: median(highlightTimes), better: 'lower' },
      { scenario, metric: `navigation → all ${created.anchored} highlights painted, worst`, unit: 'ms', ours: Math.max(...highlightTimes), better: 'lower' },
      { scenario, metric: `navigation → all ${created.anchored} highlights in the live editor, median`, unit: 'ms', ours: median(results.map((r) => r.liveHighlights ?? Number.NaN)), better: 'lower' },
    );
    shown = results.map((r) => Math.max(r.text ?? Number.NaN, r.highlights ?? Number.NaN));
  } else {
    notes.push('(e) the built web app has no thread highlights (no `data-thread-id` in client/dist): text-visible time only.');
  }
  const typical = median(shown);
  const textMedian = median(textTimes);
  const highlightMedian = median(highlightTimes);
  const verdicts: Verdict[] = [
    {
      target: `(e) document with 1,000 threads shown < 1.5 s${withHighlights ? ' (text and highlights)' : ' (text only: no highlight UI yet)'}`,
      pass: Number.isFinite(typical) && typical < 1500,
      detail: `median ${typical.toFixed(0)} ms, worst ${Math.max(...shown).toFixed(0)} ms over ${runs} cold loads`,
    },
    // Issue #18's targets, on a quiet machine.
    { target: '(e) text painted < 600 ms (median)', pass: Number.isFinite(textMedian) && textMedian < 600, detail: `median ${textMedian.toFixed(0)} ms over ${runs} cold loads` },
  ];
  if (withHighlights) {
    verdicts.push({ target: '(e) 1,000 threads\' highlights painted < 900 ms (median)', pass: Number.isFinite(highlightMedian) && highlightMedian < 900, detail: `median ${highlightMedian.toFixed(0)} ms over ${runs} cold loads` });
  }
  return {
    figures,
    notes,
    verdicts,
  };
}
