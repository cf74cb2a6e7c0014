/**
 * The Redis connections of one process (docs/SCALING.md): one for publishing and commands, one that
 * only subscribes. A channel is subscribed while something in this process listens to it, and
 * unsubscribed when the last listener leaves, so an instance receives only what concerns documents
 * its own clients use. Every message carries the id of the process that sent it; a process never
 * handles its own. ioredis reconnects and resubscribes by itself; the listeners of onReconnected()
 * then catch up from the database, because whatever was published meanwhile is lost. The other side
 * of a loss is a publish that failed: the other processes never heard of it, even where their own
 * connection never dropped. So once the command connection is back, a CATCH_UP message goes out on
 * every channel whose publish failed, and its subscribers read again what they may have missed.
 *
 * Wire format of a message (binary, so a Yjs update travels as it is): one byte of kind, one byte of
 * origin length, the origin, then the payload.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

/**
 * `from` is the id of the process that sent the message. A handler may return a promise: a request
 * (RedisBus.request) is answered once every handler's has settled.
 */
export type BusHandler = (kind: string, payload: Buffer, from: string) => unknown;

/** The kind of message, on any channel, that says "a message here was lost: read the database again". */
export const CATCH_UP = 'c';
/** A request's message, and its answer (RedisBus.request): the kinds the bus itself uses. */
const REQUEST = 'q';
const ANSWER = 'k';
const REQUEST_ID_BYTES = 8;
/** A publish that failed while the command connection looked up is retried as a catch-up after this long. */
const CATCH_UP_RETRY_MS = 1_000;

export interface RedisBus {
  /** This process's id, sent with every message. */
  readonly instanceId: string;
  /** The deployment's own name for a channel or key. */
  name(suffix: string): string;
  /** Sends to every other process listening on the channel; a failure (Redis down) is logged, not thrown. */
  publish(channel: string, kind: string, payload: Uint8Array | string): void;
  /** Resolves once Redis has confirmed the subscription; returns the unsubscribe. */
  subscribe(channel: string, handler: BusHandler): Promise<() => void>;
  /**
   * Publishes like publish(), then waits until every other process that received it has answered:
   * each does so once all its handlers of the message have finished (a promise they return settled).
   * Resolves after `timeoutMs` at most (a process that died does not answer), and at once when
   * Redis is away (nobody can receive it).
   */
  request(channel: string, kind: string, payload: Uint8Array | string, timeoutMs: number): Promise<void>;
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
    if (kind === ANSWER) return void answered.get(payload.toString('hex'))?.();
    const from = message.toString('latin1', 2, 2 + originLength);
    if (kind !== REQUEST) return void handle(handlers, kind, payload, from);
    // A request: its own kind and payload follow its id; answered once the handlers are done.
    const id = payload.subarray(0, REQUEST_ID_BYTES);
    const inner = payload.subarray(REQUEST_ID_BYTES);
    void Promise.allSettled(handle(handlers, String.fromCharCode(inner[0]!), inner.subarray(1), from)).then(() => send(channelBuffer.toString(), ANSWER, Buffer.from(id)));
  });
  function handle(handlers: Set<BusHandler>, kind: string, payload: Buffer, from: string): unknown[] {
    const results: unknown[] = [];
    for (const handler of handlers) {
      try {
        results.push(handler(kind, payload, from));
      } catch (error) {
        log.error(`Could not handle a relayed message (${kind})`, error);
      }
    }
    return results;
  }
  /** The requests of this process waiting for answers, by id: each called once per answer. */
  const answered = new Map<string, () => void>();

  /** Channels with a publish that failed since the last catch-up sent on them. */
  const missed = new Set<string>();
  let catchUpTimer: NodeJS.Timeout | null = null;
  const send = (channel: string, kind: string, body: Buffer) => {
    const message = Buffer.concat([Buffer.from([kind.charCodeAt(0), origin.length]), origin, body]);
    commands.publish(channel, message).catch((error: Error) => {
      log.debug(`Could not publish on ${channel}: ${error.message}`);
      missed.add(channel);
      // Failed while the connection is up (it came back meanwhile): 'ready' will not come again.
      if (commands.status === 'ready' && !closing) catchUpTimer ??= setTimeout(sendCatchUps, CATCH_UP_RETRY_MS).unref();
    });
  };
  function sendCatchUps(): void {
    catchUpTimer = null;
    const toTell = [...missed];
    missed.clear();
    for (const channel of toTell) send(channel, CATCH_UP, Buffer.alloc(0));
  }
  commands.on('ready', () => {
    if (missed.size) sendCatchUps();
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

  const bus: RedisBus = {
    instanceId,
    commands,
    name: (suffix) => `${prefix}${suffix}`,
    publish(channel, kind, payload) {
      send(channel, kind, typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
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
    async request(channel, kind, payload, timeoutMs) {
      const id = randomBytes(REQUEST_ID_BYTES);
      const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
      let answers = 0;
      let expected = Number.POSITIVE_INFINITY;
      let finish = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));
      answered.set(id.toString('hex'), () => {
        if (++answers >= expected) finish();
      });
      // Subscribed (and confirmed) first: the answers come on the channel, and this process's own
      // subscriber is then one of those PUBLISH counts, which does not answer.
      const unsubscribe = await bus.subscribe(channel, () => {});
      const timer = setTimeout(finish, timeoutMs);
      try {
        const message = Buffer.concat([Buffer.from([REQUEST.charCodeAt(0), origin.length]), origin, id, Buffer.from([kind.charCodeAt(0)]), body]);
        const receivers = await commands.publish(channel, message).catch((error: Error) => {
          log.debug(`Could not publish on ${channel}: ${error.message}`);
          return 0;
        });
        expected = receivers - 1;
        if (answers >= expected) finish();
        await finished;
      } finally {
        clearTimeout(timer);
        answered.delete(id.toString('hex'));
        unsubscribe();
      }
    },
    onReconnected: (listener) => void reconnectListeners.push(listener),
    async close() {
      closing = true;
      if (catchUpTimer) clearTimeout(catchUpTimer);
      subscriber.disconnect();
      await commands.quit().catch(() => commands.disconnect());
    },
  };
  return bus;
}
