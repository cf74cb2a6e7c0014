/**
 * The text and presence of open documents, shared between processes through one Redis channel per
 * document (docs/SCALING.md). A process subscribes to a document's channel when it opens the room and
 * unsubscribes when the room leaves memory, so it handles only documents its own clients use.
 *
 * An edit is published as soon as this process's own clients get it, while it is being stored, so
 * that a client on another process waits for Redis, not for a database commit as well. The database
 * stays the truth, and nothing published can be missing from it once another process reads it:
 * - each edit carries a sequence number, and the sender says (on its next edit, or after
 *   STORED_NOTICE_MS) up to which number its edits are stored. A receiver keeps what is not yet
 *   confirmed, and stores it itself if its sender goes quiet for UNCONFIRMED_MS: that sender died
 *   before its commit (unconfirmedUpdates.ts).
 * - a room that opens subscribes first, then asks every other process with the document open to
 *   store what it holds of it (its own queued edits, and those it keeps unconfirmed) and waits for
 *   their answers (RedisBus.request) before reading the database. What arrives meanwhile is kept and
 *   applied after (Yjs updates are idempotent).
 * After Redis comes back, every open room reads its document from the database again, the same way,
 * because what was published meanwhile is lost; so does a room told by another process that a
 * publish of its was lost (CATCH_UP). Its sockets are re-checked too: a phase change relayed meanwhile
 * was lost as well.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { DocumentStateStore } from '../storage/documentState.ts';
import type { Room } from '../collab/rooms.ts';
import { FROM_ELSEWHERE, type RoomLifecycle } from '../collab/roomLifecycle.ts';
import type { Logger } from '../log.ts';
import { CATCH_UP, type RedisBus } from './redisBus.ts';
import { UnconfirmedUpdates } from './unconfirmedUpdates.ts';

/**
 * Message kinds on a document's channel (one byte each). An update is its sequence number and the
 * sender's "stored up to" (uint32 each), then the Yjs update; `stored` is a "stored up to" alone;
 * `store` is a request: store what you hold of this document, then answer.
 */
export const DOCUMENT_MESSAGES = { update: 'u', stored: 's', store: 'f', awareness: 'a', refresh: 'r', hold: 'h', event: 'e' } as const;

/** How long after a commit the sender says "stored" on its own, when no edit of its carried it. */
const STORED_NOTICE_MS = 1_000;
/** How often the edits kept unconfirmed are looked at (those past UNCONFIRMED_MS are stored here). */
const UNCONFIRMED_SWEEP_MS = 1_000;
/** How long a room that opens (or reads its document again) waits for the others' answers at most. */
const STORE_ANSWER_MS = 2_000;

/** What this process has sent of a document's edits, and how far they are stored. */
interface Sent {
  lastSeq: number;
  storedUpTo: number;
  /** The "stored up to" the others last heard. */
  told: number;
  flushing: boolean;
  notice: NodeJS.Timeout | null;
}

export const documentChannel = (bus: RedisBus, documentId: string) => bus.name(`doc:${documentId}`);

export interface RoomRelayDeps {
  bus: RedisBus;
  states: DocumentStateStore;
  log: Logger;
  /** Another process changed who may do what on the document (a phase change, an archive, a deletion). */
  refreshDocument(documentId: string): void;
  /** Another process holds the document's writes for a phase change. */
  holdDocument(documentId: string): void;
  /** Messages about the document may have been lost: its sockets are re-checked against the records. */
  recheckDocument(documentId: string): void;
}

