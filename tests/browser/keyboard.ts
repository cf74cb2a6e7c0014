/**
 * Driving a page with the keyboard alone, for the keyboard-only tests of each role: Tab until
 * something has the focus, and say what has it. The tests use locators only to ask what has the
 * focus, never to click, focus or fill.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** What has the focus, as a person would name it: its accessible label, else its words, else its tag. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '<body>';
    const labelled = element.getAttribute('aria-labelledby');
    const label =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled.split(' ')[0]!)?.textContent : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent?.trim().slice(0, 50);
    return `${element.tagName.toLowerCase()}: ${label ?? ''}`.trim();
  });
}

/** Whether the locator's element has the focus. */
export const isFocused = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element === document.activeElement);

/** Waits until the locator's element has the focus; fails naming what has it instead. */
export async function expectFocus(page: Page, locator: Locator): Promise<void> {
  await locator.waitFor();
  await expect.poll(async () => ((await isFocused(locator)) ? 'focused' : `focus is on ${await focusedName(page)}`)).toBe('focused');
}

/** Presses Tab (or Shift+Tab, or a list's own key such as j) until the locator's element has the focus; fails with what had it on the way. */
export async function tabTo(page: Page, locator: Locator, max = 80, key = 'Tab'): Promise<void> {
  await locator.waitFor();
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    if (await isFocused(locator)) return;
    await page.keyboard.press(key);
    seen.push(await focusedName(page));
  }
  if (await isFocused(locator)) return;
  throw new Error(`never reached with ${key} after ${max} presses; focus went to:\n${seen.join('\n')}`);
}

/** The names of what takes the focus on each of `count` Tab presses. */
export async function tabRound(page: Page, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focusedName(page));
  }
  return seen;
}

/** Whether the focus is inside the element the locator finds. */
export const focusInside = (locator: Locator): Promise<boolean> => locator.evaluate((element) => element.contains(document.activeElement));
