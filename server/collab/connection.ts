/**
 * One client socket on one room, speaking the y-websocket protocol (docs/PROTOCOL.md).
 *
 * Rights are checked per message, not per frame: a frame may pack several messages, and a read-only
 * connection's document updates are never applied (so never relayed or stored). Any message the
 * server cannot parse closes this connection only, with CLOSE_CODES.malformed; presence beyond the
 * limits of shared/limits.ts closes it with CLOSE_CODES.presenceFlood.
 *
 * A socket that does not read fast enough is dropped once its send backlog passes its limit
 * (MAX_SEND_BACKLOG_BYTES beyond the text it was sent on joining): closed with
 * CLOSE_CODES.fellBehind and cut a moment later, so that what the server holds for it stays bounded.
 * Nothing is encoded or queued for a socket already over its limit.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { PRESENCE_MESSAGE_BURST, PRESENCE_MESSAGES_PER_SECOND } from '../../shared/limits.ts';
import type { WebSocket, RawData } from 'ws';
import { CLOSE_CODES } from '../../shared/protocol.ts';
import type { Room } from './rooms.ts';
import { PresenceFlood, type PresenceIdentity } from './identity.ts';
import type { RoomPresence } from './roomPresence.ts';
import { WriteBatcher } from './corking.ts';
import { rawSocketOf, type Framed, type RawSocket } from './frames.ts';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * How long a socket closed for falling behind may take to read its close frame before it is cut:
 * the frame waits behind the backlog, which a client that stopped reading never drains.
 */
const FELL_BEHIND_GRACE_MS = 1000;

/**
 * Sync step 2 with a room's whole state, for newcomers, keyed by the room's cached state (a new
 * object for each version of the text): built once per version and written, the same buffer, to
 * every newcomer, rather than copied into a message of its own for each.
 */
const newcomerMessages = new WeakMap<Uint8Array, Uint8Array>();

function newcomerMessage(state: Uint8Array): Uint8Array {
  let message = newcomerMessages.get(state);
  if (!message) newcomerMessages.set(state, (message = syncStep2(state)));
  return message;
}

