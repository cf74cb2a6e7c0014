/**
 * A document opened by its address shows its words from the page itself, before any script has run,
 * and hands over to the app without a blank frame and without both showing at once.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../helpers/testServer.ts';
import { browserSuite } from './suite.ts';
import { secretariatContext } from './scenario.ts';
import { comment } from './threadFixtures.ts';

const DOCUMENT_ID = SEED_IDS[0];
const FIRST_WORDS = 'Draft for consultation at the Module II seminar.';
const suite = browserSuite();

/**
 * On the page's clock, one letter per animation frame: B while the page's own words are there, T
 * once the app shows the text (its snapshot or the live editor) and they are gone, X if both are,
 * N if neither is. Runs before the page's scripts.
 */
const RECORD_FRAMES = `(() => {
  const frames = [];
  window.accordBootFrames = frames;
  const tick = () => {
    const boot = document.getElementById('boot-text') !== null;
    const app = document.querySelector('#root [data-testid="text-snapshot"] p, #root [data-testid="editor"] p') !== null;
    const state = boot && app ? 'X' : boot ? 'B' : app ? 'T' : 'N';
    if (frames.at(-1) !== state) frames.push(state);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

describe("a document's words in its page", () => {
  it('show before any script runs, read-only and marked busy', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    await context.route('**/assets/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    const words = page.getByTestId('boot-text').getByRole('document');
    await expect.poll(() => words.locator('p').first().textContent()).toContain(FIRST_WORDS);
    expect(await words.locator('p').first().isVisible()).toBe(true);
    expect(await words.getAttribute('aria-busy')).toBe('true');
    expect(await words.locator('[contenteditable]').count()).toBe(0);
    expect(await page.getByTestId('boot-text').getByRole('heading', { level: 1 }).first().textContent()).toContain('Draft guidance');
  });

  it('are not in the page of someone signed out', async () => {
    const context = await suite.track(suite.browser.newContext());
    await context.route('**/assets/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    expect(await page.content()).not.toContain(FIRST_WORDS);
  });

  it('give way to the app when it shows the text: no blank frame, never both', async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.routeWebSocket(/\/collab\//, async (ws) => {
      await held;
      ws.connectToServer();
    });
    const page = await context.newPage();
    await page.addInitScript(RECORD_FRAMES);
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.getByTestId('text-snapshot').locator('p').first().waitFor();
    release();
    await page.locator('.ProseMirror p').first().waitFor();
    await expect.poll(async () => ((await page.evaluate('window.accordBootFrames')) as string[]).join('')).toMatch(/^N?B+T$/);
    expect(await page.getByTestId('boot-text').count()).toBe(0);
    expect(await page.getByRole('document').count()).toBe(1);
    expect(await page.locator('.ProseMirror p').first().isVisible()).toBe(true);
  });

  it("give way to the app's error when the page cannot start", async () => {
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    await context.route(/\/assets\/DocumentPage-[^/]+\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('boot-text').count()).toBe(0);
    expect(await page.getByRole('alert').isVisible()).toBe(true);
  });

  it("show the comments' highlights from the first paint, and give way only to the editor's same highlights", async () => {
    const cookie = suite.server.adminCookie;
    const made = await comment(suite.server, DOCUMENT_ID, [
      { cookie, paragraph: 0, from: 3, to: 17, body: 'First' },
      { cookie, paragraph: 0, from: 10, to: 30, body: 'Overlapping the first' },
      { cookie, paragraph: 1, from: 5, to: 20, toParagraph: 2, body: 'Across two paragraphs' },
    ]);
    const context = await suite.track(secretariatContext(suite.browser, suite.server));
    const page = await context.newPage();
    // Each frame: B/T/X/N as above (the app's text once visible), then h when highlights are on screen (the page's while its words
    // are, else the editor's). And each thread's highlighted words, in the page before any script ran.
    await page.addInitScript(`(() => {
      const frames = [];
      window.accordBootFrames = frames;
      const wordsOf = (root) => {
        const words = {};
        for (const mark of root ? root.querySelectorAll('mark[data-thread-id]') : []) {
          const id = mark.getAttribute('data-thread-id');
          if (!mark.parentElement.closest('mark[data-thread-id="' + id + '"]')) words[id] = (words[id] || '') + mark.textContent;
        }
        return words;
      };
      document.addEventListener('DOMContentLoaded', () => { window.accordBootMarks = wordsOf(document.getElementById('boot-text')); });
      const tick = () => {
        const boot = document.getElementById('boot-text');
        // The app's text counts once it can be seen: it is drawn, unseen, beneath the page's words first.
        const text = document.querySelector('#root [data-testid="text-snapshot"] p, #root [data-testid="editor"] p');
        const app = text !== null && text.checkVisibility({ visibilityProperty: true });
        const state = boot && app ? 'X' : boot ? 'B' : app ? 'T' : 'N';
        const marks = (boot ?? document.querySelector('#root [data-testid="editor"]'))?.querySelector('mark[data-thread-id]') ? 'h' : '-';
        if (frames.at(-1) !== state + marks) frames.push(state + marks);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.accordEditorMarks = () => wordsOf(document.querySelector('#root [data-testid="editor"]'));
    })();`);
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.locator('.ProseMirror mark[data-thread-id]').first().waitFor();
    await expect.poll(async () => ((await page.evaluate('window.accordBootFrames')) as string[]).join(' ')).toMatch(/^(N- )?(Bh )+Th$/);
    const inPage = (await page.evaluate('window.accordBootMarks')) as Record<string, string>;
    expect(Object.keys(inPage).toSorted()).toEqual(made.map((thread) => thread.id).toSorted());
    // The quotes as the API reads them; across paragraphs, the editor's marks hold no line break.
    for (const thread of made) expect(inPage[thread.id]).toBe(thread.quote.replace(/\n/g, ''));
    expect(await page.evaluate('window.accordEditorMarks()')).toEqual(inPage);
    expect(await page.getByTestId('boot-text').count()).toBe(0);
  });

  it('start the text where the app will put it, for a participant and for an editor, on a laptop and a phone', async () => {
    const { body: detail } = await suite.server.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: suite.server.adminCookie });
    const readers = {
      participant: (await suite.server.person({ role: 'participant', documents: [DOCUMENT_ID] })).cookie,
      'working-group': (await suite.server.person({ role: 'working-group', documents: [DOCUMENT_ID] })).cookie,
    };
    const firstWords = async (cookie: string, viewport: { width: number; height: number }, scriptsBlocked: boolean) => {
      const context = await suite.track(suite.browser.newContext({ viewport }));
      const [name = '', value = ''] = cookie.split('=');
      await context.addCookies([{ name, value, url: suite.server.url }]);
      if (scriptsBlocked) await context.route('**/assets/*.js', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
      const words = page.locator(scriptsBlocked ? '#boot-text .document-text p' : '#root .ProseMirror p').first();
      await words.waitFor();
      if (!scriptsBlocked) await page.getByTestId('boot-text').waitFor({ state: 'detached' });
      const top = await words.evaluate((element) => element.getBoundingClientRect().top);
      await context.close();
      return top;
    };
    try {
      for (const [phase, role] of [['consultation', 'participant'], ['revision', 'working-group']] as const) {
        await suite.server.setPhase(DOCUMENT_ID, phase, phase === 'consultation' ? new Date(Date.now() + 7 * 86_400_000).toISOString() : undefined);
        for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
          const inPage = await firstWords(readers[role], viewport, true);
          const inApp = await firstWords(readers[role], viewport, false);
          expect(Math.abs(inApp - inPage), `${role} in ${phase} at ${viewport.width} px: the page's words at ${inPage}, the app's at ${inApp}`).toBeLessThanOrEqual(4);
        }
      }
    } finally {
      await suite.server.setPhase(DOCUMENT_ID, detail.phase, detail.deadline ?? undefined);
    }
  });
});
