/**
 * Copies text for the person. The clipboard API needs a secure context and permission; where it
 * fails, `selectFallback` selects the text on screen so Ctrl+C (or a tablet's long-press menu) can.
 * Resolves to whether the text is on the clipboard.
 */
export async function copyText(text: string, selectFallback: () => void): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    selectFallback();
    return false;
  }
}
