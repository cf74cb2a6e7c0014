/**
 * The sign-in failure limit (people/failureLimit.ts) counted in Redis, for every process of the
 * deployment: one key per address and window, incremented and given its expiry in one Lua script, so
 * that two processes counting at once never lose a count nor leave a key without expiry. While Redis
 * does not answer, each process counts alone, in memory, rather than refusing or admitting everyone.
 */
import { createHash } from 'node:crypto';
import { FailureLimit, type FailureCounter, type FailureWindow } from '../people/failureLimit.ts';
import type { RedisBus } from './redisBus.ts';

const COUNT_FAILURE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

export function sharedFailureLimit(bus: RedisBus, window: FailureWindow): FailureCounter {
  const alone = new FailureLimit(window);
  return {
    async fail(address) {
      // The address is hashed: keys stay short, and Redis holds no list of who tried to sign in.
      const key = bus.name(`signin-failures:${createHash('sha256').update(address).digest('hex').slice(0, 32)}`);
      try {
        const [count, ttl] = (await bus.commands.eval(COUNT_FAILURE, 1, key, String(window.windowMs))) as [number, number];
        return count > window.max ? Math.max(1, Math.ceil(ttl / 1000)) : null;
      } catch {
        return alone.failNow(address);
      }
    },
  };
}
