/**
 * The reference y-websocket server on a plain `ws` and http server, on 127.0.0.1 and port 0: the
 * stock @y/websocket-server@0.1.1 (`echo`) or referenceRelay.ts's copy without the echo. Imports
 * nothing from server/, so that referenceProcess.ts can run it in a process of its own.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { docs as referenceDocs, getYDoc, setupWSConnection } from '@y/websocket-server/utils';
import { createReferenceRelayWithoutEcho } from './referenceRelay.ts';
import type { Endpoint } from './clients.ts';
import { until } from './helpers.ts';

export interface ReferenceServer {
  endpoint: Endpoint;
  /** Puts `state` into the reference's in-memory document. */
  prime(documentId: string, state: Uint8Array): void;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The stock reference (`echo`: it sends each update back to its sender too), or the copy without the echo. */
export async function startReference(kind: 'echo' | 'no-echo' = 'echo'): Promise<ReferenceServer> {
  const relay =
    kind === 'echo'
      ? { docs: referenceDocs as Map<string, { conns: Map<unknown, unknown> }>, getYDoc: getYDoc as (name: string) => Y.Doc, setupWSConnection }
      : createReferenceRelayWithoutEcho();
  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('okay');
  });
  const prefix = '/collab/';
  wss.on('connection', (conn, request) => {
    const url = request.url ?? '/';
    relay.setupWSConnection(conn, request, { docName: url.startsWith(prefix) ? (url.slice(prefix.length).split('?')[0] ?? '') : url.slice(1) });
  });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    // No authentication: the cookie header the clients send is ignored.
    endpoint: { side: kind === 'echo' ? 'reference' : 'referenceNoEcho', wsUrl: `ws://127.0.0.1:${port}`, writers: [''], readers: [''] },
    prime(documentId, state) {
      Y.applyUpdate(relay.getYDoc(documentId), state);
    },
    idle: () => until(() => [...relay.docs.values()].every((doc) => doc.conns.size === 0), 30_000, 'the reference to close every socket'),
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
