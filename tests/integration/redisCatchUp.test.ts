/**
 * A publish that fails while Redis is away is not simply dropped: once the sender's connection is
 * back it sends a catch-up on that channel, so a process whose own connection never dropped still
 * learns that it missed something (scale/redisBus.ts). Real Redis; the sender reaches it through a
 * gate the test shuts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CATCH_UP, openRedisBus, type RedisBus } from '../../server/scale/redisBus.ts';
import { createLogger } from '../../server/log.ts';
import { waitFor } from '../helpers/collabClient.ts';
import { startTcpGate, type TcpGate } from '../helpers/tcpGate.ts';
import { REDIS_HOST, REDIS_PORT, scaleOutUnavailable } from '../helpers/scaleOut.ts';

const unavailable = await scaleOutUnavailable();

describe.skipIf(unavailable)(`a publish lost while Redis is away${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const buses: RedisBus[] = [];
  let gate: TcpGate | null = null;
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await gate?.close();
  });

  it('is followed by a catch-up on its channel once the sender is connected again', async () => {
    const prefix = `accord-test:catch-up-${Date.now()}-${Math.random().toString(36).slice(2)}:`;
    const log = createLogger('silent');
    const failures: string[] = [];
    gate = await startTcpGate(REDIS_HOST, REDIS_PORT);
    const sender = await openRedisBus(`redis://127.0.0.1:${gate.port}`, prefix, {
      ...log,
      debug: (message) => void (message.startsWith('Could not publish') && failures.push(message)),
    });
    const receiver = await openRedisBus(`redis://${REDIS_HOST}:${REDIS_PORT}`, prefix, log);
    buses.push(sender, receiver);
    const heard: string[] = [];
    const channel = sender.name('doc:catch-up');
    const other = sender.name('doc:quiet');
    await receiver.subscribe(channel, (kind, payload) => heard.push(`${kind}:${payload.toString()}`));
    await receiver.subscribe(other, (kind) => heard.push(`quiet ${kind}`));

    sender.publish(channel, 'u', 'before');
    await waitFor(() => heard.includes('u:before'), 5000, 'the first message');

    await gate.shut();
    sender.publish(channel, 'u', 'while away');
    sender.publish(channel, 'u', 'while away, again');
    // A short blip is bridged by the client's queue; one long enough for it to give up is a loss.
    await waitFor(() => failures.length === 2, 10_000, 'both publishes to fail');
    await gate.open();

    // The receiver's own connection never dropped: only the sender's catch-up tells it.
    await waitFor(() => heard.includes(`${CATCH_UP}:`), 10_000, 'the catch-up');
    expect(heard.filter((h) => h === `${CATCH_UP}:`)).toHaveLength(1);
    expect(heard).not.toContain('u:while away');
    // Only the channel whose publish failed is told.
    expect(heard.some((h) => h.startsWith('quiet'))).toBe(false);

    sender.publish(channel, 'u', 'after');
    await waitFor(() => heard.includes('u:after'), 5000, 'a message after the catch-up');
  });
});
