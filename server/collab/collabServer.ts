/**
 * The collaboration endpoint, `/collab/:documentId`. Wires the pieces: authentication of the upgrade
 * (session cookie, same origin, a document the person takes part in), the rooms, one Connection per socket, presence
 * relay, heartbeats, and closing sockets whose rights changed.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_FRAME_BYTES, MAX_SEND_BACKLOG_BYTES, DOCUMENT_ID_PATTERN } from '../../shared/limits.ts';
import { CLOSE_CODES } from '../../shared/protocol.ts';
import { textAccessOn } from '../../shared/access.ts';
import type { Role } from '../../shared/domain.ts';
import type { PersonRecord, Records } from '../storage/records.ts';
import type { SessionService } from '../people/sessions.ts';
import type { Logger } from '../log.ts';
import { isForeignOrigin } from '../sameOrigin.ts';
import { sessionIdFromCookieHeader } from '../people/sessionCookie.ts';
import { Connection, MalformedMessage, awarenessMessage, updateMessage } from './connection.ts';
import { RoomRegistry, type Room } from './rooms.ts';
import type { RoomLifecycle } from './roomLifecycle.ts';
import { WriteHolds } from './writeHolds.ts';
import { collabPath, refuse } from './upgradeRequest.ts';
import { sendToAll } from './sendToAll.ts';
import { colorFor, PresenceFlood } from './identity.ts';
import { RoomPresence } from './roomPresence.ts';
import { framed } from './frames.ts';
import { generationOf } from '../documents/present.ts';
import { memberOrNull } from '../rights.ts';
import { recheckRights } from './recheckRights.ts';
import type { DocumentStateStore } from '../storage/documentState.ts';
import { DocumentDamagedError } from '../storage/errors.ts';
import type { CollabServer } from './collabApi.ts';

const HEARTBEAT_MS = 30_000;

type Access = NonNullable<Awaited<ReturnType<typeof memberOrNull>>>;

function destroySocket(this: Duplex): void {
  this.destroy();
}
const SHUTDOWN_GRACE_MS = 300;

export type { CollabServer } from './collabApi.ts';

export interface CollabDeps {
  records: Records;
  sessions: SessionService;
  states: DocumentStateStore;
  log: Logger;
  publicUrl: string | undefined;
  /** How often sockets are pinged and their sessions re-checked. */
  heartbeatMs?: number;
  /** How long a document nobody uses stays loaded, and how often an unwritable one retries. */
  roomGraceMs?: number;
  storageRetryMs?: number;
  /** Told when rooms open and close (scale/roomRelay.ts, with Redis). */
  roomLifecycle?: RoomLifecycle;
  /** What one socket may leave unread before it is dropped; unset: MAX_SEND_BACKLOG_BYTES (tests lower it). */
  sendBacklogLimitBytes?: number;
}