export function createRoomRelay(deps: RoomRelayDeps): RoomLifecycle {
  const { bus, states, log } = deps;
  const open = new Map<string, Room>();
  /** Updates that arrived while the room was reading the database. */
  const arriving = new Map<string, Buffer[]>();
  const unsubscribes = new Map<string, () => void>();
  const unconfirmed = new UnconfirmedUpdates();
  const sent = new Map<string, Sent>();
  /** Increasing over every document, so that a room closed and opened again never reuses a number. */
  let seq = 0;

  const channel = (documentId: string) => documentChannel(bus, documentId);
  const header = (first: number, second: number) => {
    const bytes = Buffer.allocUnsafe(8);
    bytes.writeUInt32BE(first, 0);
    bytes.writeUInt32BE(second, 4);
    return bytes;
  };

  /** Publishes an edit of this process's clients now, and says once it is stored. */
  function publishOwn(documentId: string, update: Uint8Array): void {
    let s = sent.get(documentId);
    if (!s) sent.set(documentId, (s = { lastSeq: 0, storedUpTo: 0, told: 0, flushing: false, notice: null }));
    s.lastSeq = ++seq;
    s.told = s.storedUpTo;
    bus.publish(channel(documentId), DOCUMENT_MESSAGES.update, Buffer.concat([header(s.lastSeq, s.storedUpTo), update]));
    if (s.flushing) return;
    s.flushing = true;
    const entry = s;
    // After the store's own write of this turn's edits has been queued (it is set up the same way).
    setImmediate(() => {
      entry.flushing = false;
      const upTo = entry.lastSeq;
      states.flush(documentId).then(
        () => {
          // A failed write is not stored: the receivers keep the edits, and store them themselves.
          if (!states.failed(documentId)) storedUpTo(documentId, entry, upTo);
        },
        () => {},
      );
    });
  }

  function storedUpTo(documentId: string, s: Sent, upTo: number): void {
    s.storedUpTo = Math.max(s.storedUpTo, upTo);
    if (s.notice || s.storedUpTo <= s.told) return;
    s.notice = setTimeout(() => {
      s.notice = null;
      if (s.storedUpTo <= s.told || sent.get(documentId) !== s) return;
      s.told = s.storedUpTo;
      bus.publish(channel(documentId), DOCUMENT_MESSAGES.stored, header(s.storedUpTo, 0).subarray(0, 4));
    }, STORED_NOTICE_MS);
    s.notice.unref();
  }

  /** Stores the edits of other processes this one holds unconfirmed, with its own queued ones. */
  function storeHeld(documentId: string): Promise<void> {
    for (const update of unconfirmed.takeAll(documentId)) states.append(documentId, update);
    return states.flush(documentId);
  }

  const sweep = setInterval(() => {
    for (const [documentId, updates] of unconfirmed.takeExpired()) {
      if (!open.has(documentId)) continue;
      log.info(`Storing ${updates.length} edit(s) of document ${documentId} that the process which relayed them never said it stored`);
      for (const update of updates) states.append(documentId, update);
    }
  }, UNCONFIRMED_SWEEP_MS);
  sweep.unref();

  /** Asks the other processes with the document open to store what they hold of it, and waits. */
  const othersStored = (documentId: string) => bus.request(channel(documentId), DOCUMENT_MESSAGES.store, '', STORE_ANSWER_MS);

  /** Reads the room's document from the database again and re-checks its sockets. */
  function catchUp(documentId: string, room: Room): void {
    othersStored(documentId)
      .then(() => states.load(documentId))
      .then(
        (updates) => {
          if (open.get(documentId) !== room) return;
          Y.transact(room.doc, () => updates.forEach((u) => Y.applyUpdate(room.doc, u)), FROM_ELSEWHERE);
        },
        (error: unknown) => log.error(`Could not read document ${documentId} again after Redis came back`, error),
      );
    deps.recheckDocument(documentId);
  }

  function receive(documentId: string, kind: string, payload: Buffer, from: string): Promise<void> | void {
    const room = open.get(documentId);
    switch (kind) {
      case DOCUMENT_MESSAGES.update: {
        if (payload.length < 8) return;
        const update = payload.subarray(8);
        if (room) Y.applyUpdate(room.doc, update, FROM_ELSEWHERE);
        else if (arriving.has(documentId)) arriving.get(documentId)!.push(update);
        else return;
        unconfirmed.received(documentId, from, payload.readUInt32BE(0), payload.readUInt32BE(4), update);
        return;
      }
      case DOCUMENT_MESSAGES.stored:
        if (payload.length >= 4) unconfirmed.stored(documentId, from, payload.readUInt32BE(0));
        return;
      case DOCUMENT_MESSAGES.store:
        return storeHeld(documentId);
      case DOCUMENT_MESSAGES.awareness:
        if (room) applyAwarenessUpdate(room.awareness, payload, FROM_ELSEWHERE);
        return;
      case DOCUMENT_MESSAGES.refresh:
        return deps.refreshDocument(documentId);
      case DOCUMENT_MESSAGES.hold:
        deps.holdDocument(documentId);
        // A request (RedisBus.request): answered once the edits taken before the hold are stored,
        // for the version the phase change is about to take.
        return states.flush(documentId);
      case CATCH_UP:
        if (room) catchUp(documentId, room);
        return;
    }
  }

  bus.onReconnected(() => {
    for (const [documentId, room] of open) catchUp(documentId, room);
  });

  return {
    async opening(documentId) {
      arriving.set(documentId, []);
      unsubscribes.get(documentId)?.();
      unsubscribes.set(documentId, await bus.subscribe(channel(documentId), (kind, payload, from) => receive(documentId, kind, payload, from)));
      await othersStored(documentId);
    },
    opened(room) {
      const { documentId } = room;
      open.set(documentId, room);
      const early = arriving.get(documentId) ?? [];
      arriving.delete(documentId);
      if (early.length) Y.transact(room.doc, () => early.forEach((u) => Y.applyUpdate(room.doc, u)), FROM_ELSEWHERE);
      room.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== FROM_ELSEWHERE) publishOwn(documentId, update);
      });
      room.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        // A state this process let expire ('timeout') belongs to another process, which says when it ends.
        if (origin === FROM_ELSEWHERE || origin === 'timeout') return;
        const changed = added.concat(updated, removed);
        if (changed.length) bus.publish(channel(documentId), DOCUMENT_MESSAGES.awareness, encodeAwarenessUpdate(room.awareness, changed));
      });
    },
    closed(documentId) {
      open.delete(documentId);
      arriving.delete(documentId);
      unconfirmed.forget(documentId);
      const s = sent.get(documentId);
      if (s?.notice) clearTimeout(s.notice);
      sent.delete(documentId);
      unsubscribes.get(documentId)?.();
      unsubscribes.delete(documentId);
    },
  };
}
