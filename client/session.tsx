/**
 * Who is signed in. Asks the server once at start, and drops the session whenever the server says
 * it is gone (any 401, or the collaboration socket's "session ended" close), so every page can
 * assume a person.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Person } from '../shared/api.ts';
import { api, setUnauthenticatedHandler } from './api.ts';

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

const EXPIRED_NOTICE = 'Your session has ended. Sign in again to continue.';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const check = useCallback(() => {
    api.currentPerson().then(
      (person) => setState(person ? { status: 'signed-in', person } : { status: 'signed-out', notice: null }),
      () => setState({ status: 'error' }),
    );
  }, []);

  useEffect(check, [check]);

  const expire = useCallback(() => {
    setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', notice: EXPIRED_NOTICE } : current));
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
          setState({ status: 'signed-out', notice: 'You have signed out.' });
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

/** The signed-in person; only for pages that App renders behind the session check. */
export function usePerson(): Person {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('usePerson without a session');
  return state.person;
}
