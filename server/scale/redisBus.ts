/**
 * The Redis connections of one process (docs/SCALING.md): one for publishing and commands, one that
 * only subscribes. A channel is subscribed while something in this process listens to it, and
 * unsubscribed when the last listener leaves, so an instance receives only what concerns documents
 * its own clients use. Every message carries the id of the process that sent it; a process never
 * handles its own. ioredis reconnects and resubscribes by itself; the listeners of onReconnected()
 * then catch up from the database, because whatever was published meanwhile is lost.
 *
 * Wire format of a message (binary, so a Yjs update travels as it is): one byte of kind, one byte of
 * origin length, the origin, then the payload.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

export type BusHandler = (kind: string, payload: Buffer) => void;

export interface RedisBus {
  /** This process's id, sent with every message. */
  readonly instanceId: string;
  /** The deployment's own name for a channel or key. */
  name(suffix: string): string;
  /** Sends to every other process listening on the channel; a failure (Redis down) is logged, not thrown. */
  publish(channel: string, kind: string, payload: Uint8Array | string): void;
  /** Resolves once Redis has confirmed the subscription; returns the unsubscribe. */
  subscribe(channel: string, handler: BusHandler): Promise<() => void>;
  /** Called each time the subscriber connection is back after a loss. */
  onReconnected(listener: () => void): void;
  /** The command connection, for shared counters and locks. */
  readonly commands: Redis;
  close(): Promise<void>;
}

export class RedisUnavailable extends Error {}

export async function openRedisBus(url: string, prefix: string, log: Logger): Promise<RedisBus> {
  const instanceId = randomBytes(8).toString('hex');
  const origin = Buffer.from(instanceId);
  const options = {
    lazyConnect: true,
    // A publish while Redis is away fails at once instead of piling up: the database holds what it relayed.
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000),
  };
  // Loaded only by a deployment that has Redis: ioredis costs a process without it about 8 MB.
  const { Redis: RedisClient } = await import('ioredis');
  const commands = new RedisClient(url, options);
  const subscriber = new RedisClient(url, { ...options, autoResubscribe: true });
  for (const [name, connection] of [['commands', commands], ['subscriber', subscriber]] as const) {
    connection.on('error', (error: Error) => log.debug(`Redis (${name}): ${error.message}`));
  }
  try {
    await Promise.all([commands.connect(), subscriber.connect()]);
  } catch (error) {
    commands.disconnect();
    subscriber.disconnect();
    throw new RedisUnavailable(`Redis does not answer at REDIS_URL (${(error as Error).message})`);
  }

  const channels = new Map<string, { handlers: Set<BusHandler>; ready: Promise<void> }>();
  /** Subscribes; while Redis is away the channel is kept, and subscribed again once it is back. */
  const subscribeNow = (channel: string) =>
    subscriber.subscribe(channel).then(
      () => {},
      (error: Error) => log.debug(`Could not subscribe to ${channel} now: ${error.message}`),
    );
  subscriber.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => {
    const handlers = channels.get(channelBuffer.toString())?.handlers;
    if (!handlers || message.length < 2) return;
    const originLength = message[1]!;
    if (message.subarray(2, 2 + originLength).equals(origin)) return;
    const kind = String.fromCharCode(message[0]!);
    const payload = message.subarray(2 + originLength);
    for (const handler of handlers) {
      try {
        handler(kind, payload);
      } catch (error) {
        log.error(`Could not handle a relayed message (${kind})`, error);
      }
    }
  });

  const reconnectListeners: Array<() => void> = [];
  let lost = false;
  let closing = false;
  subscriber.on('close', () => {
    if (!lost && !closing) log.info('Lost the connection to Redis; reconnecting');
    lost = true;
  });
  subscriber.on('ready', () => {
    if (!lost) return;
    lost = false;
    log.info('Connected to Redis again');
    // SUBSCRIBE is idempotent: this covers channels whose subscription failed while Redis was away.
    void Promise.all([...channels.keys()].map(subscribeNow)).then(() => {
      for (const listener of reconnectListeners) listener();
    });
  });

  return {
    instanceId,
    commands,
    name: (suffix) => `${prefix}${suffix}`,
    publish(channel, kind, payload) {
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const message = Buffer.concat([Buffer.from([kind.charCodeAt(0), origin.length]), origin, body]);
      commands.publish(channel, message).catch((error: Error) => log.debug(`Could not publish on ${channel}: ${error.message}`));
    },
    async subscribe(channel, handler) {
      let entry = channels.get(channel);
      if (!entry) channels.set(channel, (entry = { handlers: new Set(), ready: subscribeNow(channel) }));
      entry.handlers.add(handler);
      await entry.ready;
      return () => {
        const current = channels.get(channel);
        if (!current?.handlers.delete(handler) || current.handlers.size > 0) return;
        channels.delete(channel);
        subscriber.unsubscribe(channel).catch(() => {});
      };
    },
    onReconnected: (listener) => void reconnectListeners.push(listener),
    async close() {
      closing = true;
      subscriber.disconnect();
      await commands.quit().catch(() => commands.disconnect());
    },
  };
}
