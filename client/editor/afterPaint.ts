/**
 * Runs `callback` once the browser has painted the next frame: a frame's callbacks run before it
 * paints, so the task they queue runs after. A hidden tab paints no frames: it need not wait for one.
 * Returns the cancel.
 */

interface PostTask {
  postTask(callback: () => void, options: { priority: 'user-blocking'; signal: AbortSignal }): Promise<void>;
}

/**
 * Queues `callback` as a task ahead of React's rendering work where the browser can (Chromium's
 * `scheduler.postTask`): a timeout's task waited behind two renders of the comments list, about 120 ms.
 */
function queueTask(callback: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const controller = new AbortController();
    scheduler.postTask(callback, { priority: 'user-blocking', signal: controller.signal }).catch(() => undefined);
    return () => controller.abort();
  }
  const timer = window.setTimeout(callback);
  return () => window.clearTimeout(timer);
}

export function afterPaint(callback: () => void): () => void {
  let cancelTask: () => void = () => undefined;
  if (document.visibilityState === 'hidden') return queueTask(callback);
  const frame = requestAnimationFrame(() => {
    cancelTask = queueTask(callback);
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelTask();
  };
}
