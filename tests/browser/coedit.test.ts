/**
 * The web app in a real browser against the real server: two people editing the same text see each
 * other's words and carets; readers get a read-only text that says why; rights follow the phase.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { SEED_IDS, type TestServer } from '../helpers/testServer.ts';
import { clickEndOfParagraph, openDocument, signedInContext } from './browser.ts';
import { browserSuite } from './suite.ts';
import { serverText } from './threadFixtures.ts';

const DOCUMENT_ID = SEED_IDS[0];

const suite = browserSuite();

async function personOnDocument(fields: Parameters<TestServer['person']>[0]): Promise<Page> {
  const { token } = await suite.server.person(fields);
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
  return openDocument(context, suite.server.url, DOCUMENT_ID);
}

/** Types where a person would: at the end of a paragraph, key by key. */
async function typeAtEndOfParagraph(page: Page, index: number, text: string): Promise<void> {
  await clickEndOfParagraph(page, index);
  await page.keyboard.type(text);
}

function caretLabel(page: Page, name: string) {
  return page.getByTestId('editor').locator('.collaboration-carets__label', { hasText: name });
}

describe('co-editing', () => {
  it('shows each person the other one\u2019s typing and caret', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const amira = await personOnDocument({ name: 'Amira Haddad', role: 'working-group', country: 'JO' });
    const jonas = await personOnDocument({ name: 'Jonas Berg', role: 'working-group', country: 'SE' });

    const fromAmira = ' Peer-led outreach reaches people that clinics never see.';
    await typeAtEndOfParagraph(amira, 0, fromAmira);
    await jonas.getByTestId('editor').getByText(fromAmira.trim()).waitFor();
    await caretLabel(jonas, 'Amira Haddad').waitFor();

    const fromJonas = ' Funding should follow the person, not the programme.';
    await typeAtEndOfParagraph(jonas, 1, fromJonas);
    await amira.getByTestId('editor').getByText(fromJonas.trim()).waitFor();
    await caretLabel(amira, 'Jonas Berg').waitFor();

    // Each sees both people as present, themselves marked.
    await amira.waitForFunction(() => {
      const text = document.querySelector('[data-testid=presence]')?.textContent ?? '';
      return text.includes('Amira Haddad (you)') && text.includes('Jonas Berg');
    });
    await expect(jonas.getByTestId('connection-status').textContent()).resolves.toContain('Connected');
  });

  it('numbers the sections in the outline the way the API does', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const page = await personOnDocument({ name: 'Amira Haddad', role: 'working-group' });
    const detail = await suite.server.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: suite.server.adminCookie });
    const expected = (detail.body.sections as Array<{ number: string; title: string }>).map((s) => `${s.number} ${s.title}`);

    const outline = page.getByTestId('outline');
    await outline.locator('button').first().waitFor();
    const items = await outline.locator('button').evaluateAll((buttons) =>
      buttons.map((b) => `${b.querySelector('.outline__number')?.textContent} ${b.querySelector('.outline__title')?.textContent}`),
    );
    expect(items).toEqual(expected);
    // The introduction before the first heading is section "0".
    expect(items.slice(0, 3).map((item) => item.split(' ')[0])).toEqual(['0', '1', '1.1']);

    // A new heading appears in the outline, numbered, as it is typed.
    await clickEndOfParagraph(page, 0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Alt+1');
    await page.keyboard.type('A new first section');
    await outline.getByRole('button', { name: '1 A new first section' }).waitFor();
    await outline.getByRole('button', { name: '2 Purpose and scope' }).waitFor();
  });
});

describe('connection', () => {
  it('says when the device goes offline and when it is back', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const page = await personOnDocument({ name: 'Amira Haddad', role: 'working-group' });
    const status = page.getByTestId('connection-status');
    await status.getByText('Connected', { exact: true }).waitFor();

    await page.context().setOffline(true);
    await status.getByText('Offline', { exact: true }).waitFor();
    await page.context().setOffline(false);
    await status.getByText('Connected', { exact: true }).waitFor();
    expect(await status.getAttribute('data-state')).toBe('connected');
  });

  it('keeps words typed offline through a closed tab and sends them on the next visit', async () => {
    const words = ' Written on the train without a connection.';
    const { context, network } = await typeOfflineAndCloseTheTab(words);
    expect(await serverText(suite.server, DOCUMENT_ID)).not.toContain(words.trim());

    network.restore();
    const again = await openDocument(context, suite.server.url, DOCUMENT_ID);
    await again.getByTestId('editor').getByText(words.trim(), { exact: false }).waitFor();
    await expect.poll(() => serverText(suite.server, DOCUMENT_ID)).toContain(words.trim());
    // Merged once, not twice.
    expect((await serverText(suite.server, DOCUMENT_ID)).split(words.trim()).length - 1).toBe(1);
  });
});

