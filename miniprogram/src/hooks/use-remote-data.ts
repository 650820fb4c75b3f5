import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '@/services/error-message';

export type RemoteData<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string };

export type RemoteResource<T> = {
  state: RemoteData<T>;
  /** Loads again; data already shown stays on screen until the new answer arrives. */
  reload: () => void;
  /** Replaces the data with a newer copy the page got elsewhere (e.g. the answer to a save). */
  replace: (data: T) => void;
};

/**
 * Loads what a page shows. `key` names what to load (a new key loads again; null loads nothing,
 * e.g. while signed out); an answer that arrives after the key moved on is dropped.
 */
export function useRemoteData<T>(key: string | null, load: () => Promise<T>): RemoteResource<T> {
  const [state, setState] = useState<RemoteData<T>>(key === null ? { status: 'idle' } : { status: 'loading' });
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const requestSeq = useRef(0);

  const run = useCallback((keepShown: boolean) => {
    const seq = ++requestSeq.current;
    if (!keepShown) setState({ status: 'loading' });
    latestLoad.current().then(
      (data) => {
        if (seq === requestSeq.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (seq === requestSeq.current) setState({ status: 'error', message: describeError(error) });
      },
    );
  }, []);

  useEffect(() => {
    if (key === null) {
      requestSeq.current += 1;
      setState({ status: 'idle' });
      return;
    }
    run(false);
  }, [key, run]);

  const reload = useCallback(() => {
    if (key === null) return;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    run(true);
  }, [key, run]);

  const replace = useCallback((data: T) => {
    requestSeq.current += 1;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload, replace };
}
