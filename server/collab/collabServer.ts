/**
 * The collaboration endpoint, `/collab/:documentId`. Wires the pieces: authentication of the upgrade
 * (session cookie, same origin, document exists), the rooms, one Connection per socket, presence
 * relay, heartbeats, and closing sockets whose rights changed.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MAX_FRAME_BYTES, DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { CLOSE_CODES, COLLAB_PATH } from '../../shared/protocol.ts';
import { textAccessOn } from '../../shared/access.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import type { SessionService } from '../people/sessions.ts';
import type { Logger } from '../log.ts';
import { isForeignOrigin } from '../http/origin.ts';
import { sessionIdFromCookieHeader } from '../http/cookies.ts';
import { Connection, MalformedMessage, awarenessMessage, updateMessage } from './connection.ts';
import { RoomRegistry, type Room } from './rooms.ts';
import { colorFor } from './identity.ts';
import { generationOf } from '../http/presenters.ts';
import type { DocumentStateStore } from '../storage/documentState.ts';

const HEARTBEAT_MS = 30_000;
const SHUTDOWN_GRACE_MS = 300;

export interface CollabServer {
  rooms: RoomRegistry;
  attach(server: Server): void;
  /** Re-checks every socket on the document (after a phase change) and closes those whose rights changed. */
  refreshDocument(documentId: string): Promise<void>;
  /** Re-checks every socket of a person (after a role change) and closes those whose rights changed. */
  refreshPerson(personId: string): Promise<void>;
  /** Closes every socket of a person (signed out, deactivated, role changed). */
  closePerson(personId: string, code: number, reason: string): void;
  connectionCount(): number;
  close(): Promise<void>;
}

