/**
 * The comments stream says `ready` again after it reconnected, or when the server says events were
 * lost (Redis was away): the page then fetches the document again too, so a phase change made while
 * the stream was not listening reaches it. The first stream is held by the test and then ended,
 * as a stream cut off while the phase changed; the browser's EventSource reconnects to the server.
 */
import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { SEED_IDS } from '../helpers/testServer.ts';
import { browserSuite } from './suite.ts';
import { signedInContext } from './browser.ts';

const DOC = SEED_IDS[0];
const suite = browserSuite({ beforeEachTest: (server) => server.setPhase(DOC, 'consultation') });

describe('a comments stream that says ready again', () => {
  it('brings the page a phase change made while it was not listening', async () => {
    // A participant edits in neither phase, so the text's socket says nothing of the change.
    const participant = await suite.server.person({ name: 'Rui Costa', role: 'participant' });
    const context = await suite.track(signedInContext(suite.browser, suite.server.url, participant.token));
    const page = await context.newPage();
    let heldFirst = false;
    const firstStream = new Promise<Route>((resolve) => {
      void page.route(`**/api/documents/${DOC}/events`, (route) => {
        if (heldFirst) return void route.continue();
        heldFirst = true;
        resolve(route);
      });
    });
    await page.goto(`${suite.server.url}/documents/${DOC}`);
    await page.locator('.ProseMirror h1').first().waitFor();
    const badge = page.getByTestId('phase-badge').first();
    await expect.poll(() => badge.getAttribute('class')).toContain('phase-badge--consultation');

    await suite.server.setPhase(DOC, 'revision');
    // The stream that missed it says ready once and ends; the browser reconnects to the real one.
    await (await firstStream).fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: 'retry: 50\nevent: ready\ndata: {}\n\n' });
    await expect.poll(() => badge.getAttribute('class'), { timeout: 10_000 }).toContain('phase-badge--revision');
  });
});
