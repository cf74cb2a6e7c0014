/**
 * One request started from a button: whether it is running, and the server's message when it failed.
 * A second run while one is under way is ignored, so a button may stay enabled while busy
 * (aria-disabled): disabling the focused button would drop the keyboard's focus onto the page.
 */
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
