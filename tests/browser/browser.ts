/**
 * Debian's Chromium driven by playwright-core, and signing a browser context in the way a person
 * does: by opening their invitation link and pressing its Sign in button.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function signedInContext(
  browser: Browser,
  url: string,
  token: string,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  // Opened directly, as from a mail program: the link signs in and lands on the documents.
  const response = await page.goto(`${url}/join/${token}`);
  if (!response?.ok()) throw new Error(`signing in by link failed: ${response?.status()}`);
  await page.waitForURL(`${url}/`);
  await page.close();
  return context;
}

/** Opens a document in a new page and waits until its text has arrived. */
export async function openDocument(context: BrowserContext, url: string, documentId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/documents/${documentId}`);
  await page.getByTestId('editor').locator('p').first().waitFor();
  return page;
}

/** Clicks just after the last character of the nth paragraph of the text, where a person would. */
export async function clickEndOfParagraph(page: Page, index: number): Promise<void> {
  const paragraph = page.getByTestId('editor').locator(':scope > p').nth(index);
  await paragraph.scrollIntoViewIfNeeded();
  const point = await paragraph.evaluate((element) => {
    // The box of the last character: a point just to its right is the end of the paragraph.
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    while (walker.nextNode()) if (walker.currentNode.textContent) last = walker.currentNode as Text;
    const box = element.getBoundingClientRect();
    if (!last) return { x: box.left + 4, y: box.top + box.height / 2 };
    const range = document.createRange();
    range.setStart(last, last.length - 1);
    range.setEnd(last, last.length);
    const rects = range.getClientRects();
    const char = rects[rects.length - 1] ?? box;
    return { x: Math.min(char.right + 3, box.right - 1), y: char.top + char.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
}

/** Drags the mouse across characters `from`..`to` of the nth paragraph of the text, as a person selects words. */
export async function dragSelect(page: Page, paragraph: number, from: number, to: number): Promise<string> {
  const block = page.getByTestId('editor').locator(':scope > p').nth(paragraph);
  await block.scrollIntoViewIfNeeded();
  const points = await block.evaluate(
    (element, [start, end]) => {
      // The middle of the left edge of the first character and of the right edge of the last one.
      // (No named inner functions: tsx would wrap them in a helper the page does not have.)
      const found: Array<{ x: number; y: number }> = [];
      for (const [offset, side] of [
        [start!, 'left'],
        [end! - 1, 'right'],
      ] as const) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let seen = 0;
        while (walker.nextNode()) {
          const node = walker.currentNode as Text;
          if (offset < seen + node.length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, offset - seen + 1);
            const box = range.getBoundingClientRect();
            found.push({ x: side === 'left' ? box.left + 1 : box.right - 1, y: box.top + box.height / 2 });
            break;
          }
          seen += node.length;
        }
      }
      if (found.length !== 2) throw new Error('offsets beyond the paragraph');
      return { start: found[0]!, end: found[1]!, text: (element.textContent ?? '').slice(start, end) };
    },
    [from, to],
  );
  await page.mouse.move(points.start.x, points.start.y);
  await page.mouse.down();
  await page.mouse.move((points.start.x + points.end.x) / 2, points.end.y, { steps: 4 });
  await page.mouse.move(points.end.x, points.end.y, { steps: 4 });
  await page.mouse.up();
  return points.text;
}
