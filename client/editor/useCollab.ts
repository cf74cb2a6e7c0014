/**
 * One Y.Doc and one y-websocket provider per open document, created on mount and destroyed on
 * unmount. Turns the socket's life into what the page needs: a connection state for people, whether
 * the text has arrived, and the server's close codes (session ended, rights changed).
 */
import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE_CODES, COLLAB_PATH } from '../../shared/protocol.ts';
import { api } from '../api.ts';

export interface Collab {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export interface CollabHandlers {
  /** The server says our rights changed (a phase change): fetch the document's access again. */
  onRightsChanged(): void;
  onSessionEnded(): void;
}

/** Close codes after which reconnecting cannot help. 4409 is not one: reconnecting is how new rights arrive. */
const PERMANENT: ReadonlySet<number> = new Set([CLOSE_CODES.unauthenticated, CLOSE_CODES.forbidden, CLOSE_CODES.notFound, CLOSE_CODES.malformed]);

/** A refused upgrade (401 before the socket opens) reaches the browser only as 1006; ask the API why. */
const ABNORMAL_CLOSE = 1006;
const SESSION_PROBE_INTERVAL_MS = 10_000;

function wsOrigin(): string {
  return window.location.origin.replace(/^http/, 'ws');
}

export function useCollab(documentId: string, handlers: CollabHandlers) {
  const [collab, setCollab] = useState<Collab | null>(null);
  const [socket, setSocket] = useState<'connecting' | 'connected' | 'disconnected'>('connecting');
  const [everConnected, setEverConnected] = useState(false);
  const [synced, setSynced] = useState(false);
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const ydoc = new Y.Doc();
    // No BroadcastChannel: tabs must not sync with each other behind the server's rights checks.
    const provider = new WebsocketProvider(wsOrigin() + COLLAB_PATH, documentId, ydoc, {
      disableBc: true,
      shouldReconnect: (event) => !PERMANENT.has(event.code),
    });
    let lastProbe = 0;

    provider.on('status', ({ status }) => {
      setSocket(status);
      if (status === 'connected') setEverConnected(true);
    });
    // Only the first sync matters to the page: after it, the text is there even while offline.
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    });
    provider.on('connection-close', (event) => {
      if (!event) return;
      if (event.code === CLOSE_CODES.unauthenticated) handlersRef.current.onSessionEnded();
      else if (event.code === CLOSE_CODES.rightsChanged) handlersRef.current.onRightsChanged();
      else if (event.code === CLOSE_CODES.forbidden) setClosedMessage('You no longer have access to this document.');
      else if (event.code === CLOSE_CODES.notFound) setClosedMessage('This document is no longer available.');
      else if (event.code === CLOSE_CODES.malformed) setClosedMessage('The connection was refused. Reload the page to continue.');
      else if (event.code === ABNORMAL_CLOSE && navigator.onLine && Date.now() - lastProbe > SESSION_PROBE_INTERVAL_MS) {
        lastProbe = Date.now();
        api.currentPerson().then(
          (person) => {
            if (!person) handlersRef.current.onSessionEnded();
          },
          () => {
            // The server is unreachable: y-websocket keeps retrying and the indicator says so.
          },
        );
      }
    });

    setCollab({ ydoc, provider });
    return () => {
      provider.destroy();
      ydoc.destroy();
      setCollab(null);
      setSynced(false);
      setEverConnected(false);
      setClosedMessage(null);
      setSocket('connecting');
    };
  }, [documentId]);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  let connection: ConnectionState;
  if (closedMessage) connection = 'closed';
  else if (!online) connection = 'offline';
  else if (socket === 'connected') connection = 'connected';
  else connection = everConnected ? 'reconnecting' : 'connecting';

  return { collab, connection, synced, closedMessage };
}