export class Connection {
  /** Awareness client ids this connection speaks for (kept by RoomPresence). */
  readonly clientIds = new Set<number>();
  alive = true;
  /** Presence changes and queries this connection may still send now (a token bucket). */
  private presenceAllowance = PRESENCE_MESSAGE_BURST;
  private presenceCountedAt = performance.now();

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly identity: PresenceIdentity,
    public canWrite: boolean,
    private readonly presence: RoomPresence,
    /** Bytes this socket may leave unread beyond its sync (MAX_SEND_BACKLOG_BYTES unless a test sets it). */
    private readonly backlogLimit: number,
  ) {
    this.socket = rawSocketOf(ws);
    this.batcher = new WriteBatcher(this.socket);
  }

  private readonly socket: RawSocket | undefined;
  private readonly batcher: WriteBatcher;
  /**
   * The size of the sync step 2 this socket was sent, which does not count against the limit: a
   * newcomer on a slow link must be let read the whole text (one buffer shared by every newcomer),
   * and a returning client what it missed (at most the text, once per sync step 1 it sends).
   */
  private syncBytes = 0;
  /** Messages of a crowd's fan-out not yet written (sendToAll.ts), and their bytes. */
  private queued: Framed[] | null = null;
  private queuedBytes = 0;
  private readonly onSent = (error?: Error | null) => {
    if (error) this.ws.terminate();
  };

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN || this.dropIfOverloaded()) return;
    this.batcher.beforeWrite();
    this.ws.send(message, this.onSent);
  }

  /** A message framed once for all its receivers (frames.ts): its frame goes to the socket as it is. */
  sendFramed(message: Framed): void {
    // Behind what is queued for it (a crowd's fan-out, sendToAll.ts), never before.
    if (this.queued) return void this.queueFramed(message);
    if (this.ws.readyState !== this.ws.OPEN || this.dropIfOverloaded()) return;
    this.batcher.beforeWrite();
    // A write error reaches ws through the socket's 'error' event, which closes the connection.
    if (this.socket) this.socket.write(message.frame);
    else this.ws.send(message.message, this.onSent);
  }

  /** What the server holds unsent for this socket: in ws's buffer, and queued by a crowd's fan-out. */
  get backlogBytes(): number {
    return this.ws.bufferedAmount + this.queuedBytes;
  }

  /**
   * Keeps a message for writeQueued (a crowd's fan-out, sendToAll.ts); true when this socket had
   * nothing queued before, so that the caller lists it once. What is queued counts against the limit.
   */
  queueFramed(message: Framed): boolean {
    if (this.ws.readyState !== this.ws.OPEN || this.dropIfOverloaded()) return false;
    this.queuedBytes += message.frame.byteLength;
    if (this.queued) {
      this.queued.push(message);
      return false;
    }
    this.queued = [message];
    return true;
  }

  /** Writes what was queued, in order, in one system call. */
  writeQueued(): void {
    const queued = this.queued;
    this.queued = null;
    this.queuedBytes = 0;
    if (!queued || this.ws.readyState !== this.ws.OPEN) return;
    if (!this.socket) return void queued.forEach((message) => this.ws.send(message.message, this.onSent));
    this.batcher.beforeWrite();
    this.socket.write(queued.length === 1 ? queued[0]!.frame : Buffer.concat(queued.map((message) => message.frame)));
  }

  /** A client that cannot keep up is dropped rather than buffered without end; true when it was. */
  private dropIfOverloaded(): boolean {
    if (this.backlogBytes <= this.backlogLimit + this.syncBytes) return false;
    this.queued = null;
    this.queuedBytes = 0;
    // Closing first stops every further send (they see a socket no longer open); the close frame
    // reaches a client that is only slow, and one that stopped reading is cut after the grace.
    this.ws.close(CLOSE_CODES.fellBehind, 'Fell behind; reconnect');
    const ws = this.ws;
    setTimeout(() => ws.terminate(), FELL_BEHIND_GRACE_MS).unref();
    return true;
  }

  /** Counts one presence change or query; throws PresenceFlood past the rate of shared/limits.ts. */
  private countPresenceMessage(): void {
    const now = performance.now();
    this.presenceAllowance = Math.min(PRESENCE_MESSAGE_BURST, this.presenceAllowance + ((now - this.presenceCountedAt) / 1000) * PRESENCE_MESSAGES_PER_SECOND);
    this.presenceCountedAt = now;
    if (this.presenceAllowance < 1) throw new PresenceFlood('presence messages faster than the limit');
    this.presenceAllowance -= 1;
  }

  /** Sends our sync step 1 and the current presence, as y-websocket's server does on connect. */
  greet(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    const everyone = this.presence.everyone();
    if (everyone) this.send(everyone);
  }

  receive(data: RawData, isBinary: boolean): void {
    // Frames already on the wire when the socket was closed (a flood) are not read.
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (!isBinary) throw new MalformedMessage('text frame');
    const bytes = toBytes(data);
    const decoder = decoding.createDecoder(bytes);
    if (!decoding.hasContent(decoder)) throw new MalformedMessage('empty frame');
    // A frame may pack many messages; once one has dropped the socket, the rest are not read.
    while (decoding.hasContent(decoder) && this.ws.readyState === this.ws.OPEN) this.receiveOne(decoder);
  }

  private receiveOne(decoder: decoding.Decoder): void {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const stateVector = decoding.readVarUint8Array(decoder);
          if (this.dropIfOverloaded()) return;
          // An empty state vector is one byte, 0 (no clients): a newcomer, served from the room's cache.
          const emptyStateVector = stateVector.length === 1 && stateVector[0] === 0;
          const reply = emptyStateVector ? newcomerMessage(this.room.stateForNewcomer()) : syncStep2(Y.encodeStateAsUpdate(this.room.doc, stateVector));
          this.syncBytes = Math.max(this.syncBytes, reply.byteLength);
          this.send(reply);
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          const update = decoding.readVarUint8Array(decoder);
          // Read-only: the update is read off the wire and dropped, never applied, relayed or stored.
          if (this.canWrite) Y.applyUpdate(this.room.doc, update, this);
        } else {
          throw new MalformedMessage(`unknown sync message ${syncType}`);
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const stamped = this.presence.stamp(this, decoding.readVarUint8Array(decoder));
        if (!stamped) return;
        // Echoes of others' presence change nothing and are not counted; changes are, before they apply.
        this.countPresenceMessage();
        awarenessProtocol.applyAwarenessUpdate(this.room.awareness, stamped, this);
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        if (this.dropIfOverloaded()) return;
        this.countPresenceMessage();
        // Encoded once per change of presence, however often it is asked for.
        const everyone = this.presence.everyone();
        if (everyone) this.send(everyone);
        return;
      }
      case MESSAGE_AUTH:
        // Authentication happens on the upgrade; y-websocket clients never send this.
        decoding.readVarString(decoder);
        return;
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }
}

export class MalformedMessage extends Error {}

export function awarenessMessage(room: Room, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(room.awareness, clientIds));
  return encoding.toUint8Array(encoder);
}

function syncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export { CLOSE_CODES };
