/**
 * A document's live connections started before React renders its page: the collaboration socket
 * and the comments feed open as soon as the session and the document are known (prefetch.ts), so
 * that the text and the comments are on their way while the page's script and React catch up. The
 * page's hooks take them over (useCollab, useThreadFeed); whatever nobody takes is closed.
 */
import type { DocumentDetail, Person } from '../../shared/api.ts';
import { CollabSession } from '../editor/collabSession.ts';
import { ThreadFeed } from '../threads/threadFeed.ts';

/** A started connection nobody took by then was for a page that never showed: close it. */
const UNCLAIMED_MS = 15_000;

interface Early {
  generation: string;
  offline: { personId: string; canEdit: boolean };
  /** Each is handed over once; the entry goes when both have been. */
  collab?: CollabSession;
  feed?: ThreadFeed;
  timer: number;
}

const started = new Map<string, Early>();
/** Documents whose page has asked already: starting early after that would open a second socket. */
const asked = new Set<string>();

export function startEarly(detail: DocumentDetail, person: Person): void {
  if (asked.has(detail.id) || started.has(detail.id)) return;
  const offline = { personId: person.id, canEdit: detail.access.edit };
  const collab = new CollabSession(detail.id, detail.generation, offline);
  const feed = new ThreadFeed(detail.id);
  collab.start();
  feed.start();
  const timer = window.setTimeout(() => {
    started.delete(detail.id);
    collab.stop();
    feed.stop();
  }, UNCLAIMED_MS);
  started.set(detail.id, { generation: detail.generation, offline, collab, feed, timer });
}

function handedOver(documentId: string, early: Early): void {
  if (early.collab || early.feed) return;
  window.clearTimeout(early.timer);
  started.delete(documentId);
}

/** The early socket when it is for this very text and person, with the same rights; once. */
export function takeEarlyCollab(documentId: string, generation: string, offline: { personId: string; canEdit: boolean }): CollabSession | undefined {
  asked.add(documentId);
  const early = started.get(documentId);
  const collab = early?.collab;
  if (!early || !collab) return undefined;
  early.collab = undefined;
  handedOver(documentId, early);
  if (early.generation === generation && early.offline.personId === offline.personId && early.offline.canEdit === offline.canEdit) return collab;
  collab.stop();
  return undefined;
}

/** The early comments feed of this document; once. */
export function takeEarlyFeed(documentId: string): ThreadFeed | undefined {
  asked.add(documentId);
  const early = started.get(documentId);
  const feed = early?.feed;
  if (!early || !feed) return undefined;
  early.feed = undefined;
  handedOver(documentId, early);
  return feed;
}
