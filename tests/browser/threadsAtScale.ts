/**
 * How the document page copes with 1,000 comments: `node --import tsx tests/browser/threadsAtScale.ts`
 * makes them through the API, then times, in Chromium on a laptop-sized window, how long until the
 * text, the highlights and the comments panel show; how long a keystroke takes for an editor with
 * all those highlights; and how long a new comment takes to appear live.
 */
import path from 'node:path';
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { anchorOn, paragraphs } from '../helpers/anchors.ts';
import { connect } from '../helpers/collabClient.ts';
import { ROOT, SEED_IDS, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { clickEndOfParagraph, launchBrowser, signedInContext } from './browser.ts';

const DOC = SEED_IDS[0];
const COUNT = Number(process.env.THREADS ?? 1000);
const KINDS = ['general', 'technical', 'editorial', 'question'] as const;

async function makeThreads(t: TestServer): Promise<void> {
  const people = await Promise.all(Array.from({ length: 20 }, (_, i) => t.person({ name: `Participant ${i + 1}`, country: ['SI', 'JO', 'BR', 'SE', 'KE'][i % 5]! })));
  const reader = connect(t.wsUrl, DOC, t.adminCookie);
  await reader.synced;
  const blocks = paragraphs(reader.doc);
  const specs = Array.from({ length: COUNT }, (_, i) => {
    const block = blocks[i % blocks.length]!;
    const length = block.text.length;
    const from = (i * 37) % Math.max(1, length - 90);
    const { anchor } = anchorOn(block.text, from, from + 10 + ((i * 13) % 80));
    return { cookie: people[i % people.length]!.cookie, body: { sectionId: block.sectionId, anchor, kind: KINDS[i % 4], body: `Comment number ${i + 1} on this passage.` } };
  });
  reader.destroy();
  let next = 0;
  // A few requests at a time, as many people commenting at once would.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < specs.length) {
        const spec = specs[next++]!;
        const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: spec.cookie, body: spec.body });
        if (res.status !== 201) throw new Error(`comment failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }),
  );
}

async function main(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
  const t = await startTestServer();
  const browser = await launchBrowser();
  try {
    await t.setPhase(DOC, 'consultation');
    let started = Date.now();
    await makeThreads(t);
    console.log(`made ${COUNT} comments through the API in ${Date.now() - started} ms`);

    const reader = await t.person({ name: 'Reader', role: 'participant' });
    const context = await signedInContext(browser, t.url, reader.token);
    const page = await context.newPage();
    started = Date.now();
    await page.goto(`${t.url}/documents/${DOC}`);
    await page.getByTestId('editor').locator('p').first().waitFor();
    const text = Date.now() - started;
    await page.waitForFunction((n) => new Set([...document.querySelectorAll('mark[data-thread-id]')].map((m) => m.getAttribute('data-thread-id'))).size >= n, COUNT, { timeout: 60_000, polling: 'raf' });
    const highlights = Date.now() - started;
    if (COUNT > 0) await page.getByTestId('thread-card').first().waitFor();
    const panel = Date.now() - started;
    const cards = await page.getByTestId('thread-card').count();
    console.log(`reader: text after ${text} ms, all ${COUNT} highlights after ${highlights} ms, panel after ${panel} ms (${cards} cards rendered)`);

    // Scrolling the whole list: the panel renders only what is in view.
    started = Date.now();
    await page.evaluate(async () => {
      const body = document.querySelector<HTMLElement>('.threads-panel__body')!;
      for (let y = 0; y < body.scrollHeight; y += body.clientHeight) {
        body.scrollTop = y;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
    });
    console.log(`scrolled through the whole list in ${Date.now() - started} ms; at most ${await page.getByTestId('thread-card').count()} cards in the page`);

    // A new comment arrives live.
    const live = connect(t.wsUrl, DOC, t.adminCookie);
    await live.synced;
    const block = paragraphs(live.doc)[3]!;
    live.destroy();
    started = Date.now();
    const res = await t.api('POST', `/api/documents/${DOC}/threads`, { cookie: reader.cookie, body: { sectionId: block.sectionId, anchor: anchorOn(block.text, 2, 30).anchor, kind: 'general', body: 'A late comment.' } });
    await page.locator(`mark[data-thread-id="${res.body.id}"]`).first().waitFor();
    console.log(`a new comment was highlighted for the reader ${Date.now() - started} ms after it was posted`);

    // Typing among 1,000 highlights, as an editor in revision.
    await t.setPhase(DOC, 'revision');
    const editor = await t.person({ name: 'Editor', role: 'working-group' });
    const editing = await signedInContext(browser, t.url, editor.token);
    const editorPage = await editing.newPage();
    await editorPage.goto(`${t.url}/documents/${DOC}`);
    await editorPage.getByTestId('toolbar').waitFor();
    await editorPage.waitForFunction((n) => document.querySelectorAll('mark[data-thread-id]').length >= n, COUNT, { timeout: 60_000 });
    await clickEndOfParagraph(editorPage, 3);
    const keys = 'The quick brown fox jumps';
    const perKey = await editorPage.evaluate(async (typed) => {
      const target = document.querySelector<HTMLElement>('[data-testid=editor]')!;
      const times: number[] = [];
      for (const key of typed) {
        const before = performance.now();
        target.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: key, bubbles: true, cancelable: true }));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        times.push(performance.now() - before);
      }
      return times.toSorted((a, b) => a - b);
    }, keys);
    console.log(`editor keystroke (to the next frame): median ${perKey[Math.floor(perKey.length / 2)]!.toFixed(1)} ms, slowest ${perKey.at(-1)!.toFixed(1)} ms`);
  } finally {
    await browser.close();
    await t.close();
  }
}

await main();