export function createCollabServer(deps: CollabDeps): CollabServer {
  const { records, sessions, log } = deps;
  // No per-message deflate: frames.ts writes relayed frames beside ws's sender, which compression would queue.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const connections = new Set<Connection>();
  /** The connections of each open room: a relay visits only its own room's sockets. */
  const members = new WeakMap<Room, Set<Connection>>();
  const membersOf = (room: Room) => members.get(room) ?? members.set(room, new Set()).get(room)!;
  /** Who speaks for which presence client id, per room. */
  const presences = new WeakMap<Room, RoomPresence>();

  const relay = (room: Room) => (update: Uint8Array, origin: unknown) => {
    sendToAll(membersOf(room), framed(updateMessage(update)), origin);
  };
  const STORAGE_UNAVAILABLE = 'The server cannot store edits right now; reconnect later';
  /** Writers stop at once (no edit is taken that cannot be stored); readers stay. */
  const onStorageFailure = (room: Room) => {
    for (const conn of membersOf(room)) {
      if (!conn.canWrite) continue;
      conn.canWrite = false;
      conn.close(CLOSE_CODES.storageUnavailable, STORAGE_UNAVAILABLE);
    }
  };
  const rooms = new RoomRegistry(deps.states, relay, log, {
    graceMs: deps.roomGraceMs,
    storageRetryMs: deps.storageRetryMs,
    onStorageFailure,
    lifecycle: deps.roomLifecycle,
  });
  const holds = new WriteHolds((conn, phase) => textAccessOn(roleOf.get(conn) ?? 'participant', { phase }).edit);

  function presenceOf(room: Room): RoomPresence {
    const known = presences.get(room);
    if (known) return known;
    const presence = new RoomPresence(room.awareness);
    presences.set(room, presence);
    room.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      sendToAll(membersOf(room), framed(awarenessMessage(room, added.concat(updated, removed))));
    });
    return presence;
  }

  /**
   * Listeners are attached before anything is awaited: a client sends its sync step 1 right after the
   * handshake, and a message that arrives while the room loads must wait, not be lost.
   */
  function open(ws: WebSocket, person: PersonRecord, access: Access, sessionId: string, holdsEndedBefore: number): void {
    // Only what the socket needs is kept: the closures below live as long as it does, and would
    // otherwise hold the person's and the document's records for each of a crowd's connections.
    const documentId = access.document.id;
    const role = access.member.role;
    const canWrite = textAccessOn(role, access.document).edit;
    const identity = { id: person.id, name: person.name, color: colorFor(person.id), role };
    let early: Array<[RawData, boolean]> | null = [];
    let conn: Connection | null = null;
    let closed = false;
    let release: (() => void) | null = null;

    const receive = (data: RawData, isBinary: boolean) => {
      if (!conn) return void early?.push([data, isBinary]);
      try {
        conn.receive(data, isBinary);
      } catch (error) {
        log.debug(`Closing a socket on ${documentId}: ${(error as Error).message}`);
        if (error instanceof PresenceFlood) conn.close(CLOSE_CODES.presenceFlood, 'Too much presence');
        else conn.close(CLOSE_CODES.malformed, error instanceof MalformedMessage ? error.message : 'Malformed message');
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
      const room = await rooms.acquire(documentId, 'socket');
      if (room.storageFailed && canWrite) {
        void rooms.release(room);
        return void ws.close(CLOSE_CODES.storageUnavailable, STORAGE_UNAVAILABLE);
      }
      const presence = presenceOf(room);
      const current = new Connection(ws, room, identity, canWrite, presence, deps.sendBacklogLimitBytes ?? MAX_SEND_BACKLOG_BYTES);
      sessionOf.set(current, sessionId);
      roleOf.set(current, role);
      const held = holds.join(documentId, current);
      release = () => {
        connections.delete(current);
        membersOf(room).delete(current);
        presence.release(current);
        void rooms.release(room);
      };
      if (closed) return release();
      connections.add(current);
      membersOf(room).add(current);
      conn = current;
      current.greet();
      const waiting = early ?? [];
      early = null;
      for (const [data, isBinary] of waiting) receive(data, isBinary);
      // The phase changed between reading the document and now: the rights above may be the old ones.
      if (!held && holds.endedCount(documentId) !== holdsEndedBefore) {
        current.canWrite = false;
        void refresh((c) => c === current);
      }
    })().catch((error) => {
      if (error instanceof DocumentDamagedError) {
        log.error(error.message);
        return ws.close(1011, 'The stored text of this document is damaged');
      }
      log.error(`Could not open document ${documentId}`, error);
      ws.close(1011, 'Could not open the document');
    });
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Not a closure: it stays on the socket for its whole life, and would keep this function's scope
    // (the person's and the document's records) alive with it.
    socket.on('error', destroySocket);
    const path = collabPath(req.url);
    if (path === 'malformed') return refuse(socket, 400, 'Bad Request');
    if (!path) return refuse(socket, 404, 'Not Found');
    const { url, documentId } = path;
    if (isForeignOrigin(req.headers.origin, req.headers.host, deps.publicUrl)) return refuse(socket, 403, 'Forbidden');
    const sessionId = sessionIdFromCookieHeader(req.headers.cookie);
    const person = await sessions.resolve(sessionId);
    if (!person) return refuse(socket, 401, 'Unauthorized');
    // Counted before the rights are read: a phase change that ends after this is seen at open().
    const holdsEndedBefore = holds.endedCount(documentId);
    // Read once per join, here, and handed to open(). A document the person does not take part in is
    // refused exactly like one that does not exist.
    const access = DOCUMENT_ID_PATTERN.test(documentId) ? await memberOrNull(records, person, documentId) : null;
    if (!access) return refuse(socket, 404, 'Not Found');
    const generation = url.searchParams.get('generation');
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Refused after the handshake, with a close code: a failed handshake looks like a network error.
      if (generation !== null && generation !== generationOf(access.document)) {
        return ws.close(CLOSE_CODES.staleGeneration, 'The text was restored; reload it');
      }
      open(ws, person, access, sessionId!, holdsEndedBefore);
    });
  }

  function refresh(matches: (conn: Connection) => boolean): Promise<void> {
    return recheckRights(records, [...connections].filter(matches));
  }

  /** The session each socket was opened with: re-checked at every heartbeat. */
  const sessionOf = new WeakMap<Connection, string>();
  /** The role each socket was opened with, to decide its rights when a held phase change ends. */
  const roleOf = new WeakMap<Connection, Role>();

  /**
   * An open editor counts as activity (resolving a session refreshes it); an expired or ended session
   * closes the socket. Every socket's session is read in one go: one read per socket was 600 database
   * queries every 30 s for 300 open editors. A failed read closes nothing: the database being out of
   * reach for a moment does not mean everyone's session ended; the next heartbeat looks again.
   */
  async function closeEndedSessions(): Promise<void> {
    const sockets = [...connections];
    let people: Map<string, PersonRecord | null>;
    try {
      people = await sessions.resolveMany(sockets.map((conn) => sessionOf.get(conn)));
    } catch (error) {
      log.error(`Could not read the sessions of ${sockets.length} open socket(s); they stay open until the next heartbeat`, error);
      return;
    }
    for (const conn of sockets) if (!people.get(sessionOf.get(conn) ?? '')) conn.close(CLOSE_CODES.unauthenticated, 'Your session has ended');
  }

  const heartbeat = setInterval(() => {
    void closeEndedSessions();
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
    holdWrites: (documentId) => holds.hold(documentId, [...connections].filter((conn) => conn.room.documentId === documentId)),
    holdWritesEverywhere: (documentId) => Promise.resolve(holds.hold(documentId, [...connections].filter((conn) => conn.room.documentId === documentId))),
    writesHeld: (documentId) => holds.isHeld(documentId),
    refreshDocument: (documentId) => refresh((conn) => conn.room.documentId === documentId),
    refreshPerson: (personId) => refresh((conn) => conn.identity.id === personId),
    refreshAll: () => refresh(() => true),
    closePerson(personId, code, reason) {
      for (const conn of connections) if (conn.identity.id === personId) conn.close(code, reason);
    },
    connectionCount: () => connections.size,
    sendBacklogBytes() {
      let bytes = 0;
      for (const conn of connections) bytes += conn.backlogBytes;
      return bytes;
    },
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
