/**
 * The clients of the benchmarks: the stock y-websocket WebsocketProvider in Node (tests/helpers/
 * collabClient.ts), the same code against both servers. Our server wants a session cookie; the
 * reference ignores it.
 */
import { connect, type CollabClient } from '../helpers/collabClient.ts';
import { within } from './helpers.ts';
import type { Side } from './helpers.ts';

// Each provider adds a process 'exit' listener; hundreds of clients are intended here.
process.setMaxListeners(Math.max(process.getMaxListeners(), 2000));

/** Where the clients of one side connect, and as whom (cookies of working-group members and of readers). */
export interface Endpoint {
  side: Side;
  /** ws://127.0.0.1:PORT; documents are at /collab/<id> on both servers. */
  wsUrl: string;
  writers: string[];
  readers: string[];
}

export type { CollabClient };

export function join(endpoint: Endpoint, documentId: string, cookie: string): CollabClient {
  return connect(endpoint.wsUrl, documentId, cookie);
}

export function allSynced(clients: CollabClient[], ms: number, what: string): Promise<void> {
  return within(Promise.all(clients.map((c) => c.synced)).then(() => undefined), ms, what);
}

export function closeAll(clients: CollabClient[]): void {
  for (const client of clients) client.destroy();
}

/** The cookie for the nth client of a kind, cycling through the people made for it. */
export function cookieOf(cookies: string[], index: number): string {
  const cookie = cookies[index % cookies.length];
  if (cookie === undefined) throw new Error('no people were made for this endpoint');
  return cookie;
}
