/**
 * Opening a document by its address: the document page's script and the document are asked for at
 * once, beside the session check, not one after another; the compressed script is what travels.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { PREAMBLE_SECTION_ID } from '../../shared/sections.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';

const DOCUMENT_ID = SEED_IDS[0];
const suite = browserSuite();

describe('loading the document page', () => {
  it('asks for the page script and the document before the session check has answered', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await context.newPage();
    const events: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/session') events.push('session asked');
      else if (url.pathname === `/api/documents/${DOCUMENT_ID}`) events.push('document asked');
      else if (/\/assets\/DocumentPage-[^/]+\.js$/.test(url.pathname)) events.push('page script asked');
    });
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/api/session') events.push('session answered');
    });
    const scriptEncoding = page
      .waitForResponse((response) => /\/assets\/DocumentPage-[^/]+\.js$/.test(new URL(response.url()).pathname))
      .then((response) => response.headerValue('content-encoding'));

    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.locator('.ProseMirror h1').first().waitFor();

    const answered = events.indexOf('session answered');
    expect(answered).toBeGreaterThan(-1);
    expect(events.indexOf('document asked')).toBeGreaterThan(-1);
    expect(events.indexOf('document asked')).toBeLessThan(answered);
    expect(events.indexOf('page script asked')).toBeLessThan(answered);
    // Asked once: the page takes the prefetched answer instead of asking again.
    expect(events.filter((e) => e === 'document asked')).toHaveLength(1);
    expect(await scriptEncoding).toBe('br');
  });
});

describe('the live connections of a document opened by its address', () => {
  it('opens the text socket and the comments stream once each, before the page is drawn', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await context.newPage();
    // On the page's own clock: when the socket was made, and when the document page first showed.
    await page.addInitScript(`(() => {
      const marks = { sockets: [] };
      window.accordLoadMarks = marks;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args) { super(...args); marks.sockets.push({ url: String(args[0]), at: performance.now() }); }
      };
      new MutationObserver(() => {
        // The app's page: the words sent in the page (bootText.test.ts) come in a layout of the same name.
        if (marks.page === undefined && document.querySelector('#root .doc-page')) marks.page = performance.now();
      }).observe(document, { subtree: true, childList: true });
    })();`);
    const streams: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/documents/${DOCUMENT_ID}/events`) streams.push(request.url());
    });
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.locator('.ProseMirror h1').first().waitFor();
    await page.getByTestId('threads-panel').getByRole('heading', { level: 2 }).first().waitFor();
    const marks = (await page.evaluate('window.accordLoadMarks')) as { sockets: Array<{ url: string; at: number }>; page?: number };
    const collab = marks.sockets.filter((socket) => socket.url.includes('/collab/'));
    expect(collab).toHaveLength(1);
    expect(marks.page).toBeDefined();
    expect(collab[0]!.at).toBeLessThan(marks.page!);
    expect(streams).toHaveLength(1);
  });
});

describe('the text before its socket answers', () => {
  it("shows the text's words at once, read-only and marked busy, then the live editor in their place", async () => {
    const t = suite.server;
    const detail = (await t.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: t.adminCookie })).body;
    const firstHeading = detail.sections.find((section: { id: string }) => section.id !== PREAMBLE_SECTION_ID).title as string;
    const context = await suite.track(secretariatContext(suite.browser, t));
    // The text's socket is held until released: the words must not wait for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.routeWebSocket(/\/collab\//, async (ws) => {
      await held;
      ws.connectToServer();
    });
    const snapshotAsked: string[] = [];
    const page = await context.newPage();
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/documents/${DOCUMENT_ID}/text`) snapshotAsked.push(request.url());
    });
    await page.goto(`${t.url}/documents/${DOCUMENT_ID}`);
    const snapshot = page.getByTestId('text-snapshot');
    await expect.poll(async () => (await snapshot.locator('h1, h2, h3').first().textContent({ timeout: 10_000 }))?.trim()).toBe(firstHeading);
    expect(await snapshot.getAttribute('aria-busy')).toBe('true');
    expect(await snapshot.getAttribute('contenteditable')).toBeNull();
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    release();
    await page.locator('.ProseMirror h1, .ProseMirror h2').first().waitFor();
    expect(await snapshot.count()).toBe(0);
    // Asked once, with the page: the page takes the preloaded answer.
    expect(snapshotAsked).toHaveLength(1);
  });
});

describe('the comments panel while loading', () => {
  it('shows no count until the comments have arrived, never a false zero', async () => {
    const t = suite.server;
    const participant = await t.person({ name: 'Rui Costa', country: 'PT' });
    const sections = (await t.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: t.adminCookie })).body.sections;
    await t.api('POST', `/api/documents/${DOCUMENT_ID}/threads`, { cookie: participant.cookie, body: { sectionId: sections[1].id, kind: 'general', body: 'One comment.' } });

    const context = await suite.track(secretariatContext(suite.browser, t));
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/documents/${DOCUMENT_ID}/threads`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${t.url}/documents/${DOCUMENT_ID}`);
    const heading = page.getByTestId('threads-panel').getByRole('heading', { level: 2 }).first();
    await page.getByTestId('threads-panel').getByText('Loading comments…').waitFor();
    expect((await heading.textContent())?.trim()).toBe('Comments');
    release();
    await expect.poll(async () => (await heading.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Comments 1');
  });
});
