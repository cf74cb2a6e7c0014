/**
 * A document page opened by its address comes with the document's words in it
 * (server/http/documentBoot.ts), drawn over the app's root while the app starts beneath them, unseen
 * (the `.boot` rules in styles/layout.css). They stay until the app shows something of its own worth
 * the swap: the text (its snapshot or the live editor), or anything that is not a loading state (an
 * error, the sign-in page, another page). A MutationObserver's callback runs after React's commit and
 * before the next paint, so the two never show together and nothing blank shows in between.
 */
const TEXT_SHOWN = '[data-testid="text-snapshot"], [data-testid="editor"]';
/** Loading states mark themselves with this attribute: while one is on screen, the words stay. */
export const BOOT_WAIT = { 'data-boot-wait': '' } as const;
const WAITING = '[data-boot-wait]';

/** Whether the page's own words are on screen (the app need not draw them first itself). */
export function bootTextShown(): boolean {
  return document.getElementById('boot-text') !== null;
}

export function handOverBootText(root: HTMLElement): void {
  const boot = document.getElementById('boot-text');
  if (!boot) return;
  const observer = new MutationObserver(() => {
    const textShown = root.querySelector(TEXT_SHOWN) !== null;
    const settled = root.firstElementChild !== null && root.querySelector(WAITING) === null;
    if (!textShown && !settled) return;
    observer.disconnect();
    boot.remove();
  });
  observer.observe(root, { childList: true, subtree: true });
}
