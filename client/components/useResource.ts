/**
 * Loads something from the API for a page and keeps its state: loading, failed (with the server's
 * message, and whether the role or the address was the reason), or ready. A reload keeps what is on
 * screen until the new answer arrives, so lists do not flash while they refresh.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api.ts';

export type LoadFailure = { message: string; forbidden: boolean; notFound: boolean };

export type Resource<T> = { status: 'loading' } | ({ status: 'error' } & LoadFailure) | { status: 'ready'; data: T };

export function failureOf(error: unknown): LoadFailure {
  const status = error instanceof ApiError ? error.status : 0;
  return { message: errorMessage(error), forbidden: status === 403, notFound: status === 404 };
}

const LOADING = { status: 'loading' } as const;

/** `load` must be stable (useCallback); a new `load` starts a new load and shows "loading" until it answers. */
export function useResource<T>(load: () => Promise<T>) {
  // The answer remembers which load it answers: an answer for an earlier `load` reads as loading.
  const [result, setResult] = useState<{ load: () => Promise<T>; state: Resource<T> } | null>(null);
  // Only the latest request may write: a slow old answer must not overwrite a newer one.
  const latest = useRef(0);

  const run = useCallback(
    (): Promise<void> => {
      const ticket = ++latest.current;
      return load().then(
        (data) => {
          if (ticket === latest.current) setResult({ load, state: { status: 'ready', data } });
        },
        (error: unknown) => {
          if (ticket !== latest.current) return;
          // A failed refresh keeps what is on screen; only a first load shows the failure.
          setResult((current) => (current?.load === load && current.state.status === 'ready' ? current : { load, state: { status: 'error', ...failureOf(error) } }));
        },
      );
    },
    [load],
  );

  useEffect(() => {
    void run();
  }, [run]);

  const retry = useCallback(() => {
    setResult(null);
    void run();
  }, [run]);

  const state: Resource<T> = result?.load === load ? result.state : LOADING;
  return { state, reload: run, retry };
}
