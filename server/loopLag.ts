/**
 * Watches event-loop delay. Everything this server does shares one thread: a stall here delays every
 * keystroke of every editor, so stalls are logged with their size, to be found and fixed.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from './log.ts';

const CHECK_EVERY_MS = 5000;
const WARN_ABOVE_MS = 200;

export function watchEventLoop(log: Logger): { maxDelayMs(): number; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  let worst = 0;
  const timer = setInterval(() => {
    const maxMs = histogram.max / 1e6;
    worst = Math.max(worst, maxMs);
    if (maxMs > WARN_ABOVE_MS) log.error(`The event loop stalled for up to ${Math.round(maxMs)} ms in the last ${CHECK_EVERY_MS / 1000} s`);
    histogram.reset();
  }, CHECK_EVERY_MS);
  timer.unref();
  return {
    maxDelayMs: () => Math.max(worst, histogram.max / 1e6),
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
