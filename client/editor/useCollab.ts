/** A document's live connection for as long as the component using it is mounted. */
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabHandlers, type CollabSnapshot } from './collabSession.ts';
import { takeEarlyCollab } from '../document/earlyLive.ts';

export type { Collab, ConnectionState } from './collabSession.ts';

/** The page keys this hook's component by document id, so one session per mount is one per document. */
export function useCollab(
  documentId: string,
  generation: string,
  offline: { personId: string; canEdit: boolean },
  handlers: CollabHandlers,
): CollabSnapshot & { discardUnsent: () => void } {
  // Constructing a session is free; the Y.Doc and socket only exist between start() and stop().
  // Rights read at mount decide whether an offline copy is kept: see offlineCopy.ts. The session the
  // page started with (prefetch.ts) is taken when it is this very one, and its text may be here.
  const [session] = useState(() => takeEarlyCollab(documentId, generation, offline) ?? new CollabSession(documentId, generation, offline));
  const onRightsChanged = useEffectEvent(() => handlers.onRightsChanged());
  const onSessionEnded = useEffectEvent(() => handlers.onSessionEnded());

  useEffect(() => {
    session.start({ onRightsChanged: () => onRightsChanged(), onSessionEnded: () => onSessionEnded() });
    return () => session.stop();
  }, [session]);

  return { ...useSyncExternalStore(session.subscribe, session.getSnapshot), discardUnsent: session.discardUnsent };
}
