/**
 * Several processes serving one deployment (REDIS_URL with DATABASE_URL; docs/SCALING.md). Wires the
 * relays around the pieces that hold live state in one process:
 * - the rooms' text and presence, per document (roomRelay.ts);
 * - live document events, per document (eventRelay.ts);
 * - what changes who may do what: a phase change (writes held, then sockets re-checked) on the
 *   document's channel; a sign-out, a person's rights or a removal from a document on one channel for
 *   the deployment, so the sockets and event streams concerned close on every process.
 * Each process acts on its own clients only; the database, read again, decides what they may do.
 * When such a message may have been lost (Redis was away), every socket here is re-checked, and every
 * event stream checks its person again (a session's end also reaches sockets at their next heartbeat).
 */
import type { CollabServer } from '../collab/collabServer.ts';
import type { RoomLifecycle } from '../collab/roomLifecycle.ts';
import type { DocumentEvents } from '../documents/events.ts';
import type { SessionService } from '../people/sessions.ts';
import type { DocumentStateStore } from '../storage/documentState.ts';
import type { Records } from '../storage/records.ts';
import type { Phase } from '../../shared/domain.ts';
import type { Logger } from '../log.ts';
import { CATCH_UP, type RedisBus } from './redisBus.ts';
import { relayDocumentEvents } from './eventRelay.ts';
import { createRoomRelay, DOCUMENT_MESSAGES, documentChannel } from './roomRelay.ts';

/** Message kinds on the deployment's channel. */
const DEPLOYMENT_MESSAGES = { sessionEnded: 's', rightsChanged: 'p', accessEnded: 'x' } as const;

/**
 * How long a hold another process asked for lasts at most: if that process dies before ending it,
 * the sockets here get their rights back (and are re-checked against the stored phase).
 */
const REMOTE_HOLD_MS = 10_000;
/**
 * How long a phase change waits for the other processes to say they hold the document's writes (and
 * have stored what they took before): a process that died does not answer.
 */
const HOLD_ANSWER_MS = 2_000;

export interface FanOut {
  /** For the collaboration server's rooms. */
  rooms: RoomLifecycle;
  /** Document events that reach the listeners of every process. */
  events: DocumentEvents;
  /** Relays what the collaboration server and the sessions change; resolves with the server the app uses. */
  connect(collab: CollabServer, sessions: SessionService): Promise<CollabServer>;
}

export interface FanOutDeps {
  bus: RedisBus;
  states: DocumentStateStore;
  records: Records;
  events: DocumentEvents;
  log: Logger;
}

export function createFanOut(deps: FanOutDeps): FanOut {
  const { bus, records, log } = deps;
  const deployment = bus.name('deployment');
  let collab: CollabServer | null = null;
  const remoteHolds = new Map<string, Array<(phase: Phase | null) => void>>();

  /** Ends the holds other processes asked for, under the phase now stored. */
  async function endRemoteHolds(documentId: string): Promise<void> {
    const ends = remoteHolds.get(documentId);
    if (!ends) return;
    remoteHolds.delete(documentId);
    const document = await records.documents.get(documentId).catch(() => undefined);
    for (const end of ends) end(document?.phase ?? null);
  }

  async function refreshDocument(documentId: string): Promise<void> {
    if (!collab) return;
    await endRemoteHolds(documentId);
    await collab.refreshDocument(documentId);
    // Deleted elsewhere: a room kept here must never write its state back.
    if (!(await records.documents.get(documentId))) await collab.rooms.discard(documentId);
  }

  const rooms = createRoomRelay({
    bus,
    states: deps.states,
    log,
    refreshDocument: (documentId) => void refreshDocument(documentId).catch((error) => log.error(`Could not re-check the sockets on ${documentId}`, error)),
    recheckDocument: (documentId) => void collab?.refreshDocument(documentId).catch((error) => log.error(`Could not re-check the sockets on ${documentId}`, error)),
    holdDocument(documentId) {
      if (!collab) return;
      const end = collab.holdWrites(documentId);
      const ends = remoteHolds.get(documentId) ?? [];
      ends.push(end);
      remoteHolds.set(documentId, ends);
      setTimeout(() => void endRemoteHolds(documentId), REMOTE_HOLD_MS).unref();
    },
  });

  const events = relayDocumentEvents(deps.events, bus);
  const relayedEvents: DocumentEvents = {
    ...events,
    endAccess(documentId, personId) {
      deps.events.endAccess(documentId, personId);
      bus.publish(deployment, DEPLOYMENT_MESSAGES.accessEnded, JSON.stringify({ documentId, personId }));
    },
  };

  return {
    rooms,
    events: relayedEvents,
    async connect(local, sessions) {
      collab = local;
      const recheckEveryone = () => {
        void local.refreshAll().catch((error) => log.error('Could not re-check the sockets', error));
        deps.events.resync();
      };
      bus.onReconnected(recheckEveryone);
      sessions.onEnded((personId, elsewhere) => {
        if (!elsewhere) bus.publish(deployment, DEPLOYMENT_MESSAGES.sessionEnded, personId);
      });
      await bus.subscribe(deployment, (kind, payload) => {
        const text = payload.toString();
        if (kind === CATCH_UP) recheckEveryone();
        else if (kind === DEPLOYMENT_MESSAGES.sessionEnded) sessions.endedElsewhere(text);
        else if (kind === DEPLOYMENT_MESSAGES.rightsChanged) void local.refreshPerson(text).catch((error) => log.error(`Could not re-check the sockets of ${text}`, error));
        else if (kind === DEPLOYMENT_MESSAGES.accessEnded) {
          const { documentId, personId } = JSON.parse(text) as { documentId: string; personId: string };
          deps.events.endAccess(documentId, personId);
        }
      });
      const channel = (documentId: string) => documentChannel(bus, documentId);
      return {
        ...local,
        async holdWritesEverywhere(documentId) {
          const end = local.holdWrites(documentId);
          try {
            await bus.request(channel(documentId), DOCUMENT_MESSAGES.hold, '', HOLD_ANSWER_MS);
          } catch (error) {
            end(null);
            throw error;
          }
          return (phase) => {
            end(phase);
            bus.publish(channel(documentId), DOCUMENT_MESSAGES.refresh, '');
          };
        },
        async refreshDocument(documentId) {
          bus.publish(channel(documentId), DOCUMENT_MESSAGES.refresh, '');
          await local.refreshDocument(documentId);
        },
        async refreshPerson(personId) {
          bus.publish(deployment, DEPLOYMENT_MESSAGES.rightsChanged, personId);
          await local.refreshPerson(personId);
        },
      };
    },
  };
}
