/** The current time, refreshed every `intervalMs` and exactly at `wakeAt` (a deadline), for countdowns and rules that expire. */
import { useEffect, useState } from 'react';

export function useNow(intervalMs: number, wakeAt: string | null = null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = window.setInterval(tick, intervalMs);
    const at = wakeAt ? Date.parse(wakeAt) - Date.now() : NaN;
    // setTimeout cannot wait longer than about 24.8 days; the interval covers anything further.
    const wake = Number.isFinite(at) && at > 0 && at < 2 ** 31 - 1 ? window.setTimeout(tick, at + 50) : 0;
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(wake);
    };
  }, [intervalMs, wakeAt]);
  return now;
}