export interface CollabDeps {
  records: Records;
  sessions: SessionService;
  states: DocumentStateStore;
  log: Logger;
  publicUrl: string | undefined;
  /** How often sockets are pinged and their sessions re-checked. */
  heartbeatMs?: number;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

export function createCollabServer(deps: CollabDeps): CollabServer {
  const { records, sessions, log } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const connections = new Set<Connection>();
  /** The connections of each open room: a relay visits only its own room's sockets. */
  const members = new WeakMap<Room, Set<Connection>>();
  const membersOf = (room: Room) => members.get(room) ?? members.set(room, new Set()).get(room)!;
  /** Which connection speaks for each awareness client id, per room. */
  const owners = new WeakMap<Room, Map<number, Connection>>();

  const relay = (room: Room) => (update: Uint8Array, origin: unknown) => {
    const message = updateMessage(update);
    for (const conn of membersOf(room)) if (conn !== origin) conn.send(message);
  };
  const rooms = new RoomRegistry(deps.states, relay, log);

  function watchAwareness(room: Room): void {
    if (owners.has(room)) return;
    owners.set(room, new Map());
    room.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed);
      if (origin instanceof Connection) {
        for (const id of added.concat(updated)) origin.clientIds.add(id);
        for (const id of removed) origin.clientIds.delete(id);
      }
      const message = awarenessMessage(room, changed);
      for (const conn of membersOf(room)) conn.send(message);
    });
  }

  const claim = (clientId: number, conn: Connection): boolean => {
    const map = owners.get(conn.room);
    if (!map) return false;
    const owner = map.get(clientId);
    if (owner && owner !== conn && connections.has(owner)) return false;
    map.set(clientId, conn);
    return true;
  };

  /**
   * Listeners are attached before anything is awaited: a client sends its sync step 1 right after the
   * handshake, and a message that arrives while the room loads must wait, not be lost.
   */
  function open(ws: WebSocket, person: PersonRecord, documentId: string, sessionId: string): void {
    const early: Array<[RawData, boolean]> = [];
    let conn: Connection | null = null;
    let closed = false;
    let release: (() => void) | null = null;

    const receive = (data: RawData, isBinary: boolean) => {
      if (!conn) return void early.push([data, isBinary]);
      try {
        conn.receive(data, isBinary);
      } catch (error) {
        log.debug(`Closing a socket on ${documentId}: ${(error as Error).message}`);
        conn.close(CLOSE_CODES.malformed, error instanceof MalformedMessage ? error.message : 'Malformed message');
      }
    };
    ws.on('message', receive);
    ws.on('error', () => ws.terminate());
    ws.on('pong', () => {
      if (conn) conn.alive = true;
    });
    ws.on('close', () => {
      closed = true;
      release?.();
    });

    void (async () => {
      const document = await records.documents.get(documentId);
      if (!document) return void ws.close(CLOSE_CODES.notFound, 'No such document');
      const room = await rooms.acquire(documentId);
      watchAwareness(room);
      const identity = { id: person.id, name: person.name, color: colorFor(person.id), role: person.role };
      const current = new Connection(ws, room, identity, textAccessOn(person.role, document).edit, claim);
      sessionOf.set(current, sessionId);
      release = () => {
        connections.delete(current);
        membersOf(room).delete(current);
        const map = owners.get(room);
        for (const id of current.clientIds) if (map?.get(id) === current) map.delete(id);
        awarenessProtocol.removeAwarenessStates(room.awareness, [...current.clientIds], null);
        void rooms.release(room);
      };
      if (closed) return release();
      connections.add(current);
      membersOf(room).add(current);
      conn = current;
      current.greet();
      for (const [data, isBinary] of early.splice(0)) receive(data, isBinary);
    })().catch((error) => {
      log.error(`Could not open document ${documentId}`, error);
      ws.close(1011, 'Could not open the document');
    });
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const prefix = `${COLLAB_PATH}/`;
    if (!url.pathname.startsWith(prefix)) return refuse(socket, 404, 'Not Found');
    const documentId = decodeURIComponent(url.pathname.slice(prefix.length));
    if (isForeignOrigin(req.headers.origin, req.headers.host, deps.publicUrl)) return refuse(socket, 403, 'Forbidden');
    const sessionId = sessionIdFromCookieHeader(req.headers.cookie);
    const person = await sessions.resolve(sessionId);
    if (!person) return refuse(socket, 401, 'Unauthorized');
    const document = DOCUMENT_ID_PATTERN.test(documentId) ? await records.documents.get(documentId) : undefined;
    if (!document) return refuse(socket, 404, 'Not Found');
    const generation = url.searchParams.get('generation');
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Refused after the handshake, with a close code: a failed handshake looks like a network error.
      if (generation !== null && generation !== generationOf(document)) {
        return ws.close(CLOSE_CODES.staleGeneration, 'The text was restored; reload it');
      }
      open(ws, person, documentId, sessionId!);
    });
  }

  async function refresh(matches: (conn: Connection) => boolean): Promise<void> {
    for (const conn of [...connections].filter(matches)) {
      const [person, document] = await Promise.all([records.people.get(conn.identity.id), records.documents.get(conn.room.documentId)]);
      if (!person?.active) {
        conn.close(CLOSE_CODES.unauthenticated, 'Your access has ended');
        continue;
      }
      if (!document) {
        // The document was deleted.
        conn.close(CLOSE_CODES.notFound, 'No such document');
        continue;
      }
      const canWrite = textAccessOn(person.role, document).edit;
      if (canWrite !== conn.canWrite) {
        // Stop writes at once; the client reconnects and learns its new rights.
        conn.canWrite = false;
        conn.close(CLOSE_CODES.rightsChanged, 'Your rights on this document changed');
      }
    }
  }

  /** The session each socket was opened with: re-checked at every heartbeat. */
  const sessionOf = new WeakMap<Connection, string>();

  const heartbeat = setInterval(() => {
    // An open editor counts as activity (resolve() refreshes the session); an expired or ended
    // session closes the socket.
    void Promise.all(
      [...connections].map(async (conn) => {
        const person = await sessions.resolve(sessionOf.get(conn)).catch(() => null);
        if (!person) conn.close(CLOSE_CODES.unauthenticated, 'Your session has ended');
      }),
    );
    for (const conn of connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  return {
    rooms,
    attach(server) {
      server.on('upgrade', (req, socket, head) => {
        onUpgrade(req, socket, head).catch((error) => {
          log.error('WebSocket upgrade failed', error);
          refuse(socket, 500, 'Internal Server Error');
        });
      });
    },
    refreshDocument: (documentId) => refresh((conn) => conn.room.documentId === documentId),
    refreshPerson: (personId) => refresh((conn) => conn.identity.id === personId),
    closePerson(personId, code, reason) {
      for (const conn of connections) if (conn.identity.id === personId) conn.close(code, reason);
    },
    connectionCount: () => connections.size,
    async close() {
      clearInterval(heartbeat);
      for (const conn of connections) conn.close(CLOSE_CODES.shuttingDown, 'Server shutting down');
      await rooms.compactAll();
      // A peer that never answers the closing handshake would hold the stop for ws's 30 s timeout.
      await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
