/**
 * The stock y-websocket client, in Node, authenticated with a session cookie. Never a mock: these
 * are the same provider and protocol the browser uses.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  destroy(): void;
}

export function cookieWebSocket(cookie: string) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  };
}

export function connect(wsUrl: string, documentId: string, cookie: string, options: { doc?: Y.Doc } = {}): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds, checking after every change of the doc (no sleeps). */
export function waitForDoc(doc: Y.Doc, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check);
      reject(new Error('timed out waiting for the document'));
    }, timeoutMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** Resolves when `predicate` holds, polled on each tick of the event loop's timers (for non-Yjs state). */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
