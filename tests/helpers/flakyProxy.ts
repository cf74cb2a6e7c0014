/**
 * A WebSocket proxy that makes the network bad on purpose: frames are delayed by a random time (so
 * they arrive out of order relative to each other), some are sent twice, and the proxy can cut every
 * connection at once. Seeded, so a failing run can be replayed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';

export interface FlakyProxy {
  url: string;
  /** Closes every proxied connection (clients reconnect through the proxy). */
  cutAll(): void;
  close(): Promise<void>;
}

export interface Flakiness {
  random: () => number;
  maxDelayMs: number;
  duplicateRate: number;
}

export async function startFlakyProxy(target: () => string, cookie: string, flaky: Flakiness): Promise<FlakyProxy> {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http });
  const pairs = new Set<{ client: WebSocket; upstream: WebSocket }>();

  const forward = (to: WebSocket, data: RawData) => {
    const copies = flaky.random() < flaky.duplicateRate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      setTimeout(() => {
        if (to.readyState === WebSocket.OPEN) to.send(data);
      }, Math.floor(flaky.random() * flaky.maxDelayMs));
    }
  };

  wss.on('connection', (client, req) => {
    const upstream = new WebSocket(`${target()}${req.url ?? ''}`, { headers: { cookie } });
    const pair = { client, upstream };
    pairs.add(pair);
    const early: RawData[] = [];
    client.on('message', (data) => (upstream.readyState === WebSocket.OPEN ? forward(upstream, data) : early.push(data)));
    upstream.on('open', () => early.splice(0).forEach((d) => forward(upstream, d)));
    upstream.on('message', (data) => forward(client, data));
    const end = () => {
      pairs.delete(pair);
      client.terminate();
      upstream.terminate();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    cutAll: () => [...pairs].forEach((p) => p.client.terminate()),
    close: () =>
      new Promise((resolve) => {
        [...pairs].forEach((p) => p.client.terminate());
        wss.close();
        http.close(() => resolve());
      }),
  };
}
