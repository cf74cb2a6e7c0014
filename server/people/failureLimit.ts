/**
 * A fixed-window limit on failed sign-ins per client address. Only failures count, and only failures
 * are refused: the token is checked first, so a valid token always gets in, and one guesser behind a
 * seminar venue's network cannot lock out the forty people signing in correctly from it. This one
 * counts in memory, for one process; with Redis, scale/sharedFailureLimit.ts counts for the whole
 * deployment, so that a guesser gains nothing by reaching several processes.
 */
export interface FailureCounter {
  /**
   * Counts a failure from `address`. Resolves with null while the address is within its budget, or
   * the seconds to wait once it is over (the caller answers 429 instead of its usual refusal).
   */
  fail(address: string): Promise<number | null>;
}

export interface FailureWindow {
  windowMs: number;
  max: number;
}

export class FailureLimit implements FailureCounter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly options: FailureWindow) {}

  fail(address: string): Promise<number | null> {
    return Promise.resolve(this.failNow(address));
  }

  failNow(address: string): number | null {
    const now = Date.now();
    let entry = this.failures.get(address);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size > 10_000) for (const [k, v] of this.failures) if (v.resetAt <= now) this.failures.delete(k);
      entry = { count: 0, resetAt: now + this.options.windowMs };
      this.failures.set(address, entry);
    }
    entry.count++;
    return entry.count > this.options.max ? Math.ceil((entry.resetAt - now) / 1000) : null;
  }
}
