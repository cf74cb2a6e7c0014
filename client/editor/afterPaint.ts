/**
 * Runs `callback` once the browser has painted the next frame: a frame's callbacks run before it
 * paints, so the task they queue runs after. A hidden tab paints no frames: it need not wait for one.
 * Returns the cancel.
 */
export function afterPaint(callback: () => void): () => void {
  let timer = 0;
  const after = () => {
    timer = window.setTimeout(callback);
  };
  if (document.visibilityState === 'hidden') {
    after();
    return () => window.clearTimeout(timer);
  }
  const frame = requestAnimationFrame(after);
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
