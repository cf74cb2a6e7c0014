/**
 * Who is signed in. Asks the server once at start, and drops the session whenever the server says
 * it is gone (any 401, or the collaboration socket's "session ended" close), so every page can
 * assume a person.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Person } from '../shared/api.ts';
import type { Role } from '../shared/domain.ts';
import { api, setUnauthenticatedHandler } from './api.ts';
import { takePrefetchedSession } from './prefetch.ts';
import { t } from './i18n/intl.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; person: Person };

interface SessionActions {
  signIn(token: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the server again after it could not be reached. */
  retry(): void;
  /** The server ended the session (expired, signed out elsewhere). */
  expire(): void;
}

const SessionContext = createContext<(SessionActions & { state: SessionState }) | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const check = useCallback(() => {
    takePrefetchedSession().then(
      (person) => setState(person ? { status: 'signed-in', person } : { status: 'signed-out', notice: null }),
      () => setState({ status: 'error' }),
    );
  }, []);

  useEffect(check, [check]);

  const expire = useCallback(() => {
    setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', notice: t('session.ended') } : current));
  }, []);

  useEffect(() => setUnauthenticatedHandler(expire), [expire]);

  const value = useMemo(
    () => ({
      state,
      expire,
      retry() {
        setState({ status: 'loading' });
        check();
      },
      async signIn(token: string) {
        const person = await api.signIn(token);
        setState({ status: 'signed-in', person });
      },
      async signOut() {
        try {
          await api.signOut();
        } finally {
          setState({ status: 'signed-out', notice: t('session.signedOut') });
        }
      },
    }),
    [state, expire, check],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The caller's role on the document a page shows (DocumentDetail.role), when it shows one. */
const DocumentRoleContext = createContext<Role | null>(null);

/**
 * Inside a document's pages, the signed-in person acts with their role on that document: every
 * check of the role matrix below reads it through usePerson(), as the server does.
 */
export function AsMemberOf({ role, children }: { role: Role; children: ReactNode }) {
  return <DocumentRoleContext.Provider value={role}>{children}</DocumentRoleContext.Provider>;
}

/**
 * The signed-in person; only for pages that App renders behind the session check. Within a
 * document (AsMemberOf), `role` is their role on that document.
 */
export function usePerson(): Person {
  const { state } = useSession();
  const documentRole = useContext(DocumentRoleContext);
  if (state.status !== 'signed-in') throw new Error('usePerson without a session');
  return useMemo(() => (documentRole && documentRole !== state.person.role ? { ...state.person, role: documentRole } : state.person), [state.person, documentRole]);
}
