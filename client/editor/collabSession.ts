/**
 * The live connection of one open document, outside React: one Y.Doc and one y-websocket provider
 * per start(), all destroyed by stop(). It turns the socket's life into what the page shows (a
 * connection state, whether the text has arrived) and the server's close codes into callbacks.
 * React reads it through useSyncExternalStore (useCollab.ts).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { sendOwnPresenceOnly } from './ownPresenceOnly.ts';
import { CLOSE_CODES, COLLAB_PATH } from '../../shared/protocol.ts';
import { api } from '../api.ts';
import { openOfflineCopy } from './offlineCopy.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { t } from '../i18n/intl.ts';

export interface Collab {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export interface CollabSnapshot {
  collab: Collab | null;
  connection: ConnectionState;
  /** True once the text has arrived; it stays true while reconnecting, the text is still there. */
  synced: boolean;
  closedMessage: string | null;
  /** Words this person typed offline that the server will not take (the text has closed since). */
  unsent: string[] | null;
}

export interface CollabHandlers {
  /** The server says our rights changed (a phase change): fetch the document's access again. */
  onRightsChanged(): void;
  onSessionEnded(): void;
}

/** Close codes after which reconnecting cannot help. rightsChanged is not one: reconnecting is how new rights arrive. */
const PERMANENT: ReadonlySet<number> = new Set([
  CLOSE_CODES.unauthenticated,
  CLOSE_CODES.forbidden,
  CLOSE_CODES.notFound,
  CLOSE_CODES.malformed,
  CLOSE_CODES.staleGeneration,
  CLOSE_CODES.presenceFlood,
]);

/** Why the text closed for good, as catalogue keys: said in the language of the moment it closed. */
const CLOSED_MESSAGES: ReadonlyMap<number, MessageKey> = new Map<number, MessageKey>([
  [CLOSE_CODES.forbidden, 'collab.forbidden'],
  [CLOSE_CODES.notFound, 'collab.notFound'],
  [CLOSE_CODES.malformed, 'collab.malformed'],
  [CLOSE_CODES.presenceFlood, 'collab.presenceFlood'],
  [CLOSE_CODES.staleGeneration, 'collab.staleGeneration'],
]);

/** A refused upgrade (401 before the socket opens) reaches the browser only as 1006; ask the API why. */
const ABNORMAL_CLOSE = 1006;
const SESSION_PROBE_INTERVAL_MS = 10_000;

const INITIAL: CollabSnapshot = { collab: null, connection: 'connecting', synced: false, closedMessage: null, unsent: null };

export class CollabSession {
  /** Who hears of rights changes and the end of the session; until someone listens, they are kept. */
  private handlers: CollabHandlers | null = null;
  private unheard = new Set<keyof CollabHandlers>();
  private snapshot: CollabSnapshot = INITIAL;
  private readonly listeners = new Set<() => void>();
  private socket: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  private everConnected = false;
  private stopCurrent: (() => void) | null = null;
  private discardCurrent: (() => void) | null = null;

  constructor(
    private readonly documentId: string,
    /** The generation of the text this page loaded; the server refuses an older one after a restore. */
    private readonly generation: string,
    /** Keys this browser's offline copy of the text, which only people who may edit it keep. */
    private readonly offline: { personId: string; canEdit: boolean },
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  /**
   * Connects unless connected already (the page may have started it before React rendered, see
   * prefetch.ts); either way `handlers` hear from now on, and hear at once what happened unheard.
   */
  start(handlers?: CollabHandlers): void {
    if (handlers) this.listen(handlers);
    if (this.stopCurrent) return;
    const ydoc = new Y.Doc();
    const origin = window.location.origin.replace(/^http/, 'ws');
    // No BroadcastChannel: tabs must not sync with each other behind the server's rights checks.
    const provider = new WebsocketProvider(origin + COLLAB_PATH, this.documentId, ydoc, {
      connect: false,
      disableBc: true,
      params: { generation: this.generation },
      shouldReconnect: (event) => !PERMANENT.has(event.code),
    });
    sendOwnPresenceOnly(provider);
    let lastProbe = 0;
    let alive = true;
    const copy = openOfflineCopy(ydoc, this.documentId, this.generation, this.offline.personId, this.offline.canEdit);
    // Words kept from an earlier visit can be shown (and added to) before the server answers.
    void copy.loaded.then((hadCopy) => {
      if (hadCopy && alive && ydoc.getXmlFragment('default').length > 0 && !this.snapshot.synced) this.publish({ synced: true });
    });

    provider.on('status', ({ status }) => {
      this.socket = status;
      if (status === 'connected') this.everConnected = true;
      this.publish({});
    });
    let checkedLeftovers = false;
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced && !this.snapshot.synced) this.publish({ synced: true });
      if (isSynced && !checkedLeftovers) {
        checkedLeftovers = true;
        void copy.leftovers(ydoc).then((unsent) => {
          if (alive && unsent.length > 0) this.publish({ unsent });
        });
      }
    });
    provider.on('connection-close', (event) => {
      if (!event) return;
      const closed = CLOSED_MESSAGES.get(event.code);
      if (closed) this.publish({ closedMessage: t(closed) });
      else if (event.code === CLOSE_CODES.unauthenticated) this.tell('onSessionEnded');
      else if (event.code === CLOSE_CODES.rightsChanged) this.tell('onRightsChanged');
      else if (event.code === ABNORMAL_CLOSE && navigator.onLine && Date.now() - lastProbe > SESSION_PROBE_INTERVAL_MS) {
        lastProbe = Date.now();
        this.probeSession();
      }
    });
    const onNetworkChange = () => this.publish({});
    window.addEventListener('online', onNetworkChange);
    window.addEventListener('offline', onNetworkChange);

    this.discardCurrent = () => {
      copy.discardLeftovers();
      this.publish({ unsent: null });
    };
    this.stopCurrent = () => {
      alive = false;
      this.discardCurrent = null;
      window.removeEventListener('online', onNetworkChange);
      window.removeEventListener('offline', onNetworkChange);
      provider.destroy();
      copy.destroy();
      ydoc.destroy();
    };
    this.publish({ collab: { ydoc, provider } });
    provider.connect();
  }

  /** The person has seen (and copied) their unsent words: forget them. */
  discardUnsent = (): void => {
    this.discardCurrent?.();
  };

  stop(): void {
    this.handlers = null;
    this.unheard.clear();
    if (!this.stopCurrent) return;
    this.stopCurrent();
    this.stopCurrent = null;
    this.socket = 'connecting';
    this.everConnected = false;
    this.snapshot = INITIAL;
    this.notify();
  }

  private probeSession(): void {
    api.currentPerson().then(
      (person) => {
        if (!person) this.tell('onSessionEnded');
      },
      () => {
        // The server is unreachable: y-websocket keeps retrying and the indicator says so.
      },
    );
  }

  private listen(handlers: CollabHandlers): void {
    this.handlers = handlers;
    const unheard = [...this.unheard];
    this.unheard.clear();
    for (const what of unheard) handlers[what]();
  }

  private tell(what: keyof CollabHandlers): void {
    if (this.handlers) this.handlers[what]();
    else this.unheard.add(what);
  }

  private publish(change: Partial<CollabSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    next.connection = this.connectionState(next.closedMessage);
    this.snapshot = next;
    this.notify();
  }

  private connectionState(closedMessage: string | null): ConnectionState {
    if (closedMessage) return 'closed';
    if (!navigator.onLine) return 'offline';
    if (this.socket === 'connected') return 'connected';
    return this.everConnected ? 'reconnecting' : 'connecting';
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
