/**
 * What every browser test file sets up: one Chromium for the file, a fresh server for each test, and
 * the browser contexts a test opens, closed after it. Read `suite.browser` and `suite.server` inside
 * tests and hooks (they change from test to test).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { launchBrowser } from './browser.ts';

export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: TestServer;
  /** Closes the context after the test. */
  track(context: BrowserContext | Promise<BrowserContext>): Promise<BrowserContext>;
}

export function browserSuite(hooks: { beforeEachTest?: (server: TestServer) => Promise<void>; afterEachTest?: () => void } = {}): BrowserSuite {
  let browser: Browser | null = null;
  let server: TestServer | null = null;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startTestServer();
    await hooks.beforeEachTest?.(server);
  });
  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
    hooks.afterEachTest?.();
    await server?.close();
  });

  return {
    get browser() {
      if (!browser) throw new Error('the browser is only there inside tests and hooks');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server is only there inside tests and hooks');
      return server;
    },
    async track(context) {
      const opened = await context;
      contexts.push(opened);
      return opened;
    },
  };
}
