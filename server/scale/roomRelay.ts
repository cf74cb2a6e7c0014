/**
 * The text and presence of open documents, shared between processes through one Redis channel per
 * document (docs/SCALING.md). A process subscribes to a document's channel when it opens the room and
 * unsubscribes when the room leaves memory, so it handles only documents its own clients use.
 *
 * An edit is published only once the database holds it (the store's onStored), so a process that
 * receives it never needs to store it again, and the database stays the truth: a room that opens
 * subscribes first, keeps what arrives while it reads the database, then applies it (Yjs updates are
 * idempotent). After Redis comes back, every open room reads its document from the database again,
 * because what was published meanwhile is lost, but it was stored; so does a room told by another
 * process that a publish of its was lost (CATCH_UP). Its sockets are re-checked too: a phase change
 * relayed meanwhile was lost as well.
 */
import * as Y from 'yjs';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { DocumentStateStore } from '../storage/documentState.ts';
import type { Room } from '../collab/rooms.ts';
import { FROM_ELSEWHERE, type RoomLifecycle } from '../collab/roomLifecycle.ts';
import type { Logger } from '../log.ts';
import { CATCH_UP, type RedisBus } from './redisBus.ts';

/** Message kinds on a document's channel (one byte each). */
export const DOCUMENT_MESSAGES = { update: 'u', awareness: 'a', refresh: 'r', hold: 'h', event: 'e' } as const;

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

  /** Reads the room's document from the database again and re-checks its sockets. */
  function catchUp(documentId: string, room: Room): void {
    states.load(documentId).then(
      (updates) => {
        if (open.get(documentId) !== room) return;
        Y.transact(room.doc, () => updates.forEach((u) => Y.applyUpdate(room.doc, u)), FROM_ELSEWHERE);
      },
      (error: unknown) => log.error(`Could not read document ${documentId} again after Redis came back`, error),
    );
    deps.recheckDocument(documentId);
  }

  function receive(documentId: string, kind: string, payload: Buffer): Promise<void> | void {
    const room = open.get(documentId);
    switch (kind) {
      case DOCUMENT_MESSAGES.update:
        if (room) Y.applyUpdate(room.doc, payload, FROM_ELSEWHERE);
        else arriving.get(documentId)?.push(payload);
        return;
      case DOCUMENT_MESSAGES.awareness:
        if (room) applyAwarenessUpdate(room.awareness, payload, FROM_ELSEWHERE);
        return;
      case DOCUMENT_MESSAGES.refresh:
        return deps.refreshDocument(documentId);
      case DOCUMENT_MESSAGES.hold:
        deps.holdDocument(documentId);
        // A request (RedisBus.request): answered once the edits taken before the hold are stored,
        // and so published ahead of the answer, for the version the phase change is about to take.
        return states.flush();
      case CATCH_UP:
        if (room) catchUp(documentId, room);
        return;
    }
  }

  states.onStored((documentId, updates) => {
    if (!open.has(documentId) || updates.length === 0) return;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    bus.publish(documentChannel(bus, documentId), DOCUMENT_MESSAGES.update, update);
  });

  bus.onReconnected(() => {
    for (const [documentId, room] of open) catchUp(documentId, room);
  });

  return {
    async opening(documentId) {
      arriving.set(documentId, []);
      unsubscribes.get(documentId)?.();
      unsubscribes.set(documentId, await bus.subscribe(documentChannel(bus, documentId), (kind, payload) => receive(documentId, kind, payload)));
    },
    opened(room) {
      const { documentId } = room;
      open.set(documentId, room);
      const early = arriving.get(documentId) ?? [];
      arriving.delete(documentId);
      if (early.length) Y.transact(room.doc, () => early.forEach((u) => Y.applyUpdate(room.doc, u)), FROM_ELSEWHERE);
      room.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        // A state this process let expire ('timeout') belongs to another process, which says when it ends.
        if (origin === FROM_ELSEWHERE || origin === 'timeout') return;
        const changed = added.concat(updated, removed);
        if (changed.length) bus.publish(documentChannel(bus, documentId), DOCUMENT_MESSAGES.awareness, encodeAwarenessUpdate(room.awareness, changed));
      });
    },
    closed(documentId) {
      open.delete(documentId);
      arriving.delete(documentId);
      unsubscribes.get(documentId)?.();
      unsubscribes.delete(documentId);
    },
  };
}