describe('offline words the text no longer takes', () => {
  it('shows them to copy, never merges them, and forgets them when told', async () => {
    const words = ' Typed in the plane, after the text had closed.';
    const { context, network } = await typeOfflineAndCloseTheTab(words);
    // Meanwhile the Secretariat opens the consultation: the working group's text is read-only.
    await suite.server.setPhase(DOCUMENT_ID, 'consultation');

    network.restore();
    const again = await openDocument(context, suite.server.url, DOCUMENT_ID);
    const notice = again.getByTestId('unsent-words');
    await notice.waitFor();
    expect(await notice.getByRole('textbox').inputValue()).toContain(words.trim());
    expect(await again.getByTestId('editor').textContent()).not.toContain(words.trim());
    expect(await serverText(suite.server, DOCUMENT_ID)).not.toContain(words.trim());

    await notice.getByRole('button', { name: 'Discard them' }).click();
    await notice.waitFor({ state: 'detached' });
    await again.reload();
    await again.getByTestId('editor').locator('p').first().waitFor();
    await again.getByTestId('connection-status').getByText('Connected', { exact: true }).waitFor();
    await expect.poll(() => again.evaluate(() => indexedDB.databases().then((dbs) => dbs.filter((db) => db.name?.startsWith('accord-text:')).length))).toBe(0);
    expect(await again.getByTestId('unsent-words').count()).toBe(0);
  });
});

/**
 * A working-group member in revision loses the connection, types `words` at the end of the first
 * paragraph and closes the tab once the words are in the browser's copy. The network stays cut.
 */
async function typeOfflineAndCloseTheTab(words: string): Promise<{ context: BrowserContext; network: { cut(): void; restore(): void } }> {
  await suite.server.setPhase(DOCUMENT_ID, 'revision');
  const { token } = await suite.server.person({ name: 'Amira Haddad', role: 'working-group' });
  const context = await suite.track(signedInContext(suite.browser, suite.server.url, token));
  const network = await cuttableSockets(context);
  const page = await openDocument(context, suite.server.url, DOCUMENT_ID);
  await page.getByTestId('connection-status').getByText('Connected', { exact: true }).waitFor();

  // Chromium's offline mode leaves open sockets alone; a lost Wi-Fi does not.
  network.cut();
  await page.getByTestId('connection-status').getByText('Reconnecting', { exact: false }).waitFor();
  await clickEndOfParagraph(page, 0);
  await page.keyboard.insertText(words);
  // The tab may close only once the words are in this browser's copy (IndexedDB).
  await page.waitForFunction(storedInBrowser, words.trim(), { polling: 100 });
  await page.close();
  return { context, network };
}

/** Passes the collaboration sockets through, until cut(): then closes them and refuses new ones. */
async function cuttableSockets(context: BrowserContext): Promise<{ cut(): void; restore(): void }> {
  let up = true;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/collab\//, (ws) => {
    if (!up) return void ws.close({ code: 4999, reason: 'test: network down' });
    ws.connectToServer();
    open.add(ws);
    ws.onClose(() => open.delete(ws));
  });
  return {
    cut() {
      up = false;
      for (const ws of open) void ws.close({ code: 4999, reason: 'test: network down' });
    },
    restore() {
      up = true;
    },
  };
}

