/**
 * The reference server's relay without its echo, for the bench only.
 *
 * @y/websocket-server 0.1.1 (`src/utils.js`, MIT, Copyright (c) 2025 Kevin Jahns) sends every
 * document update to every connection of the document, the one that sent it included: its
 * `updateHandler` ignores the update's origin. Our server skips the sender. The echo costs the
 * reference a send per update and its typist a decode and a no-op apply per update, so a comparison
 * with the stock reference credits us with a difference that is not our work. This is a copy of that
 * file's relay logic (document map, connection handling, sync, awareness, ping) with one change,
 * marked below: the update is not sent back to the connection it came from. Persistence and the HTTP
 * callback, which the bench does not use, are left out. node_modules is not touched; the stock
 * reference is still measured as it is (servers.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const messageSync = 0;
const messageAwareness = 1;
const wsReadyStateConnecting = 0;
const wsReadyStateOpen = 1;
const pingTimeout = 30000;

class SharedDoc extends Y.Doc {
  /** Each connection and the awareness client ids it controls. */
  readonly conns = new Map<WebSocket, Set<number>>();
  readonly awareness = new awarenessProtocol.Awareness(this);

  constructor(readonly name: string) {
    super({ gc: true });
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, conn: WebSocket | null) => {
      const changedClients = added.concat(updated, removed);
      if (conn !== null) {
        const controlled = this.conns.get(conn);
        if (controlled !== undefined) {
          added.forEach((clientID) => controlled.add(clientID));
          removed.forEach((clientID) => controlled.delete(clientID));
        }
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageAwareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changedClients));
      const buff = encoding.toUint8Array(encoder);
      this.conns.forEach((_, c) => send(this, c, buff));
    });
    this.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      // The one change from the reference: the connection the update came from does not get it back.
      this.conns.forEach((_, conn) => {
        if (conn !== origin) send(this, conn, message);
      });
    });
  }
}

export interface ReferenceRelay {
  /** The reference's documents, by name. */
  docs: Map<string, SharedDoc>;
  getYDoc(name: string): SharedDoc;
  setupWSConnection(conn: WebSocket, req: IncomingMessage, options: { docName: string }): void;
}

/** A relay with its own documents (the stock reference keeps one map per process). */
export function createReferenceRelayWithoutEcho(): ReferenceRelay {
  const docs = new Map<string, SharedDoc>();
  const getYDoc = (name: string): SharedDoc => {
    let doc = docs.get(name);
    if (!doc) {
      doc = new SharedDoc(name);
      docs.set(name, doc);
    }
    return doc;
  };

  const messageListener = (conn: WebSocket, doc: SharedDoc, message: Uint8Array) => {
    try {
      const encoder = encoding.createEncoder();
      const decoder = decoding.createDecoder(message);
      const messageType = decoding.readVarUint(decoder);
      switch (messageType) {
        case messageSync:
          encoding.writeVarUint(encoder, messageSync);
          syncProtocol.readSyncMessage(decoder, encoder, doc, conn);
          // Only the reply's type written: nothing to answer.
          if (encoding.length(encoder) > 1) send(doc, conn, encoding.toUint8Array(encoder));
          break;
        case messageAwareness:
          awarenessProtocol.applyAwarenessUpdate(doc.awareness, decoding.readVarUint8Array(decoder), conn);
          break;
      }
    } catch (error) {
      console.error(error);
      doc.emit('error' as never, [error] as never);
    }
  };

  return {
    docs,
    getYDoc,
    setupWSConnection(conn, _req, { docName }) {
      conn.binaryType = 'arraybuffer';
      const doc = getYDoc(docName);
      doc.conns.set(conn, new Set());
      conn.on('message', (message: ArrayBuffer) => messageListener(conn, doc, new Uint8Array(message)));
      let pongReceived = true;
      const pingInterval = setInterval(() => {
        if (!pongReceived) {
          if (doc.conns.has(conn)) closeConn(doc, conn);
          clearInterval(pingInterval);
        } else if (doc.conns.has(conn)) {
          pongReceived = false;
          try {
            conn.ping();
          } catch {
            closeConn(doc, conn);
            clearInterval(pingInterval);
          }
        }
      }, pingTimeout);
      conn.on('close', () => {
        closeConn(doc, conn);
        clearInterval(pingInterval);
      });
      conn.on('pong', () => {
        pongReceived = true;
      });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageSync);
      syncProtocol.writeSyncStep1(encoder, doc);
      send(doc, conn, encoding.toUint8Array(encoder));
      const awarenessStates = doc.awareness.getStates();
      if (awarenessStates.size > 0) {
        const awarenessEncoder = encoding.createEncoder();
        encoding.writeVarUint(awarenessEncoder, messageAwareness);
        encoding.writeVarUint8Array(awarenessEncoder, awarenessProtocol.encodeAwarenessUpdate(doc.awareness, [...awarenessStates.keys()]));
        send(doc, conn, encoding.toUint8Array(awarenessEncoder));
      }
    },
  };
}

/** Without persistence the reference keeps a document in memory after its last connection leaves. */
function closeConn(doc: SharedDoc, conn: WebSocket): void {
  const controlledIds = doc.conns.get(conn);
  if (controlledIds) {
    doc.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(doc.awareness, [...controlledIds], null);
  }
  conn.close();
}

function send(doc: SharedDoc, conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== wsReadyStateConnecting && conn.readyState !== wsReadyStateOpen) closeConn(doc, conn);
  try {
    conn.send(message, {}, (error) => {
      if (error != null) closeConn(doc, conn);
    });
  } catch {
    closeConn(doc, conn);
  }
}
