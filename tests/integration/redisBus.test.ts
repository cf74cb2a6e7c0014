/**
 * The processes' bus (scale/redisBus.ts), on a real Redis. A publish that fails while Redis is away
 * is not simply dropped: once the sender's connection is back it sends a catch-up on that channel, so
 * a process whose own connection never dropped still learns that it missed something (the sender
 * reaches Redis through a gate the test shuts). A request waits for every other listener's answer.
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

describe.skipIf(unavailable)(`a request${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  const buses: RedisBus[] = [];
  afterAll(async () => {
    for (const bus of buses) await bus.close();
  });
  const prefix = `accord-test:request-${Date.now()}-${Math.random().toString(36).slice(2)}:`;
  const open = async () => {
    const bus = await openRedisBus(`redis://${REDIS_HOST}:${REDIS_PORT}`, prefix, createLogger('silent'));
    buses.push(bus);
    return bus;
  };

  it('resolves once every other listener has finished with it, and after its time-out at most', async () => {
    const [asker, slow, quick, elsewhere] = [await open(), await open(), await open(), await open()];
    const channel = asker.name('doc:request');
    let release = () => {};
    const slowDone = new Promise<void>((resolve) => (release = resolve));
    const heard: string[] = [];
    await slow.subscribe(channel, (kind, payload) => {
      heard.push(`slow ${kind} ${payload.toString()}`);
      return slowDone;
    });
    // Two handlers in one process: one answer, once both are done.
    await quick.subscribe(channel, (kind) => void heard.push(`quick ${kind}`));
    await quick.subscribe(channel, () => undefined);
    await elsewhere.subscribe(asker.name('doc:other'), () => heard.push('elsewhere'));

    let resolved = false;
    const asked = asker.request(channel, 'h', 'hold', 10_000).then(() => (resolved = true));
    await waitFor(() => heard.length === 2, 5000, 'both listeners to hear it');
    expect(heard.toSorted()).toEqual(['quick h', 'slow h hold']);
    // The quick one has answered; the slow one is still at work.
    await asker.commands.ping();
    await slow.commands.ping();
    expect(resolved).toBe(false);
    release();
    await asked;
    expect(heard).not.toContain('elsewhere');

    // Nobody else listening: at once. A listener that never finishes: the time-out.
    const started = Date.now();
    await asker.request(asker.name('doc:nobody'), 'h', '', 10_000);
    expect(Date.now() - started).toBeLessThan(2000);
    await slow.subscribe(asker.name('doc:stuck'), () => new Promise(() => {}));
    const stuckFrom = Date.now();
    await asker.request(asker.name('doc:stuck'), 'h', '', 300);
    expect(Date.now() - stuckFrom).toBeGreaterThanOrEqual(290);
  });
});