/** In the page: whether any record of the offline copies holds these words (Yjs stores a pasted run whole). */
async function storedInBrowser(words: string): Promise<boolean> {
  const needle = new TextEncoder().encode(words);
  const contains = (bytes: Uint8Array) => {
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('accord-text:'));
  for (const name of names) {
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.addEventListener('error', () => reject(open.error));
      open.addEventListener('success', () => {
        const request = open.result.transaction('updates').objectStore('updates').getAll();
        request.addEventListener('success', () => {
          open.result.close();
          resolve(request.result);
        });
        request.addEventListener('error', () => reject(request.error));
      });
    });
    if (records.some((record) => record instanceof Uint8Array && contains(record))) return true;
  }
  return false;
}

describe('reading', () => {
  it('gives a participant a read-only text in consultation, and says why', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'consultation');
    const page = await personOnDocument({ name: 'Lucía Fernández', role: 'participant', country: 'ES' });

    const notice = page.getByTestId('readonly-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('The text is closed while the consultation is open');
    expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    expect(await page.getByTestId('toolbar').count()).toBe(0);
  });

  it('tells a participant who types into the text why it is closed and how to comment, without scrolling', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'consultation');
    const page = await personOnDocument({ name: 'Piotr Zieliński', role: 'participant', country: 'PL' });
    await page.getByTestId('readonly-notice').waitFor();
    const text = page.getByTestId('editor');
    const before = await text.textContent();
    await text.locator('p').first().click();
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.keyboard.type('hello ');
    await page.keyboard.press('Space');
    await page.keyboard.press('Backspace');
    await page
      .getByTestId('announcement')
      .getByText('You cannot type in this text. The text is closed while the consultation is open: select text to comment. To comment, select words and press Comment (Ctrl+Alt+M).')
      .waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await text.textContent()).toBe(before);
  });

  it('closes the text for a working-group member when the consultation opens', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'revision');
    const page = await personOnDocument({ name: 'Jonas Berg', role: 'working-group' });
    expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('true');

    await suite.server.setPhase(DOCUMENT_ID, 'consultation');
    await page.getByTestId('readonly-notice').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid=editor]')?.getAttribute('contenteditable') === 'false');
    await page.getByTestId('phase-badge').getByText('Consultation').waitFor();
  });
});

describe('phases', () => {
  it('lets the Secretariat open the text for revision, after saying what will change', async () => {
    await suite.server.setPhase(DOCUMENT_ID, 'consultation');
    const context = await suite.track(suite.browser.newContext({ viewport: { width: 1366, height: 768 } }));
    const [name = '', value = ''] = suite.server.adminCookie.split('=');
    await context.addCookies([{ name, value, url: suite.server.url }]);
    const page = await openDocument(context, suite.server.url, DOCUMENT_ID);
    expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('false');

    await page.getByLabel('Phase').selectOption('revision');
    const dialog = page.getByRole('dialog', { name: 'Move to Revision?' });
    await dialog.getByText('The working group will be able to edit the text; participants can no longer comment.').waitFor();
    await dialog.getByRole('button', { name: 'Move to Revision' }).click();

    await page.getByTestId('toolbar').waitFor();
    await page.getByTestId('phase-badge').getByText('Revision').waitFor();
    expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('true');
    const detail = await suite.server.api('GET', `/api/documents/${DOCUMENT_ID}`, { cookie: suite.server.adminCookie });
    expect(detail.body.phase).toBe('revision');
  });
});

describe('signing in', () => {
  it('takes a pasted invitation link, then goes where the person was going', async () => {
    const { token } = await suite.server.person({ name: 'Amira Haddad', role: 'working-group' });
    const context = await suite.track(suite.browser.newContext());
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/documents/${DOCUMENT_ID}`);
    await page.waitForURL('**/sign-in');

    await page.getByLabel('Sign-in link or token').fill('wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('not valid').waitFor();

    await page.getByLabel('Sign-in link or token').fill(`  ${suite.server.url}/join/${token}  `);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/documents/${DOCUMENT_ID}`);
    await page.getByTestId('editor').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/documents/${DOCUMENT_ID}`);

    await page.goto(`${suite.server.url}/documents/no-such-document`);
    await page.getByRole('heading', { name: 'Document not found' }).waitFor();
    await page.goto(`${suite.server.url}/documents/Not%20an%20id`);
    await page.getByRole('heading', { name: 'Document not found' }).waitFor();
    await page.goto(`${suite.server.url}/nowhere/at/all`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
