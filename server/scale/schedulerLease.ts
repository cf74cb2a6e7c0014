/**
 * Once per deployment, not once per process: the mail scheduler's pass (reminders, digests) runs in
 * the process that takes the pass's lease, a Redis key set with NX and an expiry just under the
 * scheduler's interval. The lease is never released: it expires by itself before the next pass, so
 * whichever process comes first then takes the next one, and a process that dies holding it delays
 * the deployment's pass by one interval at most.
 *
 * Why Redis and not a PostgreSQL advisory lock: a transaction-scoped advisory lock ends with its
 * transaction, and a pass spans many statements and the mail server's answers; a session-scoped one
 * would pin a pooled connection and say "not at the same time", not "once per interval" (processes
 * whose timers are staggered would each run a pass in turn). Should Redis not answer, every process
 * runs its pass: a reminder or digest late is worse than work done twice, and the store's unique keys
 * (mail_reminders, mail_keys) still queue each message once.
 */
import type { Logger } from '../log.ts';
import type { RedisBus } from './redisBus.ts';

export function schedulerLease(bus: RedisBus, intervalMs: number, log: Logger): () => Promise<boolean> {
  const key = bus.name('mail-scheduler-pass');
  const leaseMs = Math.max(1, Math.floor(intervalMs * 0.9));
  return async () => {
    try {
      return (await bus.commands.set(key, bus.instanceId, 'PX', leaseMs, 'NX')) === 'OK';
    } catch (error) {
      log.debug(`Redis did not answer for the scheduler's lease; this process runs the pass: ${(error as Error).message}`);
      return true;
    }
  };
}
