/**
 * For tests only: kills the process with SIGKILL at a named moment of the mail path, so that the
 * kill -9 tests (tests/integration/mailCrash.test.ts) reach the worst moments deterministically.
 * Active only when ACCORD_TEST_CRASH_AT names the moment (config.ts reads it); never set it in a
 * deployment. The moments:
 * - `mail-held`: a change's e-mail is held, the change itself not yet written;
 * - `cause-stored`: the change is written, its e-mail not yet queued;
 * - `mail-sending`: a message is marked `sending`, not yet handed to the mail server;
 * - `mail-accepted`: the mail server accepted a message (250), not yet marked `sent`.
 */
export const CRASH_POINTS = ['mail-held', 'cause-stored', 'mail-sending', 'mail-accepted'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export function crashPoint(configured: CrashPoint | undefined, here: CrashPoint): void {
  if (configured !== here) return;
  process.kill(process.pid, 'SIGKILL');
  // The signal is delivered at once; block rather than run one more line of the path under test.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}
