/** A document's live connection for as long as the component using it is mounted. */
import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabHandlers, type CollabSnapshot } from './collabSession.ts';

export type { Collab, ConnectionState } from './collabSession.ts';

/** The page keys this hook's component by document id, so one session per mount is one per document. */
export function useCollab(
  documentId: string,
  generation: string,
  offline: { personId: string; canEdit: boolean },
  handlers: CollabHandlers,
): CollabSnapshot & { discardUnsent: () => void } {
  // Constructing a session is free; the Y.Doc and socket only exist between start() and stop().
  // Rights read at mount decide whether an offline copy is kept: see offlineCopy.ts.
  const [session] = useState(() => new CollabSession(documentId, generation, offline));
  const onRightsChanged = useEffectEvent(() => handlers.onRightsChanged());
  const onSessionEnded = useEffectEvent(() => handlers.onSessionEnded());

  useEffect(() => {
    session.start({ onRightsChanged: () => onRightsChanged(), onSessionEnded: () => onSessionEnded() });
    return () => session.stop();
  }, [session]);

  return { ...useSyncExternalStore(session.subscribe, session.getSnapshot), discardUnsent: session.discardUnsent };
}
