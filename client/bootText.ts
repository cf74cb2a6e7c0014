/**
 * A document page opened by its address comes with the document's words in it
 * (server/http/documentBoot.ts), with the comments' highlights, drawn over the app's root while the
 * app starts beneath them, unseen (the `.boot` rules in styles/layout.css). They stay until the app
 * shows something of its own worth the swap: the text (its snapshot or the live editor) with its
 * highlights, or anything that is not a loading state (an error, the sign-in page, another page).
 * A MutationObserver's callback runs after React's commit and before the next paint, and the
 * highlights are announced straight after the editor has drawn them, so the two never show together
 * and nothing blank or unhighlighted shows in between.
 */
const TEXT_SHOWN = '[data-testid="text-snapshot"], [data-testid="editor"]';
/** Loading states mark themselves with this attribute: while one is on screen, the words stay. */
export const BOOT_WAIT = { 'data-boot-wait': '' } as const;
const WAITING = '[data-boot-wait]';
/**
 * How long the page's words wait, once the app shows its text, for the app's highlights. Normally
 * they come a few hundred milliseconds after the text; a wait this long means a fault (the live
 * text held up by a slow connection, say: the app then shows its read-only snapshot), and the app
 * with its comments is then worth more than the page's highlights.
 */
const HIGHLIGHTS_WAIT_MS = 2500;

let highlightsDrawn = false;
let onHighlightsDrawn: (() => void) | null = null;

/** Whether the page's own words are on screen (the app need not draw them first itself). */
export function bootTextShown(): boolean {
  return document.getElementById('boot-text') !== null;
}

/** The editor has drawn the highlights of the threads list as loaded (or the list could not load). */
export function appHighlightsDrawn(): void {
  highlightsDrawn = true;
  onHighlightsDrawn?.();
}

export function handOverBootText(root: HTMLElement): void {
  const boot = document.getElementById('boot-text');
  if (!boot) return;
  const withHighlights = boot.querySelector('mark[data-thread-id]') !== null;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  const handOver = () => {
    observer.disconnect();
    onHighlightsDrawn = null;
    clearTimeout(waitTimer);
    boot.remove();
  };
  const check = () => {
    if (root.querySelector(TEXT_SHOWN) !== null) {
      if (!withHighlights || highlightsDrawn) handOver();
      else waitTimer ??= setTimeout(handOver, HIGHLIGHTS_WAIT_MS);
      return;
    }
    if (root.firstElementChild !== null && root.querySelector(WAITING) === null) handOver();
  };
  const observer = new MutationObserver(check);
  onHighlightsDrawn = check;
  observer.observe(root, { childList: true, subtree: true });
}
